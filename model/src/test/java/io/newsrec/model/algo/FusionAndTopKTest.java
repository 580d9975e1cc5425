package io.newsrec.model.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FusionAndTopKTest {

  @Test
  void eachComponentIsDividedByItsMaximumThenWeighted() {
    Scores knn = new Scores();
    knn.add(1, 4.0);
    knn.add(2, 2.0);
    Scores pop = new Scores();
    pop.add(2, 100.0);
    pop.add(3, 50.0);
    Scores out = new Scores();

    Fusion.maxNormalizedSum(new Scores[] {knn, pop}, new double[] {1.0, 0.5}, out);

    assertThat(out.get(1)).isEqualTo(1.0);
    assertThat(out.get(2)).isEqualTo(0.5 + 0.5);
    assertThat(out.get(3)).isEqualTo(0.25);
  }

  @Test
  void aComponentWithZeroWeightOrNoScoresAddsNothing() {
    Scores a = new Scores();
    a.add(1, 3.0);
    Scores empty = new Scores();
    Scores out = new Scores();

    Fusion.maxNormalizedSum(new Scores[] {a, empty}, new double[] {0.0, 1.0}, out);

    assertThat(out.size()).isZero();
  }

  @Test
  void aComponentBelowItsFloorIsDividedByTheFloorNotByItsMaximum() {
    Scores thin = new Scores();
    thin.add(1, 0.25);
    thin.add(2, 0.125);
    Scores strong = new Scores();
    strong.add(3, 4.0);
    Scores out = new Scores();

    Fusion.maxNormalizedSum(
        new Scores[] {thin, strong}, new double[] {1.0, 1.0}, new double[] {1.0, 1.0}, out);

    assertThat(out.get(1)).isEqualTo(0.25);
    assertThat(out.get(2)).isEqualTo(0.125);
    assertThat(out.get(3)).isEqualTo(1.0);
  }

  @Test
  void freshnessBoostFadesWithAge() {
    assertThat(Fusion.freshness(0, 3_600_000, 0.4)).isEqualTo(1.4);
    assertThat(Fusion.freshness(3_600_000, 3_600_000, 0.4)).isCloseTo(1.2, within(1e-12));
  }

  @Test
  void topKReturnsTheBestPositiveItemsBestFirstAndBreaksTiesBySmallerIndex() {
    Scores s = new Scores();
    s.add(9, 1.0);
    s.add(4, 3.0);
    s.add(7, 1.0);
    s.add(2, 0.0);
    s.set(5, Double.NEGATIVE_INFINITY);
    s.add(8, 2.0);

    assertThat(TopK.select(s, 3)).containsExactly(4, 8, 7);
    assertThat(TopK.select(s, 10)).containsExactly(4, 8, 7, 9);
  }

  @Test
  void scoresClearInConstantTimeAndForgetEverything() {
    Scores s = new Scores();
    s.add(5000, 1.0);
    s.clear();
    assertThat(s.size()).isZero();
    assertThat(s.get(5000)).isZero();
    assertThat(s.contains(5000)).isFalse();
  }
}
