package io.newsrec.delivery;

import io.newsrec.events.Pageview;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The retry queue (SQS {@code pageviews-retry}) that takes what Kinesis would not, for the
 * retry-worker to re-put later. An AWS SDK adapter serves every mode (ElasticMQ locally).
 */
public interface RetryQueue {

  /**
   * Stores {@code events} durably. Completes normally only when every event is in the queue;
   * exceptionally otherwise (the caller then answers 503 and the tracker retries).
   */
  CompletableFuture<Void> send(List<Pageview> events);

  /** Whether the queue answers at all (for readiness). */
  boolean reachable();
}
