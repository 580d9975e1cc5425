package io.newsrec.model.stream.kinesis;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How the model reads the {@code interactions-<portal>} streams.
 *
 * @param streams stream names, e.g. {@code interactions-g1}
 * @param startPosition where to start in the shards that exist at start-up; shards found later
 *     (after a reshard, or a stream created after start-up) are always read from their start
 * @param pollInterval wait after a {@code GetRecords} that returned nothing (AWS allows 5 calls per
 *     second per shard, so keep it ≥ 200 ms there)
 * @param maxBackoff the longest wait after repeated throttling or errors (doubling from {@code
 *     pollInterval})
 * @param shardDiscoveryInterval how often to list the shards of each stream
 * @param maxRecords {@code GetRecords} limit, 1..10000
 * @param endpoint endpoint override (kinesis-local), or {@code null} for AWS
 * @param region AWS region
 */
public record KinesisSourceConfig(
    List<String> streams,
    StartPosition startPosition,
    Duration pollInterval,
    Duration maxBackoff,
    Duration shardDiscoveryInterval,
    int maxRecords,
    URI endpoint,
    String region) {

  /** Where to start reading a shard. */
  public enum StartPosition {
    /** Only records written after start-up: a model restored from a fresh artifact. */
    LATEST,
    /** Everything the stream still holds (24 h by default): an empty or older model. */
    TRIM_HORIZON
  }

  public KinesisSourceConfig {
    streams = List.copyOf(streams);
    if (streams.isEmpty() || streams.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("at least one non-blank stream name is required");
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    if (maxBackoff.compareTo(pollInterval) < 0) {
      throw new IllegalArgumentException("maxBackoff must be >= pollInterval");
    }
    if (shardDiscoveryInterval.isNegative() || shardDiscoveryInterval.isZero()) {
      throw new IllegalArgumentException("shardDiscoveryInterval must be positive");
    }
    if (maxRecords < 1 || maxRecords > 10_000) {
      throw new IllegalArgumentException("maxRecords must be in 1..10000");
    }
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException("region is required");
    }
  }

  /** Defaults for a given stream list: LATEST, 200 ms polls, 10 s max backoff, 30 s discovery. */
  public static KinesisSourceConfig defaults(List<String> streams, URI endpoint, String region) {
    return new KinesisSourceConfig(
        streams,
        StartPosition.LATEST,
        Duration.ofMillis(200),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        1_000,
        endpoint,
        region);
  }
}
