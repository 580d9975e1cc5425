package io.newsrec.retry.sqs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsrec.retry.OldestMessageAge;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The worker's meters, per portal where the portal is known:
 *
 * <ul>
 *   <li>{@code newsrec.retry.reput} (counter, events, tag {@code portal}): events put back into
 *       their stream;
 *   <li>{@code newsrec.retry.failed} (counter, events, tags {@code portal}, {@code reason} = {@code
 *       unreachable} | {@code rejected}): events still not in the stream after a receive;
 *   <li>{@code newsrec.retry.poison} (counter, messages): bodies that do not decode, left for the
 *       dead-letter queue;
 *   <li>{@code newsrec.retry.oldest.age} (gauge, seconds, tag {@code portal}): see {@link
 *       OldestMessageAge};
 *   <li>queue depths: see {@link RetryQueueDepth}.
 * </ul>
 */
public final class RetryMetrics {

  private final MeterRegistry registry;
  private final OldestMessageAge oldest;
  private final Clock clock;
  private final Map<String, Boolean> portalsWithAgeGauge = new ConcurrentHashMap<>();
  private final Counter poison;

  public RetryMetrics(MeterRegistry registry, OldestMessageAge oldest, Clock clock) {
    this.registry = registry;
    this.oldest = oldest;
    this.clock = clock;
    this.poison =
        Counter.builder("newsrec.retry.poison")
            .description("Retry messages that do not decode, left for the dead-letter queue")
            .baseUnit("messages")
            .register(registry);
  }

  void received(String portal, Instant sent) {
    oldest.received(portal, sent, clock.instant());
    portalsWithAgeGauge.computeIfAbsent(
        portal,
        p -> {
          Gauge.builder(
                  "newsrec.retry.oldest.age",
                  () -> oldest.oldest(p, clock.instant()).toMillis() / 1000.0)
              .description("Age of the oldest retry message received lately (from SentTimestamp)")
              .baseUnit("seconds")
              .tag("portal", p)
              .register(registry);
          return true;
        });
  }

  void reput(String portal, int events) {
    Counter.builder("newsrec.retry.reput")
        .description("Events put back into their portal's stream")
        .baseUnit("events")
        .tag("portal", portal)
        .register(registry)
        .increment(events);
  }

  void failed(String portal, int events, boolean unreachable) {
    Counter.builder("newsrec.retry.failed")
        .description("Events still not in their stream after a receive")
        .baseUnit("events")
        .tag("portal", portal)
        .tag("reason", unreachable ? "unreachable" : "rejected")
        .register(registry)
        .increment(events);
  }

  void poison() {
    poison.increment();
  }
}
