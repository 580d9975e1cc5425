package io.newsrec.model.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SessionKnnTest {
  private static final long T0 = 1_506_800_000_000L;
  private static final long MINUTE = 60_000L;

  @Test
  void neighboursVoteWithTheirLinearPositionWeightedOverlap() {
    SessionKnn knn = new SessionKnn(2, 500, Double.POSITIVE_INFINITY);
    session(knn, T0, 1, 2); // shares 1 (weight 1/2) and 2 (weight 1): similarity 1.5
    session(knn, T0, 1, 3); // shares 1: 0.5, not among the 2 nearest
    session(knn, T0, 2, 3, 4); // shares 2: 1.0

    Scores s = new Scores();
    knn.score(new int[] {1, 2}, 2, null, T0, s);

    assertThat(s.get(1)).isEqualTo(1.5);
    assertThat(s.get(2)).isEqualTo(2.5);
    assertThat(s.get(3)).isEqualTo(1.0);
    assertThat(s.get(4)).isEqualTo(1.0);
  }

  @Test
  void onlyTheMostRecentSessionsOfAnArticleAreSampled() {
    SessionKnn knn = new SessionKnn(10, 1, Double.POSITIVE_INFINITY);
    session(knn, T0, 1, 5);
    session(knn, T0 + MINUTE, 1, 6);

    Scores s = new Scores();
    knn.score(new int[] {1}, 1, null, T0 + 2 * MINUTE, s);

    assertThat(s.contains(5)).isFalse();
    assertThat(s.get(6)).isEqualTo(1.0);
  }

  @Test
  void anOlderNeighbourVotesLessByTheHalfLife() {
    SessionKnn knn = new SessionKnn(10, 500, 30 * MINUTE);
    session(knn, T0, 1, 5);
    session(knn, T0 + 30 * MINUTE, 1, 6);

    Scores s = new Scores();
    knn.score(new int[] {1}, 1, null, T0 + 60 * MINUTE, s);

    assertThat(s.get(5)).isCloseTo(0.25, within(1e-12));
    assertThat(s.get(6)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void theCurrentSessionIsNotItsOwnNeighbour() {
    SessionKnn knn = new SessionKnn(10, 500, Double.POSITIVE_INFINITY);
    SessionTrail self = session(knn, T0, 1, 2);

    Scores s = new Scores();
    knn.score(new int[] {1, 2}, 2, self, T0, s);

    assertThat(s.size()).isZero();
  }

  @Test
  void kthLargestIsMinusInfinityWhenAllFit() {
    assertThat(SessionKnn.kthLargest(new double[] {3, 1, 2}, 3, 5))
        .isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(SessionKnn.kthLargest(new double[] {3, 1, 2, 5}, 4, 2)).isEqualTo(3.0);
  }

  private static SessionTrail session(SessionKnn knn, long t, int... items) {
    SessionTrail s = new SessionTrail(t);
    for (int item : items) {
      s.append(item, t);
      knn.learn(s, item);
    }
    return s;
  }
}
