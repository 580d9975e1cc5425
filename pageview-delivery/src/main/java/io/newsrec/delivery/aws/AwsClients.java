package io.newsrec.delivery.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Builds the SDK clients for {@link AwsSettings}: in {@code local} mode with the endpoint overrides
 * and dummy static credentials (the local servers check no signature), in {@code aws} mode with the
 * default credential chain and the region's endpoints.
 */
public final class AwsClients {

  /** What the local servers are signed with; not a secret, they accept any key. */
  static final StaticCredentialsProvider LOCAL_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  private AwsClients() {}

  /**
   * HTTP/1.1 with a pool of connections, not the async Kinesis client's default HTTP/2: the writers
   * never call {@code SubscribeToShard} (the one operation that needs HTTP/2), and HTTP/1.1 lets
   * the test proxies of {@code test-support} sit between the client and kinesis-local.
   */
  public static KinesisAsyncClient kinesis(AwsSettings settings) {
    return configure(KinesisAsyncClient.builder(), settings, settings.kinesisEndpoint())
        .httpClientBuilder(http(settings).protocol(Protocol.HTTP1_1))
        .build();
  }

  public static SqsAsyncClient sqs(AwsSettings settings) {
    return configure(SqsAsyncClient.builder(), settings, settings.sqsEndpoint()).build();
  }

  private static NettyNioAsyncHttpClient.Builder http(AwsSettings settings) {
    return NettyNioAsyncHttpClient.builder()
        .maxConcurrency(settings.maxConnections())
        .connectionTimeout(settings.attemptTimeout())
        .connectionAcquisitionTimeout(settings.callTimeout());
  }

  private static <B extends AwsClientBuilder<B, ?> & AwsAsyncClientBuilder<B, ?>> B configure(
      B builder, AwsSettings settings, URI endpoint) {
    builder
        .httpClientBuilder(http(settings))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .apiCallTimeout(settings.callTimeout())
                .apiCallAttemptTimeout(settings.attemptTimeout())
                .retryStrategy(b -> b.maxAttempts(settings.maxRetries() + 1))
                .build());
    if (settings.region() != null) {
      builder.region(Region.of(settings.region()));
    }
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    if (settings.mode() == Mode.LOCAL) {
      builder.credentialsProvider(LOCAL_CREDENTIALS);
    }
    return builder;
  }
}
