package io.newsrec.retry.app;

import io.newsrec.delivery.PageviewStreams;
import io.newsrec.retry.sqs.RetryQueueDepth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Readiness of the worker: up when both the streams and the retry queue answer, since it can move
 * nothing otherwise. (Being unready takes no traffic away from a worker: it only makes the outage
 * visible, next to the queue-depth and failure metrics.)
 */
final class DeliveryHealthIndicator implements HealthIndicator {

  private final PageviewStreams streams;
  private final RetryQueueDepth queue;

  DeliveryHealthIndicator(PageviewStreams streams, RetryQueueDepth queue) {
    this.streams = streams;
    this.queue = queue;
  }

  @Override
  public Health health() {
    boolean kinesis = streams.reachable();
    boolean sqs = queue.reachable();
    return (kinesis && sqs ? Health.up() : Health.down())
        .withDetail("kinesis", kinesis ? "reachable" : "unreachable")
        .withDetail("retryQueue", sqs ? "reachable" : "unreachable")
        .build();
  }
}
