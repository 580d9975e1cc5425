package io.newsrec.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of contract v1: field names as in {@link Pageview}, {@code eventTime} in ISO-8601
 * UTC ({@code 2026-11-27T10:15:30.123Z}), optional fields omitted when {@code null}. This is what
 * the Kinesis records and the SQS messages carry.
 *
 * <p>{@link #decode} and {@link #decodeBatch} are for trusted input (what this codec wrote): they
 * check the shape but not the deployment's rules. Untrusted input goes through {@link
 * PageviewReader}.
 */
public final class PageviewJson {

  static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final PageviewValidator SHAPE = PageviewValidator.structural();

  private PageviewJson() {}

  /** One event as a JSON object, UTF-8. */
  public static byte[] encode(Pageview event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(384);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      write(g, event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Events as a JSON array, UTF-8 (the batch form of {@code POST /pageview}). */
  public static byte[] encodeBatch(List<Pageview> events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(384 * Math.max(1, events.size()));
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.writeStartArray();
      for (Pageview event : events) {
        write(g, event);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Reads one event written by {@link #encode}.
   *
   * @throws IllegalArgumentException when the bytes are not a contract-v1 event
   */
  public static Pageview decode(byte[] json) {
    return valid(parse(json), "");
  }

  /**
   * Reads a JSON array of events, or a single event object as a batch of one.
   *
   * @throws IllegalArgumentException when the bytes are not contract-v1 events
   */
  public static List<Pageview> decodeBatch(byte[] json) {
    JsonNode root = parse(json);
    if (!root.isArray()) {
      return List.of(valid(root, ""));
    }
    List<Pageview> events = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      events.add(valid(root.get(i), "[" + i + "]."));
    }
    return events;
  }

  static JsonNode parse(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      // The original message has no source excerpt: the body may hold personal data.
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  private static Pageview valid(JsonNode node, String prefix) {
    Validated verdict = SHAPE.validate(node, prefix);
    if (verdict instanceof Validated.Valid valid) {
      return valid.pageview();
    }
    throw new IllegalArgumentException(
        "not a contract-v1 pageview: " + ((Validated.Invalid) verdict).errors());
  }

  private static void write(JsonGenerator g, Pageview e) throws IOException {
    g.writeStartObject();
    g.writeStringField("eventId", e.eventId().toString());
    g.writeStringField("portal", e.portal());
    g.writeStringField("userId", e.userId());
    g.writeStringField("sessionId", e.sessionId());
    g.writeStringField("url", e.url());
    optional(g, "articleId", e.articleId());
    g.writeStringField("eventTime", IsoTimes.format(e.eventTime()));
    g.writeNumberField("timeOnPageMs", e.timeOnPageMs());
    g.writeNumberField("scrollDepthPct", e.scrollDepthPct());
    g.writeNumberField("linkClicks", e.linkClicks());
    optional(g, "referrer", e.referrer());
    optional(g, "recommendationId", e.recommendationId());
    g.writeEndObject();
  }

  private static void optional(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }
}
