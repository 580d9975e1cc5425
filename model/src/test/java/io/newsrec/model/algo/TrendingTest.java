package io.newsrec.model.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrendingTest {
  private static final double LN2 = Math.log(2.0);

  @Test
  void aRisingArticleScoresItsRecentRateAboveItsUsualPace() {
    // 3 decayed clicks at a 1 s half-life: 3 ln2 / 1000 per ms; 8 at 4 s: 8 ln2 / 4000 = 2 ln2 /
    // 1000; the rise is ln2 / 1000
    assertThat(Trending.rateIncrease(3, 1_000, 8, 4_000)).isCloseTo(LN2 / 1_000, within(1e-15));
  }

  @Test
  void aFallingOrSteadyArticleDoesNotTrend() {
    assertThat(Trending.rateIncrease(1, 1_000, 8, 4_000)).isZero();
    assertThat(Trending.rateIncrease(2, 1_000, 8, 4_000)).isZero();
  }
}
