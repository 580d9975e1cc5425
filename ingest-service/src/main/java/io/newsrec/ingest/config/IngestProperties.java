package io.newsrec.ingest.config;

import io.newsrec.events.Portals;
import io.newsrec.ingest.collect.DeliverySettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The ingest service's settings ({@code newsrec.ingest.*}); every key can be set by an environment
 * variable ({@code NEWSREC_INGEST_LINGER=5ms}), and {@code application.yaml} documents the defaults
 * with the variable for each. Checked at start-up: a bad value stops the service.
 *
 * @param portals the configured portals; one stream {@code <stream-prefix><portal>} each
 * @param corsOrigins per portal, the browser origins allowed to send its pageviews ({@code *}:
 *     any); entries of portals not configured are ignored
 * @param maxBodySize larger request bodies are answered 413
 * @param readBudget request bodies read and parsed at once, in body bytes (parse trees take a few
 *     times more); past it requests are answered 503: the memory bound of concurrent requests
 * @param maxBatchSize events per request; larger batches are answered 413
 * @param linger how long a batch waits for more events after its first
 * @param maxInFlightEvents per portal, events held in memory before answering 503
 * @param maxConcurrentPuts per portal, {@code PutRecords} calls in flight
 * @param putAttempts attempts at Kinesis per record before the retry queue
 * @param firstBackoff wait before the second attempt, doubling after
 * @param callTimeout the longest one put or retry-queue send may take
 * @param retryAfter the {@code Retry-After} of a 503
 * @param eventMaxAge oldest accepted {@code eventTime}, before now
 * @param eventMaxAhead latest accepted {@code eventTime}, after now (browser clocks run ahead)
 * @param rateLimit requests per client address
 * @param streamPrefix stream names are {@code <stream-prefix><portal>}
 * @param retryQueue name of the SQS retry queue
 * @param deadLetterQueue name of its dead-letter queue (created in local mode)
 * @param benchEndpointEnabled exposes {@code POST /bench/noop}, the do-nothing ceiling for benches
 */
@ConfigurationProperties("newsrec.ingest")
public record IngestProperties(
    List<String> portals,
    Map<String, List<String>> corsOrigins,
    DataSize maxBodySize,
    DataSize readBudget,
    int maxBatchSize,
    Duration linger,
    int maxInFlightEvents,
    int maxConcurrentPuts,
    int putAttempts,
    Duration firstBackoff,
    Duration callTimeout,
    Duration retryAfter,
    Duration eventMaxAge,
    Duration eventMaxAhead,
    RateLimit rateLimit,
    String streamPrefix,
    String retryQueue,
    String deadLetterQueue,
    boolean benchEndpointEnabled) {

  /**
   * @param enabled whether requests are limited at all
   * @param requestsPerSecond sustained requests per client address
   * @param burst requests a client may send at once after being idle
   * @param maxClients client buckets kept in memory
   */
  public record RateLimit(boolean enabled, double requestsPerSecond, int burst, int maxClients) {}

  public IngestProperties {
    Portals configured = Portals.of(portals == null ? List.of() : portals);
    // Origins of portals this deployment does not serve are dropped: the defaults name g1, ge and
    // gshow, and a deployment may serve fewer (NEWSREC_PORTALS=g1).
    corsOrigins =
        corsOrigins == null
            ? Map.of()
            : corsOrigins.entrySet().stream()
                .filter(e -> configured.contains(e.getKey()))
                .collect(
                    java.util.stream.Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    require(maxBodySize != null && maxBodySize.toBytes() >= 1024, "max-body-size >= 1KB");
    require(
        readBudget != null && readBudget.toBytes() >= maxBodySize.toBytes(),
        "read-budget >= max-body-size");
    require(maxBatchSize >= 1 && maxBatchSize <= 500, "max-batch-size in 1..500");
    require(retryAfter != null && retryAfter.toSeconds() >= 1, "retry-after >= 1s");
    require(eventMaxAge != null && eventMaxAge.isPositive(), "event-max-age > 0");
    require(eventMaxAhead != null && !eventMaxAhead.isNegative(), "event-max-ahead >= 0");
    require(rateLimit != null, "rate-limit is required");
    require(
        !rateLimit.enabled() || (rateLimit.requestsPerSecond() > 0 && rateLimit.burst() >= 1),
        "rate-limit: requests-per-second > 0 and burst >= 1");
    require(rateLimit.maxClients() >= 1, "rate-limit.max-clients >= 1");
    require(streamPrefix != null && !streamPrefix.isBlank(), "stream-prefix is required");
    require(retryQueue != null && !retryQueue.isBlank(), "retry-queue is required");
    delivery(linger, maxInFlightEvents, maxConcurrentPuts, putAttempts, firstBackoff, callTimeout);
  }

  public Portals portalSet() {
    return Portals.of(portals);
  }

  public DeliverySettings delivery() {
    return delivery(
        linger, maxInFlightEvents, maxConcurrentPuts, putAttempts, firstBackoff, callTimeout);
  }

  /** How long a request may wait for its events: every attempt, every backoff, the queue. */
  public Duration requestTimeout() {
    return callTimeout.multipliedBy(putAttempts + 2).plusSeconds(1);
  }

  private static DeliverySettings delivery(
      Duration linger,
      int maxInFlightEvents,
      int maxConcurrentPuts,
      int putAttempts,
      Duration firstBackoff,
      Duration callTimeout) {
    require(linger != null && firstBackoff != null && callTimeout != null, "durations required");
    return new DeliverySettings(
        linger, 500, maxInFlightEvents, maxConcurrentPuts, putAttempts, firstBackoff, callTimeout);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("newsrec.ingest: " + message);
    }
  }
}
