package io.newsrec.ingest.testing;

import io.newsrec.events.Pageview;
import io.newsrec.events.PageviewJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Small named event factories. Event times are "now" by the system clock: the service checks them.
 */
public final class Pageviews {

  private Pageviews() {}

  /** Event {@code n} of {@code userId} on {@code portal}; the id encodes all three. */
  public static Pageview event(String portal, String userId, int n) {
    return new Pageview(
        new UUID(portal.hashCode() * 31L + userId.hashCode(), n),
        portal,
        userId,
        "s-" + userId,
        "https://" + portal + ".globo.com/noticia/" + n + ".ghtml",
        "a-" + n,
        Instant.now(Clock.systemUTC()).minusSeconds(1),
        1000L + n,
        n % 101,
        n % 4,
        null,
        null);
  }

  public static List<Pageview> events(String portal, String userId, int count) {
    return IntStream.range(0, count).mapToObj(i -> event(portal, userId, i)).toList();
  }

  public static String json(Pageview event) {
    return new String(PageviewJson.encode(event), StandardCharsets.UTF_8);
  }

  public static String json(List<Pageview> events) {
    return new String(PageviewJson.encodeBatch(events), StandardCharsets.UTF_8);
  }
}
