package io.newsrec.retry;

import io.newsrec.events.Pageview;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Test pageviews: deterministic ids, a fixed clock. */
public final class Events {

  public static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  private Events() {}

  public static Pageview pageview(String portal, String user, int n) {
    return new Pageview(
        UUID.nameUUIDFromBytes((portal + "/" + user + "/" + n).getBytes()),
        portal,
        user,
        "session-" + user,
        "https://" + portal + ".example/article/" + n,
        "article-" + n,
        T0.plusSeconds(n),
        1_000L * n,
        n % 101,
        n % 5,
        null,
        null);
  }

  /** {@code count} pageviews of {@code user} on {@code portal}. */
  public static List<Pageview> of(String portal, String user, int count) {
    return IntStream.range(0, count).mapToObj(i -> pageview(portal, user, i)).toList();
  }
}
