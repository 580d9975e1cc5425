package io.newsrec.retry.sqs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Polls the depth of the retry queue and its dead-letter queue every {@code interval} and exposes
 * them as gauges {@code newsrec.retry.queue.depth} (tags {@code queue}, {@code state} = {@code
 * visible} | {@code in-flight}). SQS counts messages per queue, not per portal: these are not
 * tagged by portal. The same poll tells readiness whether SQS answers.
 */
public final class RetryQueueDepth implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RetryQueueDepth.class);

  private final SqsAsyncClient sqs;
  private final Duration interval;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("retry-queue-depth").unstarted(r));
  private final AtomicLong lastAnswerNanos = new AtomicLong(System.nanoTime());

  public RetryQueueDepth(
      SqsAsyncClient sqs,
      MeterRegistry registry,
      Map<String, String> queueUrlsByName,
      Duration interval) {
    this.sqs = sqs;
    this.interval = interval;
    queueUrlsByName.forEach(
        (name, url) -> {
          AtomicLong visible = gauge(registry, name, "visible");
          AtomicLong inFlight = gauge(registry, name, "in-flight");
          scheduler.scheduleWithFixedDelay(
              () -> poll(url, visible, inFlight), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        });
  }

  /** Whether SQS answered one of the last two polls. */
  public boolean reachable() {
    return System.nanoTime() - lastAnswerNanos.get() < 2 * interval.toNanos() + 1_000_000_000L;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private void poll(String url, AtomicLong visible, AtomicLong inFlight) {
    try {
      Map<QueueAttributeName, String> attributes =
          sqs.getQueueAttributes(
                  b ->
                      b.queueUrl(url)
                          .attributeNames(
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
              .get(interval.toMillis(), TimeUnit.MILLISECONDS)
              .attributes();
      visible.set(
          Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)));
      inFlight.set(
          Long.parseLong(
              attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
      lastAnswerNanos.set(System.nanoTime());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.debug("queue depth poll failed: {}", e.toString());
    }
  }

  private static AtomicLong gauge(MeterRegistry registry, String queue, String state) {
    AtomicLong value = new AtomicLong();
    Gauge.builder("newsrec.retry.queue.depth", value, AtomicLong::get)
        .description("Messages in the queue (SQS approximate counts)")
        .baseUnit("messages")
        .tag("queue", queue)
        .tag("state", state)
        .register(registry);
    return value;
  }
}
