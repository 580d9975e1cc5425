package io.newsrec.bench.stub;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.delivery.aws.AwsClients;
import io.newsrec.delivery.aws.AwsSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

class KinesisStubTest {

  static KinesisStub stub;
  static KinesisClient kinesis;

  @BeforeAll
  static void start() throws Exception {
    // The stub speaks AWS JSON only; kinesis-local, used by other tests, speaks both.
    System.setProperty("aws.cborEnabled", "false");
    stub = KinesisStub.start(0);
    kinesis =
        KinesisClient.builder()
            .endpointOverride(URI.create(stub.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
            .build();
  }

  @AfterAll
  static void stop() {
    kinesis.close();
    stub.close();
  }

  @Test
  void answersEveryRecordOfPutRecordsAsAcceptedThroughTheRealSdk() {
    long before = stub.records();
    var entries =
        IntStream.range(0, 7)
            .mapToObj(
                i ->
                    PutRecordsRequestEntry.builder()
                        .partitionKey("u-" + i)
                        .data(SdkBytes.fromString("{\"n\":" + i + "}", StandardCharsets.UTF_8))
                        .build())
            .toList();

    var response = kinesis.putRecords(r -> r.streamName("pageviews-g1").records(entries));

    assertThat(response.failedRecordCount()).isZero();
    assertThat(response.records()).hasSize(7).allMatch(r -> r.errorCode() == null);
    assertThat(stub.records() - before).isEqualTo(7);
  }

  @Test
  void answersTheServicesOwnAsyncClientOverHttp2() {
    var settings = AwsSettings.local(URI.create(stub.endpoint()), URI.create(stub.endpoint()));
    long before = stub.records();
    try (KinesisAsyncClient async = AwsClients.kinesis(settings)) {
      var entries =
          IntStream.range(0, 300)
              .mapToObj(
                  i ->
                      PutRecordsRequestEntry.builder()
                          .partitionKey("u-" + i)
                          .data(SdkBytes.fromUtf8String("x".repeat(300)))
                          .build())
              .toList();

      var responses =
          IntStream.range(0, 4)
              .mapToObj(i -> async.putRecords(r -> r.streamName("pageviews-g1").records(entries)))
              .toList();

      assertThat(responses)
          .allSatisfy(f -> assertThat(f.join().failedRecordCount()).isZero())
          .allSatisfy(f -> assertThat(f.join().records()).hasSize(300));
    }
    assertThat(stub.records() - before).isEqualTo(1_200);
  }

  @Test
  void reportsAnyStreamAsExistingAndActiveForStartUpChecks() {
    var summary = kinesis.describeStreamSummary(r -> r.streamName("pageviews-ge"));
    var description = kinesis.describeStream(r -> r.streamName("pageviews-ge"));

    assertThat(summary.streamDescriptionSummary().streamStatus()).isEqualTo(StreamStatus.ACTIVE);
    assertThat(description.streamDescription().streamName()).isEqualTo("pageviews-ge");
    kinesis.createStream(r -> r.streamName("pageviews-ge").shardCount(1));
  }

  @Test
  void countsRecordsByTheirKeysNotByKeyLikeTextInsideValues() {
    byte[] key = "\"PartitionKey\"".getBytes(StandardCharsets.US_ASCII);
    byte[] body =
        // The second record's partition key is the text \"PartitionKey (a user id is untrusted).
        "{\"Records\":[{\"PartitionKey\":\"a\"},{\"PartitionKey\":\"\\\"PartitionKey\"}]}"
            .getBytes(StandardCharsets.US_ASCII);

    assertThat(KinesisStub.count(body, key)).isEqualTo(2);
  }
}
