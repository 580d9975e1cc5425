package io.newsrec.delivery.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
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

  public static KinesisAsyncClient kinesis(AwsSettings settings) {
    return configure(KinesisAsyncClient.builder(), settings, settings.kinesisEndpoint()).build();
  }

  public static SqsAsyncClient sqs(AwsSettings settings) {
    return configure(SqsAsyncClient.builder(), settings, settings.sqsEndpoint()).build();
  }

  private static <B extends AwsClientBuilder<B, ?> & AwsAsyncClientBuilder<B, ?>> B configure(
      B builder, AwsSettings settings, URI endpoint) {
    builder
        .httpClientBuilder(
            NettyNioAsyncHttpClient.builder()
                .maxConcurrency(settings.maxConnections())
                .connectionTimeout(settings.attemptTimeout())
                .connectionAcquisitionTimeout(settings.callTimeout()))
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
