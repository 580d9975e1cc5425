package io.newsrec.bench.traffic;

import io.newsrec.events.Pageview;
import io.newsrec.events.PageviewJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Pageviews like the tracker's, encoded with the contract's own codec, made from a seeded {@link
 * Random} so that a run can be repeated. {@code eventTime} is the caller's: the service refuses
 * events older than its max age, so it must be near the real clock.
 */
public final class SampleTraffic {

  private final Random random;
  private final List<String> portals;
  private final Instant eventTime;

  public SampleTraffic(long seed, List<String> portals, Instant eventTime) {
    this.random = new Random(seed);
    this.portals = List.copyOf(portals);
    this.eventTime = eventTime;
  }

  /** A fresh event id from this generator's seed (version-4 form, as browsers make them). */
  public UUID nextEventId() {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  /** One article view, about 300 bytes of JSON, as real g1 traffic. */
  public Pageview event(UUID eventId) {
    String portal = portals.get(random.nextInt(portals.size()));
    int user = random.nextInt(100_000);
    int article = random.nextInt(50_000);
    return new Pageview(
        eventId,
        portal,
        "u-" + user,
        "s-" + user + "-" + random.nextInt(10),
        "https://" + portal + ".globo.com/noticia/2026/11/27/materia-" + article + ".ghtml",
        "a-" + article,
        eventTime,
        random.nextInt(600_000),
        random.nextInt(101),
        random.nextInt(5),
        "https://www.google.com/",
        null);
  }

  /** The given events as one JSON array, UTF-8. */
  public byte[] batch(List<UUID> eventIds) {
    var events = new ArrayList<Pageview>(eventIds.size());
    for (UUID id : eventIds) {
      events.add(event(id));
    }
    return PageviewJson.encodeBatch(events);
  }

  /** {@code count} events of fresh ids: one JSON object when count is 1, else an array. */
  public byte[] freshBody(int count) {
    if (count == 1) {
      return PageviewJson.encode(event(nextEventId()));
    }
    var ids = new ArrayList<UUID>(count);
    for (int i = 0; i < count; i++) {
      ids.add(nextEventId());
    }
    return batch(ids);
  }
}
