package io.newsrec.ingest.config;

import io.newsrec.delivery.aws.AwsSettings;
import io.newsrec.delivery.aws.Mode;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to reach Kinesis and SQS ({@code newsrec.aws.*}, env {@code NEWSREC_AWS_*}).
 *
 * @param mode {@code local} (default: endpoints below, dummy credentials, creates the streams and
 *     queues at start-up) or {@code aws} (default credential chain and endpoints, creates nothing)
 * @param region AWS region; in {@code aws} mode empty means the SDK's region chain
 * @param kinesisEndpoint endpoint override (kinesis-local, e.g. {@code http://localhost:4568})
 * @param sqsEndpoint endpoint override (ElasticMQ, e.g. {@code http://localhost:9324})
 * @param callTimeout SDK: the longest a whole call may take, its retries included
 * @param attemptTimeout SDK: the longest one HTTP attempt may take
 * @param maxRetries SDK retries of throttling, 5xx and I/O errors
 * @param maxConnections SDK connections per client
 * @param shardsPerStream shards of each stream created in {@code local} mode
 */
@ConfigurationProperties("newsrec.aws")
public record AwsProperties(
    Mode mode,
    String region,
    URI kinesisEndpoint,
    URI sqsEndpoint,
    Duration callTimeout,
    Duration attemptTimeout,
    int maxRetries,
    int maxConnections,
    int shardsPerStream) {

  public AwsSettings settings() {
    return new AwsSettings(
        mode,
        region == null || region.isBlank() ? null : region,
        kinesisEndpoint,
        sqsEndpoint,
        callTimeout,
        attemptTimeout,
        maxRetries,
        maxConnections);
  }
}
