package io.newsrec.bench.fault;

import java.time.Duration;
import java.util.List;

/**
 * What the fault test sends and which faults it injects, and when.
 *
 * @param events distinct events (unique eventIds) to deliver
 * @param batchSize events per request, as a tracker that flushes a small queue
 * @param senders concurrent requests
 * @param eventsPerSecond pace of first sends (kinesis-local takes about 1,200 records/s)
 * @param portals portals to spread events over (each has its own stream)
 * @param kinesisDownAt fraction of events acknowledged when Kinesis becomes unreachable
 * @param kinesisOutage how long it stays unreachable
 * @param killIngestAt fraction of events acknowledged when the ingest-service gets {@code kill -9}
 *     (and is restarted at once)
 * @param deadline for the whole delivery
 * @param seed for event ids and contents
 */
public record FaultPlan(
    int events,
    int batchSize,
    int senders,
    double eventsPerSecond,
    List<String> portals,
    double kinesisDownAt,
    Duration kinesisOutage,
    double killIngestAt,
    Duration deadline,
    long seed) {

  public FaultPlan {
    portals = List.copyOf(portals);
  }

  /** The suite's version: a few thousand events, done in well under two minutes. */
  public static FaultPlan small() {
    return new FaultPlan(
        3_000,
        20,
        4,
        600,
        List.of("g1", "ge", "gshow"),
        0.2,
        Duration.ofSeconds(3),
        0.6,
        Duration.ofSeconds(90),
        20261127L);
  }

  /**
   * bench/'s version: at least 100,000 events.
   *
   * @param eventsPerSecond pace of first sends: below what the Kinesis server takes on a busy
   *     machine, or the ingest-service and the retry-worker only compete for it (kinesis-local took
   *     360-680 records/s here, so 250; kinesalite several thousand, so 1,000)
   */
  public static FaultPlan large(int events, double eventsPerSecond) {
    return new FaultPlan(
        events,
        20,
        8,
        eventsPerSecond,
        List.of("g1", "ge", "gshow"),
        0.2,
        Duration.ofSeconds(15),
        0.6,
        Duration.ofMinutes(20),
        20261127L);
  }
}
