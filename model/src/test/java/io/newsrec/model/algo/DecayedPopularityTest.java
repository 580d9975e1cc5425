package io.newsrec.model.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DecayedPopularityTest {
  private static final long T0 = 1_506_800_000_000L;
  private static final long MINUTE = 60_000L;

  @Test
  void aClickLosesHalfItsWeightEveryHalfLife() {
    DecayedPopularity pop = new DecayedPopularity(10 * MINUTE);
    pop.add(7, T0, 1.0);
    pop.add(7, T0 + 10 * MINUTE, 1.0);

    assertThat(pop.at(7, T0 + 10 * MINUTE)).isCloseTo(1.5, within(1e-12));
    assertThat(pop.at(7, T0 + 20 * MINUTE)).isCloseTo(0.75, within(1e-12));
    assertThat(pop.at(8, T0)).isZero();
  }

  @Test
  void engagementWeightsScaleTheClick() {
    DecayedPopularity pop = new DecayedPopularity(10 * MINUTE);
    pop.add(1, T0, 2.5);

    assertThat(pop.at(1, T0 + 20 * MINUTE)).isCloseTo(0.625, within(1e-12));
  }

  @Test
  void anInfiniteHalfLifeCountsClicks() {
    DecayedPopularity pop = new DecayedPopularity(Double.POSITIVE_INFINITY);
    for (int i = 0; i < 5; i++) {
      pop.add(3, T0 + i * 1_000_000_000L, 1.0);
    }
    assertThat(pop.at(3, T0 + 9_000_000_000L)).isEqualTo(5.0);
  }

  @Test
  void weeksOfUpdatesNeitherOverflowNorLoseTheRanking() {
    DecayedPopularity pop = new DecayedPopularity(MINUTE);
    long t = T0;
    for (int day = 0; day < 30; day++, t += 24 * 60 * MINUTE) {
      pop.add(1, t, 1.0);
      pop.add(2, t, 2.0);
    }
    long lastClicks = t - 24 * 60 * MINUTE;
    // 30 days are 43,200 half-lives: the stored values were rebased many times on the way
    assertThat(pop.at(2, lastClicks + MINUTE)).isCloseTo(1.0, within(1e-9));
    assertThat(pop.at(1, lastClicks + MINUTE)).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void forgettingAnArticleZeroesIt() {
    DecayedPopularity pop = new DecayedPopularity(MINUTE);
    pop.add(4, T0, 1.0);
    pop.forget(4);
    assertThat(pop.at(4, T0)).isZero();
  }
}
