package io.newsrec.model.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.model.algo.Scores;
import org.junit.jupiter.api.Test;

class RankingTest {
  private final boolean[] catalogue = new boolean[20];

  RankingTest() {
    for (int a = 0; a < 10; a++) {
      catalogue[a] = true;
    }
  }

  @Test
  void aScoredTargetCountsOnlyHigherScoresAndHalfTheEqualOnes() {
    Scores s = scores();
    // 1 above (3.0), 1 tied (2.0): expected position 2.5
    assertThat(Ranking.expectedRank(s, 2, catalogue, 10)).isEqualTo(2.5);
  }

  @Test
  void anUnscoredTargetTiesWithEveryUnscoredArticleOfTheCatalogue() {
    Scores s = scores();
    // above: 1, 2, 3; excluded: 4; the other 5 of the 10 tie at 0 with the target 9
    assertThat(Ranking.expectedRank(s, 9, catalogue, 10)).isEqualTo(3 + 1 + 5 / 2.0);
  }

  @Test
  void excludedOrUnknownTargetsNeverHit() {
    Scores s = scores();
    assertThat(Ranking.expectedRank(s, 4, catalogue, 10)).isInfinite();
    assertThat(Ranking.expectedRank(s, 15, catalogue, 10)).isInfinite();
  }

  @Test
  void scoresOfArticlesOutsideTheCatalogueAreIgnored() {
    Scores s = scores();
    s.add(12, 99.0);
    assertThat(Ranking.expectedRank(s, 1, catalogue, 10)).isEqualTo(1.0);
  }

  private static Scores scores() {
    Scores s = new Scores();
    s.add(1, 3.0);
    s.add(2, 2.0);
    s.add(3, 2.0);
    s.set(4, Double.NEGATIVE_INFINITY);
    return s;
  }
}
