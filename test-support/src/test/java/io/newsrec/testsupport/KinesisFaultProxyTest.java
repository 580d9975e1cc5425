package io.newsrec.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

class KinesisFaultProxyTest {

  @RegisterExtension static final KinesisLocal KINESIS = new KinesisLocal();

  @Test
  void chosenRecordsComeBackThrottledAtTheirPositionAndNeverReachTheStream() {
    try (KinesisFaultProxy proxy = new KinesisFaultProxy(KINESIS.endpoint());
        KinesisClient kinesis = TestAws.kinesis(proxy.endpoint())) {
      KinesisTestStreams.create(kinesis, "s", 2);
      proxy.rejectOnce(key -> key.equals("u1") || key.equals("u3"));

      PutRecordsResponse response = kinesis.putRecords(b -> b.streamName("s").records(entries(5)));

      assertThat(response.failedRecordCount()).isEqualTo(2);
      assertThat(response.records())
          .extracting(PutRecordsResultEntry::errorCode)
          .containsExactly(
              null, KinesisFaultProxy.THROTTLED, null, KinesisFaultProxy.THROTTLED, null);
      assertThat(KinesisTestStreams.readAll(kinesis, "s"))
          .extracting(StreamRecord::text)
          .containsExactlyInAnyOrder("e0", "e2", "e4");
      assertThat(proxy.rejectedCount()).isEqualTo(2);
    }
  }

  @Test
  void aRecordRejectedOncePassesWhenPutAgain() {
    try (KinesisFaultProxy proxy = new KinesisFaultProxy(KINESIS.endpoint());
        KinesisClient kinesis = TestAws.kinesis(proxy.endpoint())) {
      KinesisTestStreams.create(kinesis, "t", 1);
      proxy.rejectOnce(key -> true);

      List<PutRecordsRequestEntry> entries = entries(3);
      assertThat(kinesis.putRecords(b -> b.streamName("t").records(entries)).failedRecordCount())
          .isEqualTo(3);
      assertThat(kinesis.putRecords(b -> b.streamName("t").records(entries)).failedRecordCount())
          .isZero();

      assertThat(KinesisTestStreams.readAll(kinesis, "t")).hasSize(3);
      assertThat(proxy.putRecordsCalls())
          .containsExactly(List.of("u0", "u1", "u2"), List.of("u0", "u1", "u2"));
    }
  }

  private static List<PutRecordsRequestEntry> entries(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                PutRecordsRequestEntry.builder()
                    .partitionKey("u" + i)
                    .data(SdkBytes.fromUtf8String("e" + i))
                    .build())
        .toList();
  }
}
