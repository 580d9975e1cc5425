package io.newsrec.delivery;

import io.newsrec.events.Pageview;
import io.newsrec.events.PageviewJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One message of the retry queue ({@code pageviews-retry}): pageviews of a single portal that
 * Kinesis did not take, for the retry-worker to re-put.
 *
 * <p><b>The message format</b>, written by {@link #pack} and read by {@link #decode}, is defined
 * here and nowhere else: the SQS message body is a JSON array of contract-v1 pageviews, exactly the
 * batch form of {@code POST /pageview} ({@link PageviewJson}), holding one or more events that all
 * belong to the same portal. Each event keeps its own {@code userId}, so the re-put uses the
 * original partition key. No message attributes are needed; a body that does not decode is poison
 * and is left for the redrive policy to move to the dead-letter queue.
 */
public record RetryMessage(String portal, List<Pageview> events) {

  /**
   * Largest body {@link #pack} writes, UTF-8 bytes: SQS's 256 KiB message limit (which the whole
   * {@code SendMessageBatch} request must also respect), less headroom for the request's framing.
   */
  public static final int MAX_BODY_BYTES = 256 * 1024 - 4 * 1024;

  public RetryMessage {
    events = List.copyOf(events);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a retry message holds at least one event");
    }
    for (Pageview event : events) {
      if (!event.portal().equals(portal)) {
        throw new IllegalArgumentException("a retry message holds the events of one portal");
      }
    }
  }

  /**
   * Packs {@code events} into message bodies of at most {@code maxBodyBytes}: grouped by portal (in
   * order of first appearance), each portal's events kept in their order.
   */
  public static List<String> pack(List<Pageview> events, int maxBodyBytes) {
    Map<String, List<byte[]>> byPortal = new LinkedHashMap<>();
    for (Pageview event : events) {
      byPortal
          .computeIfAbsent(event.portal(), p -> new ArrayList<>())
          .add(PageviewJson.encode(event));
    }
    List<String> bodies = new ArrayList<>();
    for (List<byte[]> encoded : byPortal.values()) {
      ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(maxBodyBytes, 64 * 1024));
      for (byte[] event : encoded) {
        if (event.length + 2 > maxBodyBytes) {
          throw new IllegalArgumentException("one event is larger than a message may be");
        }
        // "[" + events joined by "," + "]": the next event costs its length plus one byte.
        if (body.size() > 0 && body.size() + event.length + 1 > maxBodyBytes) {
          bodies.add(close(body));
          body.reset();
        }
        body.write(body.size() == 0 ? '[' : ',');
        body.writeBytes(event);
      }
      bodies.add(close(body));
    }
    return bodies;
  }

  /**
   * Reads a body written by {@link #pack}.
   *
   * @throws IllegalArgumentException when it is not one (a poison message)
   */
  public static RetryMessage decode(String body) {
    List<Pageview> events = PageviewJson.decodeBatch(body.getBytes(StandardCharsets.UTF_8));
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a retry message holds at least one event");
    }
    return new RetryMessage(events.get(0).portal(), events);
  }

  private static String close(ByteArrayOutputStream body) {
    body.write(']');
    return body.toString(StandardCharsets.UTF_8);
  }
}
