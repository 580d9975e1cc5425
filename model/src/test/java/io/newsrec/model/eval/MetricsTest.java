package io.newsrec.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void ndcgOfASingleTargetIsOneOverLog2OfRankPlusOne() {
    assertThat(Metrics.ndcg(1, 20)).isEqualTo(1.0);
    assertThat(Metrics.ndcg(3, 20)).isEqualTo(0.5);
    assertThat(Metrics.ndcg(7, 20)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(Metrics.ndcg(20, 20)).isCloseTo(1 / (Math.log(21) / Math.log(2)), within(1e-12));
    assertThat(Metrics.ndcg(21, 20)).isZero();
  }

  @Test
  void hitRateCountsTargetsWithinK() {
    assertThat(Metrics.hitRate(20, 20)).isEqualTo(1.0);
    assertThat(Metrics.hitRate(20.5, 20)).isZero();
    assertThat(Metrics.hitRate(Double.POSITIVE_INFINITY, 20)).isZero();
  }

  @Test
  void reciprocalRankIsOneOverRankWithinK() {
    assertThat(Metrics.reciprocalRank(4, 20)).isEqualTo(0.25);
    assertThat(Metrics.reciprocalRank(2.5, 20)).isEqualTo(0.4);
    assertThat(Metrics.reciprocalRank(25, 20)).isZero();
  }

  @Test
  void tiesPutTheTargetAtItsExpectedPositionNeverFirst() {
    // 2 articles above, 3 others tied: positions 3..6 equally likely, expected 4.5
    assertThat(Metrics.expectedRank(2, 3)).isEqualTo(4.5);
    assertThat(Metrics.expectedRank(0, 0)).isEqualTo(1.0);
    // a whole catalogue of 1,001 tied articles puts the target at 501, not 1
    assertThat(Metrics.expectedRank(0, 1000)).isEqualTo(501.0);
  }

  @Test
  void coverageIsTheShareOfTheCatalogueRecommended() {
    assertThat(Metrics.coverage(3, 4)).isEqualTo(0.75);
    assertThat(Metrics.coverage(0, 0)).isZero();
  }
}
