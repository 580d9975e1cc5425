package io.newsrec.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

class KinesaliteTest {

  private final Kinesalite kinesalite = new Kinesalite();
  private KinesisClient kinesis;

  @BeforeEach
  void start() {
    kinesalite.start();
    kinesis = TestAws.kinesis(kinesalite.endpoint());
  }

  @AfterEach
  void close() {
    kinesis.close();
    kinesalite.close();
  }

  @Test
  void recordsPutInBatchesAreReadBackInPutOrderPerKey() {
    KinesisTestStreams.create(kinesis, "s", 2);

    putBatch("s", 0, 300);

    List<StreamRecord> records = KinesisTestStreams.readAll(kinesis, "s");
    assertThat(records).hasSize(300);
    assertThat(
            records.stream().filter(r -> r.partitionKey().equals("user-1")).map(StreamRecord::text))
        .startsWith("event-1", "event-8", "event-15")
        .hasSize(43);
  }

  @Test
  void aKillMinusNineKeepsEveryAcknowledgedRecordAndItComesBackOnTheSamePort() {
    KinesisTestStreams.create(kinesis, "s", 2);
    putBatch("s", 0, 500);
    int port = kinesalite.port();

    kinesalite.kill();
    assertThat(kinesalite.running()).isFalse();
    assertThatThrownBy(() -> putBatch("s", 500, 1)).isInstanceOf(SdkClientException.class);
    kinesalite.start();
    putBatch("s", 500, 100);

    assertThat(kinesalite.port()).isEqualTo(port);
    assertThat(KinesisTestStreams.readAll(kinesis, "s"))
        .extracting(StreamRecord::text)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 600).mapToObj(i -> "event-" + i).toList());
  }

  @Test
  void aGracefulRestartKeepsTheStreams() {
    KinesisTestStreams.create(kinesis, "s", 1);
    putBatch("s", 0, 10);

    kinesalite.restart();

    assertThat(KinesisTestStreams.readAll(kinesis, "s")).hasSize(10);
  }

  /** Events {@code from .. from+count-1}, partition key {@code user-(i % 7)}, one PutRecords. */
  private void putBatch(String stream, int from, int count) {
    var entries =
        IntStream.range(from, from + count)
            .mapToObj(
                i ->
                    PutRecordsRequestEntry.builder()
                        .partitionKey("user-" + (i % 7))
                        .data(SdkBytes.fromUtf8String("event-" + i))
                        .build())
            .toList();
    var response = kinesis.putRecords(b -> b.streamName(stream).records(entries));
    assertThat(response.failedRecordCount()).isZero();
  }
}
