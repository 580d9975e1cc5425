package io.newsrec.ingest.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsrec.events.Portals;
import io.newsrec.ingest.collect.CollectPageviews;
import io.newsrec.ingest.collect.DeliveryMetrics;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link DeliveryMetrics} as Micrometer meters tagged by portal. Meters are looked up once per
 * portal at start-up: the hot path only increments.
 */
final class MicrometerDeliveryMetrics implements DeliveryMetrics {

  private final Map<String, Counter> accepted;
  private final Map<String, Counter> streamRejected;
  private final Map<String, Counter> retryQueue;
  private final Map<String, Counter> undeliverable;
  private final Map<String, DistributionSummary> batchSize;
  private final Map<String, Timer> putLatency;

  MicrometerDeliveryMetrics(MeterRegistry meters, Portals portals) {
    accepted =
        perPortal(portals, p -> meters.counter("newsrec.ingest.events.accepted", "portal", p));
    streamRejected =
        perPortal(
            portals, p -> meters.counter("newsrec.ingest.records.stream.rejected", "portal", p));
    retryQueue =
        perPortal(portals, p -> meters.counter("newsrec.ingest.events.retry.queue", "portal", p));
    undeliverable =
        perPortal(portals, p -> meters.counter("newsrec.ingest.events.undeliverable", "portal", p));
    batchSize =
        perPortal(
            portals,
            p ->
                DistributionSummary.builder("newsrec.ingest.batch.size")
                    .tag("portal", p)
                    .baseUnit("records")
                    .register(meters));
    putLatency =
        perPortal(
            portals,
            p ->
                Timer.builder("newsrec.ingest.put.latency")
                    .tag("portal", p)
                    .publishPercentileHistogram()
                    .register(meters));
  }

  /** The buffer-depth gauges read the use case's buffers; registered once it exists. */
  static void registerBufferGauges(
      MeterRegistry meters, Portals portals, CollectPageviews collect) {
    for (String portal : portals.ids()) {
      meters.gauge(
          "newsrec.ingest.buffer.depth",
          io.micrometer.core.instrument.Tags.of("portal", portal),
          collect,
          c -> c.bufferDepth(portal));
    }
  }

  @Override
  public void accepted(String portal, int events) {
    accepted.get(portal).increment(events);
  }

  @Override
  public void put(String portal, int records, long nanos) {
    batchSize.get(portal).record(records);
    putLatency.get(portal).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void streamRejected(String portal, int records) {
    streamRejected.get(portal).increment(records);
  }

  @Override
  public void sentToRetryQueue(String portal, int events) {
    retryQueue.get(portal).increment(events);
  }

  @Override
  public void undeliverable(String portal, int events) {
    undeliverable.get(portal).increment(events);
  }

  private static <M> Map<String, M> perPortal(Portals portals, Function<String, M> meter) {
    return portals.ids().stream().collect(Collectors.toUnmodifiableMap(p -> p, meter));
  }
}
