package io.newsrec.model.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.model.Interaction;
import io.newsrec.model.RecommendRequest;
import io.newsrec.model.Recommendations;
import io.newsrec.model.Recommender;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnlineLearnerTest {

  /** Records what it learnt. */
  private static final class RecordingRecommender implements Recommender {
    final List<Interaction> learnt = new ArrayList<>();

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

  private static InteractionRecords.Decoded click(String eventId, String article, long time) {
    return new InteractionRecords.Decoded.Accepted(
        eventId, new Interaction("g1", "u", "s", article, time, 1.0));
  }

  @Test
  void eachAcceptedRecordUpdatesTheModelOnce() {
    RecordingRecommender model = new RecordingRecommender();
    OnlineLearner learner = new OnlineLearner(model, 10);

    learner.accept(click("e1", "a1", 100));
    learner.accept(click("e2", "a2", 300));
    learner.accept(click("e3", "a3", 200));

    assertThat(model.learnt).extracting(Interaction::articleId).containsExactly("a1", "a2", "a3");
    assertThat(learner.applied()).isEqualTo(3);
    assertThat(learner.lastEventTimeMs()).isEqualTo(300);
  }

  @Test
  void aRedeliveredEventIdIsDroppedWhileItIsInTheWindow() {
    RecordingRecommender model = new RecordingRecommender();
    OnlineLearner learner = new OnlineLearner(model, 2);

    learner.accept(click("e1", "a1", 1));
    learner.accept(click("e1", "a1", 1));
    learner.accept(click("e2", "a2", 2));
    learner.accept(click("e3", "a3", 3)); // pushes e1 out of a window of two
    learner.accept(click("e1", "a1", 1));

    assertThat(model.learnt)
        .extracting(Interaction::articleId)
        .containsExactly("a1", "a2", "a3", "a1");
    assertThat(learner.duplicates()).isEqualTo(1);
  }

  @Test
  void recordsWithoutAnEventIdAreNeverTakenForDuplicates() {
    RecordingRecommender model = new RecordingRecommender();
    OnlineLearner learner = new OnlineLearner(model, 10);

    learner.accept(click(null, "a1", 1));
    learner.accept(click(null, "a1", 1));

    assertThat(model.learnt).hasSize(2);
  }

  @Test
  void rejectedRecordsAreCountedAndLeaveTheModelAlone() {
    RecordingRecommender model = new RecordingRecommender();
    OnlineLearner learner = new OnlineLearner(model, 10);

    learner.accept(new InteractionRecords.Decoded.Rejected("malformed JSON"));

    assertThat(learner.rejected()).isEqualTo(1);
    assertThat(model.learnt).isEmpty();
  }
}
