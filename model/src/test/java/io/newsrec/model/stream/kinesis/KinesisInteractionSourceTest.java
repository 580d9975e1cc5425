package io.newsrec.model.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsrec.model.Interaction;
import io.newsrec.model.RecommendRequest;
import io.newsrec.model.Recommendations;
import io.newsrec.model.Recommender;
import io.newsrec.model.stream.InteractionRecords;
import io.newsrec.model.stream.OnlineLearner;
import io.newsrec.testsupport.KinesisLocal;
import io.newsrec.testsupport.KinesisTestStreams;
import io.newsrec.testsupport.TestAws;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The Kinesis adapter of {@code InteractionSource} against kinesis-local, with the same SDK code.
 */
class KinesisInteractionSourceTest {

  @RegisterExtension static final KinesisLocal KINESIS = new KinesisLocal();

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static int streamNumber;

  private KinesisClient kinesis;
  private String stream;
  private final RecordingRecommender model = new RecordingRecommender();
  private final OnlineLearner learner = new OnlineLearner(model, 1_000);

  /** Records what it learnt; the order across shards is not defined. */
  private static final class RecordingRecommender implements Recommender {
    final List<Interaction> learnt = new CopyOnWriteArrayList<>();

    @Override
    public void update(Interaction interaction) {
      learnt.add(interaction);
    }

    @Override
    public Recommendations recommend(RecommendRequest request) {
      return new Recommendations(List.of());
    }

    @Override
    public void writeTo(OutputStream out) {}
  }

  @BeforeEach
  void createStream() {
    kinesis = TestAws.kinesis(KINESIS.endpoint());
    stream = "interactions-test" + streamNumber++; // a fresh stream per test: no leftovers
    KinesisTestStreams.create(kinesis, stream, 2);
  }

  @AfterEach
  void closeClient() {
    kinesis.close();
  }

  private KinesisSourceConfig config(KinesisSourceConfig.StartPosition start, String... streams) {
    return new KinesisSourceConfig(
        List.of(streams),
        start,
        Duration.ofMillis(100),
        Duration.ofSeconds(1),
        Duration.ofMillis(300),
        100,
        KINESIS.endpoint(),
        TestAws.REGION.id());
  }

  private void put(String stream, String eventId, String session, String article, long time) {
    Interaction click = new Interaction("g1", "u-" + session, session, article, time, 1.0);
    putRaw(stream, session, InteractionRecords.encode(eventId, click));
  }

  private void putRaw(String stream, String partitionKey, String data) {
    kinesis.putRecord(
        b -> b.streamName(stream).partitionKey(partitionKey).data(SdkBytes.fromUtf8String(data)));
  }

  private List<String> learntArticles() {
    return model.learnt.stream().map(Interaction::articleId).sorted().toList();
  }

  @Test
  void fromTrimHorizonEveryRecordIsLearntOnceAndBadOnesAreCounted() {
    put(stream, "e1", "s1", "a1", 1_000);
    put(stream, "e2", "s2", "a2", 2_000);
    put(stream, "e1", "s1", "a1", 1_000); // a producer's retry: same event id
    putRaw(stream, "s3", "{\"portal\":\"g1\"");

    try (KinesisInteractionSource source =
        new KinesisInteractionSource(
            kinesis, config(KinesisSourceConfig.StartPosition.TRIM_HORIZON, stream))) {
      source.start(learner);

      await().atMost(DEADLINE).until(() -> learner.duplicates() + learner.rejected() == 2);
      assertThat(learntArticles()).containsExactly("a1", "a2");
      assertThat(learner.lastEventTimeMs()).isEqualTo(2_000);
    }
  }

  @Test
  void fromLatestOnlyRecordsWrittenAfterStartAreLearnt() {
    put(stream, "old", "s1", "before-start", 1_000);

    try (KinesisInteractionSource source =
        new KinesisInteractionSource(
            kinesis, config(KinesisSourceConfig.StartPosition.LATEST, stream))) {
      source.start(learner);
      for (int i = 0; i < 6; i++) {
        put(stream, "new-" + i, "s" + i, "after-" + i, 2_000 + i);
      }

      await().atMost(DEADLINE).until(() -> model.learnt.size() >= 6);
      assertThat(learntArticles())
          .containsExactly("after-0", "after-1", "after-2", "after-3", "after-4", "after-5");
    }
  }

  @Test
  void aStreamCreatedAfterStartIsFoundAndReadFromItsStart() {
    String later = stream + "-later";
    try (KinesisInteractionSource source =
        new KinesisInteractionSource(
            kinesis, config(KinesisSourceConfig.StartPosition.LATEST, stream, later))) {
      source.start(learner);
      KinesisTestStreams.create(kinesis, later, 1);
      put(later, "e1", "s1", "in-later-stream", 1_000);

      await().atMost(DEADLINE).until(() -> learntArticles().contains("in-later-stream"));
    }
  }
}
