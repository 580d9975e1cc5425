package io.newsrec.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Small named fixtures with a fixed clock. */
final class Examples {

  static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Portals PORTALS = Portals.of("g1", "ge", "gshow");

  private Examples() {}

  static PageviewValidator validator() {
    return new PageviewValidator(PORTALS, CLOCK);
  }

  /** A complete, valid event as the tracker sends it. */
  static ObjectNode validJson() {
    ObjectNode n = PageviewJson.MAPPER.createObjectNode();
    n.put("eventId", "3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    n.put("portal", "g1");
    n.put("userId", "u-123");
    n.put("sessionId", "s-9");
    n.put("url", "https://g1.globo.com/economia/noticia/abc.ghtml");
    n.put("articleId", "a-77");
    n.put("eventTime", "2026-11-27T09:59:58.250Z");
    n.put("timeOnPageMs", 15000);
    n.put("scrollDepthPct", 80);
    n.put("linkClicks", 2);
    n.put("referrer", "https://www.google.com/");
    n.put("recommendationId", "r-5");
    return n;
  }

  static Pageview pageview(String portal, String userId, int n) {
    return new Pageview(
        new UUID(42, n),
        portal,
        userId,
        "s-" + userId,
        "https://" + portal + ".globo.com/n/" + n,
        "a-" + n,
        NOW.minusSeconds(n),
        1000L * n,
        n % 101,
        n % 3,
        null,
        null);
  }
}
