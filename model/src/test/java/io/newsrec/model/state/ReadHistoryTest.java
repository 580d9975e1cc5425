package io.newsrec.model.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.model.HybridConfig;
import io.newsrec.model.Interaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadHistoryTest {
  private static final long T0 = 1_506_800_000_000L;
  private static final long MINUTE = 60_000L;

  @Test
  void theListKeepsTheLastReadsAndTheSetEveryEarlierOne() {
    ReadHistory history = new ReadHistory(3, 10);
    for (int article = 1; article <= 5; article++) {
      history.record("r", article);
    }
    history.record("r", 4); // read again: no change

    ReadHistory.Reader r = history.of("r");
    assertThat(r.toIntArray()).containsExactly(3, 4, 5);
    assertThat(r.earlier.mightContain(1)).isTrue();
    assertThat(r.earlier.mightContain(2)).isTrue();
    assertThat((Object) history.of("nobody")).isNull();
  }

  @Test
  void theProfileIsAMovingMeanOfTheLastTwentyReads() {
    ReadHistory history = new ReadHistory(200, 10);
    history.record("r", 1, 1f, -1f);
    history.record("r", 2, 3f, -3f);
    history.record("r", 1, 9f, -9f); // read again: not a new read
    ReadHistory.Reader r = history.of("r");
    assertThat(r.meanAge).isEqualTo(2f);
    assertThat(r.meanShare).isEqualTo(-2f);

    // 18 more reads at age 2 make twenty; the 21st weighs 1/20, not 1/21
    for (int article = 3; article <= 20; article++) {
      history.record("r", article, 2f, -2f);
    }
    history.record("r", 21, 22f, -2f);
    assertThat(r.meanAge).isEqualTo(3f);

    history.record("s", 1);
    assertThat(history.of("s").profiled()).isFalse();
  }

  @Test
  void aReaderWithinTheListHasNoSet() {
    ReadHistory history = new ReadHistory(3, 10);
    history.record("r", 1);
    history.record("r", 2);
    history.record("r", 3);
    assertThat(history.of("r").earlier).isNull();
  }

  @Test
  void aHeavyReaderIsNeverRecommendedAnArticleReadLongBeforeEvenAfterARestore() throws IOException {
    PortalModel model = heavyReaderModel();
    assertNothingReadIsRecommended(model);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ArtifactCodec.write(model.config(), null, Map.of("g1", model), bytes);
    PortalModel restored =
        ArtifactCodec.read(new ByteArrayInputStream(bytes.toByteArray())).portals().get("g1");
    assertNothingReadIsRecommended(restored);
  }

  /**
   * Reader r reads a1 … a6 with a list of 3; every other reader reads them and x, so all seven are
   * recommendable.
   */
  private static PortalModel heavyReaderModel() {
    PortalModel model = new PortalModel(HybridConfig.parse(Map.of("user_history_size", "3")));
    for (int i = 1; i <= 6; i++) {
      model.learn(new Interaction("g1", "r", "rs", "a" + i, T0 + i * MINUTE, 1.0));
    }
    for (int u = 0; u < 5; u++) {
      for (int i = 1; i <= 6; i++) {
        model.learn(new Interaction("g1", "o" + u, "os" + u, "a" + i, T0 + (10 + i) * MINUTE, 1.0));
      }
      model.learn(new Interaction("g1", "o" + u, "os" + u, "x", T0 + 17 * MINUTE, 1.0));
    }
    return model;
  }

  private static void assertNothingReadIsRecommended(PortalModel model) {
    long now = T0 + 20 * MINUTE;
    List<String> forR =
        model.top(model.score(List.of(), null, "r", now), 20).stream()
            .map(PortalModel.Ranked::articleId)
            .toList();
    assertThat(forR).containsExactly("x");
    List<String> forAnother =
        model.top(model.score(List.of(), null, "q", now), 20).stream()
            .map(PortalModel.Ranked::articleId)
            .toList();
    assertThat(forAnother).containsExactlyInAnyOrder("a1", "a2", "a3", "a4", "a5", "a6", "x");
  }
}
