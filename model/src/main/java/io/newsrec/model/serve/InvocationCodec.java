package io.newsrec.model.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.newsrec.model.Interaction;
import io.newsrec.model.RecommendRequest;
import io.newsrec.model.Recommendations;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code /invocations} requests and writes responses, with Jackson's streaming API (no object
 * mapping: it allocates little and keeps the tail latency low). The format is documented in {@code
 * model/docs/invocations.md}.
 */
final class InvocationCodec {

  static final int DEFAULT_COUNT = 10;
  static final int MAX_COUNT = 200;
  static final int MAX_IDS = 1_000;

  private static final JsonFactory JSON = new JsonFactory();

  private InvocationCodec() {}

  /** A request is either valid or rejected with the field at fault. */
  sealed interface Parsed {
    record Valid(RecommendRequest request) implements Parsed {}

    record Invalid(String field, String message) implements Parsed {}
  }

  /** Parses a request body; {@code nowMs} is used when the request names no time. */
  static Parsed parse(byte[] body, int length, long nowMs) {
    try (JsonParser parser = JSON.createParser(body, 0, length)) {
      return parse(parser, nowMs);
    } catch (JsonProcessingException e) {
      return new Parsed.Invalid("body", "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return new Parsed.Invalid("body", "unreadable body");
    } catch (InvalidField e) {
      return new Parsed.Invalid(e.field, e.getMessage());
    }
  }

  private static Parsed parse(JsonParser parser, long nowMs) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw new InvalidField("body", "the body must be a JSON object");
    }
    String portal = null, userId = null, currentArticle = null, referrerType = null;
    List<String> sessionClicks = List.of();
    Set<String> exclude = Set.of();
    int count = DEFAULT_COUNT;
    long now = nowMs;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "portal" -> portal = id(parser, value, field);
        case "userId" -> userId = id(parser, value, field);
        case "currentArticle" -> currentArticle = id(parser, value, field);
        case "sessionClicks" -> sessionClicks = ids(parser, value, field, new ArrayList<>());
        case "exclude" -> exclude = ids(parser, value, field, new HashSet<>());
        case "count", "numItems" -> count = count(parser, value, field);
        case "now" -> now = time(parser, value);
        case "referrerType" -> referrerType = referrerType(parser, value);
        default -> parser.skipChildren(); // unknown fields are ignored: clients may add first
      }
    }
    if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
      throw new InvalidField("body", "the body must hold exactly one JSON object");
    }
    if (portal == null || portal.isBlank()) {
      throw new InvalidField("portal", "portal is required");
    }
    return new Parsed.Valid(
        new RecommendRequest(
            portal, userId, sessionClicks, count, exclude, currentArticle, now, referrerType));
  }

  private static String id(JsonParser parser, JsonToken value, String field) throws IOException {
    return switch (value) {
      case VALUE_STRING, VALUE_NUMBER_INT -> parser.getText();
      case VALUE_NULL -> null;
      default -> throw new InvalidField(field, field + " must be a string");
    };
  }

  private static <C extends java.util.Collection<String>> C ids(
      JsonParser parser, JsonToken value, String field, C into) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return into;
    }
    if (value != JsonToken.START_ARRAY) {
      throw new InvalidField(field, field + " must be an array of article ids");
    }
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      String id = id(parser, t, field);
      if (id == null || id.isBlank()) {
        throw new InvalidField(field, field + " must hold non-blank article ids");
      }
      if (into.size() == MAX_IDS) {
        throw new InvalidField(field, field + " may hold at most " + MAX_IDS + " ids");
      }
      into.add(id);
    }
    return into;
  }

  /** A class such as {@code search}, as the interactions carry it; empty or null is unknown. */
  private static String referrerType(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.VALUE_STRING
        || parser.getText().length() > Interaction.MAX_REFERRER_TYPE_LENGTH) {
      throw new InvalidField(
          "referrerType",
          "referrerType must be a string of at most "
              + Interaction.MAX_REFERRER_TYPE_LENGTH
              + " characters (a class such as search, not a URL)");
    }
    return parser.getText().isEmpty() ? null : parser.getText();
  }

  private static int count(JsonParser parser, JsonToken value, String field) throws IOException {
    if (value != JsonToken.VALUE_NUMBER_INT
        || parser.getNumberType() != JsonParser.NumberType.INT
        || parser.getIntValue() < 1
        || parser.getIntValue() > MAX_COUNT) {
      throw new InvalidField(field, field + " must be an integer from 1 to " + MAX_COUNT);
    }
    return parser.getIntValue();
  }

  private static long time(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT) {
      return parser.getLongValue();
    }
    if (value == JsonToken.VALUE_STRING) {
      try {
        return Instant.parse(parser.getText()).toEpochMilli();
      } catch (DateTimeParseException e) {
        // falls through to the error below
      }
    }
    throw new InvalidField("now", "now must be an ISO-8601 instant or epoch milliseconds");
  }

  /** Writes the response for one answered request. */
  static void writeResponse(
      OutputStream out, Recommendations recommendations, ServedModel model, long tookMicros)
      throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("items");
      for (Recommendations.Item item : recommendations.items()) {
        json.writeStartObject();
        json.writeStringField("articleId", item.articleId());
        json.writeNumberField("score", item.score());
        json.writeArrayFieldStart("sources");
        for (String source : item.sources()) {
          json.writeString(source);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("model");
      json.writeStringField("version", model.version());
      json.writeStringField("loadedAt", model.loadedAt().toString());
      json.writeNumberField("onlineUpdates", model.updates());
      Instant last = model.lastEventTime();
      if (last != null) {
        json.writeStringField("lastEventTime", last.toString());
      }
      json.writeEndObject();
      json.writeNumberField("tookMicros", tookMicros);
      json.writeEndObject();
    }
  }

  /** Writes an {@code application/problem+json} body (RFC 9457). */
  static void writeProblem(OutputStream out, int status, String title, String field, String detail)
      throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("type", "about:blank");
      json.writeStringField("title", title);
      json.writeNumberField("status", status);
      json.writeStringField("detail", detail);
      if (field != null) {
        json.writeStringField("field", field);
      }
      json.writeEndObject();
    }
  }

  /** Thrown inside the parser to stop at the first bad field; never leaves this class. */
  private static final class InvalidField extends RuntimeException {
    final String field;

    InvalidField(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }
  }
}
