package io.newsrec.ingest.collect;

import java.time.Duration;

/**
 * How events are batched and delivered, per portal.
 *
 * @param linger how long a batch waits for more events after its first one; bounds the latency that
 *     batching adds (a few milliseconds)
 * @param maxBatchSize records per {@code put} (Kinesis {@code PutRecords} takes at most 500)
 * @param maxInFlightEvents events of one portal held in memory, queued or being put, before new
 *     requests for that portal are answered 503: the memory bound
 * @param maxConcurrentPuts {@code put} calls of one portal in flight at once
 * @param putAttempts attempts at Kinesis per record before it goes to the retry queue
 * @param firstBackoff wait before the second attempt; doubles for each further one
 * @param callTimeout the longest one {@code put} or retry-queue {@code send} may take before it
 *     counts as failed
 */
public record DeliverySettings(
    Duration linger,
    int maxBatchSize,
    int maxInFlightEvents,
    int maxConcurrentPuts,
    int putAttempts,
    Duration firstBackoff,
    Duration callTimeout) {

  public DeliverySettings {
    if (linger.isNegative()
        || maxBatchSize < 1
        || maxBatchSize > 500
        || maxInFlightEvents < maxBatchSize
        || maxConcurrentPuts < 1
        || putAttempts < 1
        || firstBackoff.isNegative()
        || callTimeout.isNegative()
        || callTimeout.isZero()) {
      throw new IllegalArgumentException("inconsistent delivery settings: " + this);
    }
  }
}
