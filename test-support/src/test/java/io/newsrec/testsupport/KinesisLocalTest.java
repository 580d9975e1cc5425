package io.newsrec.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

class KinesisLocalTest {

  private final KinesisLocal kinesisLocal = new KinesisLocal();
  private KinesisClient kinesis;

  @BeforeEach
  void start() {
    kinesisLocal.start();
    kinesis = TestAws.kinesis(kinesisLocal.endpoint());
  }

  @AfterEach
  void close() {
    kinesis.close();
    kinesisLocal.close();
  }

  @Test
  void recordsPutAreReadBackFromEveryShardInPutOrderPerKey() {
    KinesisTestStreams.create(kinesis, "s", 4);
    for (int i = 0; i < 20; i++) {
      put("s", "user-" + (i % 3), "event-" + i);
    }

    List<StreamRecord> records = KinesisTestStreams.readAll(kinesis, "s");

    assertThat(records).hasSize(20);
    assertThat(
            records.stream().filter(r -> r.partitionKey().equals("user-1")).map(StreamRecord::text))
        .containsExactly(
            "event-1", "event-4", "event-7", "event-10", "event-13", "event-16", "event-19");
  }

  @Test
  void aGracefulRestartKeepsEveryAcknowledgedRecordOnTheSamePort() {
    KinesisTestStreams.create(kinesis, "s", 1);
    put("s", "u", "before");

    kinesisLocal.restart();
    put("s", "u", "after");

    assertThat(KinesisTestStreams.readAll(kinesis, "s"))
        .extracting(StreamRecord::text)
        .containsExactly("before", "after");
  }

  @Test
  void aStateFileCutShortIsToldFromAWholeOne(@TempDir Path dir) throws Exception {
    // what stop() checks before it puts back the copy it took after the cut
    Path whole = Files.writeString(dir.resolve("whole.json"), "{\"streams\":{\"a\":[1,2]}}\n");
    Path cutAtTheEnd = Files.writeString(dir.resolve("end.json"), "{\"streams\":{\"a\":[1,2]}");
    Path cutInAString = Files.writeString(dir.resolve("string.json"), "{\"streams\":{\"a");
    Path empty = Files.writeString(dir.resolve("empty.json"), "");

    assertThat(KinesisLocal.isCompleteJson(whole)).isTrue();
    assertThat(KinesisLocal.isCompleteJson(cutAtTheEnd)).isFalse();
    assertThat(KinesisLocal.isCompleteJson(cutInAString)).isFalse();
    assertThat(KinesisLocal.isCompleteJson(empty)).isFalse();
    assertThat(KinesisLocal.isCompleteJson(dir.resolve("missing.json"))).isFalse();
  }

  @Test
  void aStopLeavesAWholeStateFile() {
    KinesisTestStreams.create(kinesis, "s", 1);
    put("s", "u", "kept");

    kinesisLocal.stop();

    assertThat(KinesisLocal.isCompleteJson(kinesisLocal.dataFile())).isTrue();
  }

  @Test
  void whileStoppedCallsFailAndAfterStartTheyWorkAgain() {
    KinesisTestStreams.create(kinesis, "s", 1);
    kinesisLocal.stop();

    assertThat(kinesisLocal.running()).isFalse();
    assertThatThrownBy(() -> put("s", "u", "x")).isInstanceOf(SdkClientException.class);

    kinesisLocal.start();
    put("s", "u", "x");
    assertThat(KinesisTestStreams.readAll(kinesis, "s")).hasSize(1);
  }

  @Test
  void aKillKeepsWhatWasPersistedBeforeIt() throws Exception {
    KinesisTestStreams.create(kinesis, "s", 1);
    put("s", "u", "persisted");
    FileTime afterPut = FileTime.fromMillis(System.currentTimeMillis());
    // 30 s for a 500 ms persist interval: a machine busy with other builds stalls node for seconds
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Files.exists(kinesisLocal.dataFile())
                    && Files.getLastModifiedTime(kinesisLocal.dataFile()).compareTo(afterPut) > 0
                    && Files.readString(kinesisLocal.dataFile())
                        .contains("\"PartitionKey\":\"u\""));

    kinesisLocal.kill();
    kinesisLocal.start();

    assertThat(KinesisTestStreams.readAll(kinesis, "s"))
        .extracting(StreamRecord::text)
        .containsExactly("persisted");
  }

  @Test
  void aMissingNpmInstallFailsWithTheSetupCommand() throws Exception {
    String root = System.getProperty("newsrec.root");
    System.setProperty("newsrec.root", Files.createTempDirectory("no-repo").toString());
    try (KinesisLocal elsewhere = new KinesisLocal()) {
      assertThatThrownBy(elsewhere::start).hasMessageContaining("local/setup.sh");
    } finally {
      if (root == null) {
        System.clearProperty("newsrec.root");
      } else {
        System.setProperty("newsrec.root", root);
      }
    }
  }

  private void put(String stream, String key, String data) {
    kinesis.putRecord(
        b -> b.streamName(stream).partitionKey(key).data(SdkBytes.fromUtf8String(data)));
  }
}
