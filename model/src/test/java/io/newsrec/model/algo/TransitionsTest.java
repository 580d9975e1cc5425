package io.newsrec.model.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TransitionsTest {
  private static final long T0 = 1_506_800_000_000L;
  private static final long MINUTE = 60_000L;

  @Test
  void rulesFromTheLastThreeClicksWeighOneOverDistance() {
    Transitions rules = new Transitions(3, Double.POSITIVE_INFINITY, 100);
    learnSession(rules, T0, 1, 2, 3, 4, 5);

    Scores from1 = new Scores();
    rules.score(1, 1.0, from1);
    // 1→2 at distance 1, 1→3 at 2, 1→4 at 3; 1→5 is 4 steps away: outside the window
    assertThat(from1.get(2)).isEqualTo(1.0);
    assertThat(from1.get(3)).isEqualTo(0.5);
    assertThat(from1.get(4)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(from1.contains(5)).isFalse();
  }

  @Test
  void repeatedPathsAddUpAndTheFactorScalesTheVote() {
    Transitions rules = new Transitions(1, Double.POSITIVE_INFINITY, 100);
    learnSession(rules, T0, 1, 2);
    learnSession(rules, T0, 1, 2);
    learnSession(rules, T0, 1, 3);

    Scores s = new Scores();
    rules.score(1, 0.5, s);
    assertThat(s.get(2)).isEqualTo(1.0);
    assertThat(s.get(3)).isEqualTo(0.5);
  }

  @Test
  void olderPathsCountLessByTheHalfLife() {
    Transitions rules = new Transitions(1, 60 * MINUTE, 100);
    learnSession(rules, T0, 1, 2);
    learnSession(rules, T0 + 60 * MINUTE, 1, 3);

    Scores s = new Scores();
    rules.score(1, 1.0, s);
    assertThat(s.get(2) / s.get(3)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aSourceKeepsOnlyItsStrongestTargetsWhenFull() {
    Transitions rules = new Transitions(1, Double.POSITIVE_INFINITY, 4);
    learnSession(rules, T0, 1, 2);
    learnSession(rules, T0, 1, 2);
    for (int target = 3; target <= 6; target++) {
      learnSession(rules, T0, 1, target);
    }
    Scores s = new Scores();
    rules.score(1, 1.0, s);
    assertThat(s.size()).isLessThanOrEqualTo(4);
    assertThat(s.get(2)).isEqualTo(2.0);
  }

  private static void learnSession(Transitions rules, long t, int... items) {
    for (int n = 1; n <= items.length; n++) {
      rules.learn(items, n, t, 1.0);
    }
  }
}
