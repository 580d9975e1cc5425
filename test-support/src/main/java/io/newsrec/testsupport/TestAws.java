package io.newsrec.testsupport;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Synchronous SDK clients for test assertions against the local servers: dummy credentials, the
 * local region, an endpoint override. (The code under test builds its own clients.)
 */
public final class TestAws {

  public static final Region REGION = Region.US_EAST_1;

  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

  private TestAws() {}

  public static KinesisClient kinesis(URI endpoint) {
    return KinesisClient.builder()
        .endpointOverride(endpoint)
        .region(REGION)
        .credentialsProvider(CREDENTIALS)
        .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(30)))
        .build();
  }

  public static SqsClient sqs(URI endpoint) {
    return SqsClient.builder()
        .endpointOverride(endpoint)
        .region(REGION)
        .credentialsProvider(CREDENTIALS)
        .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(30)))
        .build();
  }
}
