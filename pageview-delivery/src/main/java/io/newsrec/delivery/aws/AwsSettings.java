package io.newsrec.delivery.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Kinesis and SQS. Framework-free: the services bind their own typed configuration
 * ({@code newsrec.aws.*}) and hand it over as this record.
 *
 * @param mode {@link Mode#LOCAL} or {@link Mode#AWS}
 * @param region AWS region; in {@code aws} mode {@code null} or blank means the SDK's default
 *     region chain ({@code AWS_REGION}, profile, instance metadata)
 * @param kinesisEndpoint endpoint override; required in {@code local} mode (kinesis-local's plain
 *     HTTP port, e.g. {@code http://localhost:4568}), normally {@code null} in {@code aws} mode
 * @param sqsEndpoint endpoint override; required in {@code local} mode (ElasticMQ, e.g. {@code
 *     http://localhost:9324}), normally {@code null} in {@code aws} mode
 * @param callTimeout the longest a whole API call may take, retries included
 * @param attemptTimeout the longest one HTTP attempt may take
 * @param maxRetries retries of the SDK's standard retry strategy (throttling, 5xx, I/O errors);
 *     per-record rejections of {@code PutRecords} are not retried by the SDK but by the caller
 * @param maxConnections connections per client (Netty), i.e. calls in flight
 */
public record AwsSettings(
    Mode mode,
    String region,
    URI kinesisEndpoint,
    URI sqsEndpoint,
    Duration callTimeout,
    Duration attemptTimeout,
    int maxRetries,
    int maxConnections) {

  /** The region of the local servers when none is configured (kinesis-local's default). */
  public static final String LOCAL_REGION = "us-east-1";

  public AwsSettings {
    Objects.requireNonNull(mode, "mode");
    region = region == null || region.isBlank() ? null : region;
    if (mode == Mode.LOCAL) {
      Objects.requireNonNull(kinesisEndpoint, "local mode needs the Kinesis endpoint");
      Objects.requireNonNull(sqsEndpoint, "local mode needs the SQS endpoint");
      region = region == null ? LOCAL_REGION : region;
    }
    callTimeout = callTimeout == null ? Duration.ofSeconds(10) : callTimeout;
    attemptTimeout = attemptTimeout == null ? Duration.ofSeconds(3) : attemptTimeout;
    if (maxRetries < 0 || maxConnections < 1) {
      throw new IllegalArgumentException("maxRetries >= 0 and maxConnections >= 1");
    }
  }

  /** Local servers at these endpoints, default timeouts. */
  public static AwsSettings local(URI kinesisEndpoint, URI sqsEndpoint) {
    return new AwsSettings(
        Mode.LOCAL, LOCAL_REGION, kinesisEndpoint, sqsEndpoint, null, null, 3, 64);
  }

  /** Real AWS in {@code region} ({@code null}: the default region chain), default timeouts. */
  public static AwsSettings aws(String region) {
    return new AwsSettings(Mode.AWS, region, null, null, null, null, 3, 64);
  }

  public AwsSettings withTimeouts(Duration callTimeout, Duration attemptTimeout, int maxRetries) {
    return new AwsSettings(
        mode,
        region,
        kinesisEndpoint,
        sqsEndpoint,
        callTimeout,
        attemptTimeout,
        maxRetries,
        maxConnections);
  }

  public AwsSettings withMaxConnections(int maxConnections) {
    return new AwsSettings(
        mode,
        region,
        kinesisEndpoint,
        sqsEndpoint,
        callTimeout,
        attemptTimeout,
        maxRetries,
        maxConnections);
  }
}
