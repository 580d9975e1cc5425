package io.newsrec.model.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.model.algo.Scores;
import org.junit.jupiter.api.Test;

class PopularBaselinesTest {
  private static final long T0 = 1_506_800_000_000L;
  private static final long MINUTE = 60_000L;

  @Test
  void theWindowCountsExactlyTheClicksOfTheLastMinutesEvenWhenLearnedOutOfOrder() {
    G1Clicks data =
        G1ClicksFixtures.of(
            G1ClicksFixtures.click(1, 100, 1, T0),
            G1ClicksFixtures.click(1, 100, 2, T0 + 20 * MINUTE),
            G1ClicksFixtures.click(2, 101, 2, T0 + 25 * MINUTE),
            G1ClicksFixtures.click(3, 102, 1, T0 + 5 * MINUTE));
    PopularWindow window = new PopularWindow(data, 15);
    for (int row = 0; row < data.size(); row++) {
      window.learn(row);
    }

    Scores at30 = score(window, data, T0 + 30 * MINUTE);
    assertThat(at30.get(2)).isEqualTo(2.0);
    assertThat(at30.contains(1)).isFalse();

    // an earlier query time resets the window: [T0 + 5, T0 + 20) holds the click at T0 + 5
    Scores at20 = score(window, data, T0 + 20 * MINUTE);
    assertThat(at20.get(1)).isEqualTo(1.0);
    assertThat(at20.contains(2)).isFalse();
  }

  @Test
  void allTimePopularityKeepsTheMostClickedFirst() {
    G1Clicks data =
        G1ClicksFixtures.of(
            G1ClicksFixtures.click(1, 100, 5, T0),
            G1ClicksFixtures.click(2, 101, 6, T0),
            G1ClicksFixtures.click(3, 102, 6, T0),
            G1ClicksFixtures.click(4, 103, 7, T0),
            G1ClicksFixtures.click(5, 104, 7, T0),
            G1ClicksFixtures.click(6, 105, 7, T0));
    PopularAllTime pop = new PopularAllTime(data, 2);
    for (int row = 0; row < data.size(); row++) {
      pop.learn(row);
    }
    assertThat(pop.topForTest()).containsExactly(7, 6);
  }

  private static Scores score(EvalModel model, G1Clicks data, long now) {
    Scores s = new Scores();
    model.score(new EvalModel.Query(data, new int[] {0}, 1, 0, now, true), s);
    return s;
  }
}
