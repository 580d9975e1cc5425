package io.newsrec.testsupport;

import io.newsrec.events.Pageview;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Test pageviews of every module: deterministic ids (the id encodes portal, user and number), a
 * fixed clock.
 */
public final class TestPageviews {

  public static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  private TestPageviews() {}

  /** The {@code n}-th pageview of {@code user} on {@code portal}; its id encodes all three. */
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

  /** {@code count} pageviews on {@code portal}, users {@code u0..u<users-1>} round robin. */
  public static List<Pageview> many(String portal, int users, int count) {
    return IntStream.range(0, count).mapToObj(i -> pageview(portal, "u" + (i % users), i)).toList();
  }

  /** {@code count} pageviews of {@code user} on {@code portal}, numbered from 0. */
  public static List<Pageview> of(String portal, String user, int count) {
    return IntStream.range(0, count).mapToObj(i -> pageview(portal, user, i)).toList();
  }

  /**
   * A pageview about {@code bytes} long in JSON (at most ~4.4 KB, the contract's limits), made long
   * by its URL and referrer.
   */
  public static Pageview big(String portal, String user, int n, int bytes) {
    Pageview p = pageview(portal, user, n);
    int each = Math.min(2_000, Math.max(0, bytes - 400) / 2);
    String url = "https://" + portal + ".example/" + "a".repeat(each);
    String referrer = "https://ref.example/" + "r".repeat(each);
    return new Pageview(
        p.eventId(),
        portal,
        user,
        p.sessionId(),
        url,
        p.articleId(),
        p.eventTime(),
        p.timeOnPageMs(),
        p.scrollDepthPct(),
        p.linkClicks(),
        referrer,
        null);
  }
}
