package io.newsrec.ingest.config;

import io.newsrec.delivery.PageviewStreams;
import io.newsrec.delivery.RetryQueue;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Readiness of the collection path: up while Kinesis or the retry queue answers, since either one
 * makes a 202 possible; down when neither does, so that the load balancer stops sending traffic
 * that could only be answered 503.
 */
final class DeliveryHealthIndicator implements HealthIndicator {

  private final PageviewStreams streams;
  private final RetryQueue retryQueue;

  DeliveryHealthIndicator(PageviewStreams streams, RetryQueue retryQueue) {
    this.streams = streams;
    this.retryQueue = retryQueue;
  }

  @Override
  public Health health() {
    boolean kinesis = streams.reachable();
    boolean sqs = retryQueue.reachable();
    return (kinesis || sqs ? Health.up() : Health.down())
        .withDetail("kinesis", kinesis ? "reachable" : "unreachable")
        .withDetail("retryQueue", sqs ? "reachable" : "unreachable")
        .build();
  }
}
