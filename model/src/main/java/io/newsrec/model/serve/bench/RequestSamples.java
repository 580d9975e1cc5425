package io.newsrec.model.serve.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.newsrec.model.Interaction;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic {@code /invocations} bodies taken from the data: for each click in a time window that
 * is not the first of its session, a request with the session's earlier clicks (at most 20), the
 * reader, 20 items, the clicked article's time as {@code now}, the referrer type of the previous
 * click when it has one (how the reader came to the page the request is made from), and half of the
 * time the previous click as {@code currentArticle} (a "read next" box).
 */
final class RequestSamples {

  private static final JsonFactory JSON = new JsonFactory();
  private static final int MAX_CLICKS = 20;

  private RequestSamples() {}

  /**
   * @param timeOrdered all interactions in time order
   * @param fromMs start of the window (inclusive)
   * @param toMs end of the window (exclusive)
   * @param count how many bodies to keep, chosen at random with {@code seed}
   */
  static List<byte[]> sample(
      List<Interaction> timeOrdered, long fromMs, long toMs, int count, long seed) {
    Random random = new Random(seed);
    Map<String, List<String>> sessions = new HashMap<>();
    Map<String, String> lastReferrer = new HashMap<>();
    List<byte[]> bodies = new ArrayList<>();
    for (Interaction click : timeOrdered) {
      if (click.timeMs() >= toMs) {
        break;
      }
      if (click.timeMs() < fromMs - 3_600_000L) {
        continue; // sessions that began more than an hour before the window are not needed
      }
      List<String> earlier = sessions.computeIfAbsent(click.sessionId(), s -> new ArrayList<>());
      if (click.timeMs() >= fromMs && !earlier.isEmpty()) {
        bodies.add(body(click, earlier, lastReferrer.get(click.sessionId()), random.nextBoolean()));
      }
      earlier.add(click.articleId());
      lastReferrer.put(click.sessionId(), click.referrerType());
    }
    Collections.shuffle(bodies, random);
    return bodies.subList(0, Math.min(count, bodies.size()));
  }

  private static byte[] body(
      Interaction click, List<String> earlier, String referrerType, boolean readNext) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("portal", click.portal());
      json.writeStringField("userId", click.userId());
      json.writeArrayFieldStart("sessionClicks");
      for (String article :
          earlier.subList(Math.max(0, earlier.size() - MAX_CLICKS), earlier.size())) {
        json.writeString(article);
      }
      json.writeEndArray();
      json.writeNumberField("count", 20);
      if (readNext) {
        json.writeStringField("currentArticle", earlier.getLast());
      }
      json.writeNumberField("now", click.timeMs());
      if (referrerType != null) {
        json.writeStringField("referrerType", referrerType);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
