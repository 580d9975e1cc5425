package io.newsrec.model.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.newsrec.model.Interaction;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The JSON of one interaction record, as the analytics job writes it to the {@code
 * interactions-<portal>} streams and to the interaction archive (one record per line):
 *
 * <pre>{@code
 * {"eventId":"7f1c...","portal":"g1","userId":"u-42","sessionId":"s-9","articleId":"a-1",
 *  "eventTime":"2017-10-01T03:00:00Z","weight":1.0,"referrerType":"search"}
 * }</pre>
 *
 * <p>{@code eventTime} is an ISO-8601 instant or a number of milliseconds since the epoch. {@code
 * weight} defaults to 1.0 (a plain click) and must be positive. {@code userId} may be absent for an
 * anonymous reader: the session then stands for the reader. {@code eventId} may be absent (archives
 * of data that never had one); such records cannot be de-duplicated. {@code referrerType},
 * optional, is a short class of how the reader came to the page (at most {@value
 * Interaction#MAX_REFERRER_TYPE_LENGTH} characters; absent, null or empty is unknown). Unknown
 * fields are ignored so that the producer can add fields first. Full description: {@code
 * model/docs/invocations.md}.
 */
public final class InteractionRecords {

  private static final JsonFactory JSON = new JsonFactory();

  private InteractionRecords() {}

  /** The outcome of decoding one record. */
  public sealed interface Decoded {

    /** A valid record; {@code eventId} is {@code null} when the record had none. */
    record Accepted(String eventId, Interaction interaction) implements Decoded {}

    /** A record that is not a valid interaction, with a reason that holds no personal data. */
    record Rejected(String reason) implements Decoded {}
  }

  /**
   * Encodes one record in the format that {@link #decode} reads, with {@code eventTime} in epoch
   * milliseconds. Producers of test data and replays use it.
   */
  public static String encode(String eventId, Interaction interaction) {
    StringWriter out = new StringWriter(160);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      if (eventId != null) {
        json.writeStringField("eventId", eventId);
      }
      json.writeStringField("portal", interaction.portal());
      json.writeStringField("userId", interaction.userId());
      json.writeStringField("sessionId", interaction.sessionId());
      json.writeStringField("articleId", interaction.articleId());
      json.writeNumberField("eventTime", interaction.timeMs());
      json.writeNumberField("weight", interaction.weight());
      if (interaction.referrerType() != null) {
        json.writeStringField("referrerType", interaction.referrerType());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Decodes one UTF-8 JSON record. */
  public static Decoded decode(byte[] json) {
    try (JsonParser parser = JSON.createParser(json)) {
      return decode(parser);
    } catch (IOException | RuntimeException e) {
      return new Decoded.Rejected("malformed JSON");
    }
  }

  /** Decodes one JSON record held in a string (a line of an archive). */
  public static Decoded decode(String json) {
    try (JsonParser parser = JSON.createParser(json)) {
      return decode(parser);
    } catch (IOException | RuntimeException e) {
      return new Decoded.Rejected("malformed JSON");
    }
  }

  private static Decoded decode(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return new Decoded.Rejected("not a JSON object");
    }
    String eventId = null, portal = null, userId = null, sessionId = null, articleId = null;
    String referrerType = null;
    Long timeMs = null;
    double weight = 1.0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "eventId" -> eventId = text(parser, value);
        case "portal" -> portal = text(parser, value);
        case "userId" -> userId = text(parser, value);
        case "sessionId" -> sessionId = text(parser, value);
        case "articleId" -> articleId = text(parser, value);
        case "eventTime" -> timeMs = time(parser, value);
        case "referrerType" -> {
          if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
            return new Decoded.Rejected("referrerType must be a string");
          }
          referrerType = text(parser, value);
        }
        case "weight" -> {
          if (!value.isNumeric()) {
            return new Decoded.Rejected("weight must be a number");
          }
          weight = parser.getDoubleValue();
        }
        default -> parser.skipChildren();
      }
    }
    if (portal == null || portal.isBlank()) {
      return new Decoded.Rejected("portal is required");
    }
    if (sessionId == null || sessionId.isBlank()) {
      return new Decoded.Rejected("sessionId is required");
    }
    if (articleId == null || articleId.isBlank()) {
      return new Decoded.Rejected("articleId is required");
    }
    if (timeMs == null) {
      return new Decoded.Rejected("eventTime is required: ISO-8601 instant or epoch milliseconds");
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      return new Decoded.Rejected("weight must be a positive finite number");
    }
    if (referrerType != null && referrerType.length() > Interaction.MAX_REFERRER_TYPE_LENGTH) {
      return new Decoded.Rejected(
          "referrerType must be at most "
              + Interaction.MAX_REFERRER_TYPE_LENGTH
              + " characters (a class such as search, not a URL)");
    }
    if (referrerType != null && referrerType.isEmpty()) {
      referrerType = null;
    }
    String reader = userId == null || userId.isBlank() ? sessionId : userId;
    return new Decoded.Accepted(
        eventId,
        new Interaction(portal, reader, sessionId, articleId, timeMs, weight, referrerType));
  }

  /** Ids may arrive as strings or as integers (the g1 data has integer ids). */
  private static String text(JsonParser parser, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_STRING, VALUE_NUMBER_INT -> parser.getText();
      case VALUE_NULL -> null;
      default -> {
        parser.skipChildren();
        yield null;
      }
    };
  }

  private static Long time(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT) {
      return parser.getLongValue();
    }
    if (value == JsonToken.VALUE_STRING) {
      try {
        return Instant.parse(parser.getText()).toEpochMilli();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    parser.skipChildren();
    return null;
  }
}
