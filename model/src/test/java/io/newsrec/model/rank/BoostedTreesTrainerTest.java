package io.newsrec.model.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BoostedTreesTrainerTest {

  @Test
  void cutsAtQuantilesWithoutTheLargestValueAndBinsByCutsBelow() {
    RankingExamples data = new RankingExamples(1);
    for (int v = 1; v <= 8; v++) {
      data.addGroup(new float[][] {{v}}, 0);
    }

    // 4 bins of 8 sorted values: positions 7/4, 14/4, 21/4 → 1, 3, 5 → values 2, 4, 6
    float[] cuts = BoostedTreesTrainer.cuts(data, 0, 4);

    assertThat(cuts).containsExactly(2f, 4f, 6f);
    assertThat(BoostedTreesTrainer.binOf(cuts, 1f)).isZero();
    assertThat(BoostedTreesTrainer.binOf(cuts, 2f)).isZero();
    assertThat(BoostedTreesTrainer.binOf(cuts, 3f)).isEqualTo(1);
    assertThat(BoostedTreesTrainer.binOf(cuts, 7f)).isEqualTo(3);
  }

  @Test
  void softmaxGradientsOfAGroupAreShareMinusClicked() {
    RankingExamples data = new RankingExamples(1);
    data.addGroup(new float[][] {{0}, {0}}, 0);
    data.addGroup(new float[][] {{0}, {0}, {0}}, 2);
    double[] score = {0, 0, 0, 0, Math.log(2)}; // second group: shares 1/4, 1/4, 1/2
    double[] grad = new double[5];
    double[] hess = new double[5];

    double loss = BoostedTreesTrainer.gradients(data, score, grad, hess);

    assertThat(grad).containsExactly(new double[] {-0.5, 0.5, 0.25, 0.25, -0.5}, within(1e-12));
    assertThat(hess)
        .containsExactly(new double[] {0.25, 0.25, 0.1875, 0.1875, 0.25}, within(1e-12));
    // mean of −ln(1/2) and −ln(1/2)
    assertThat(loss).isCloseTo(Math.log(2), within(1e-12));
  }

  @Test
  void theFirstTreeIsOneNewtonStep() {
    // every group: the clicked row has x = 1, the other x = 0; at score 0 each row's share is 1/2,
    // so the x=1 leaf gets −(Σ −1/2)/(Σ 1/4) = +2 and the x=0 leaf −2 (rate 1, no regularization)
    RankingExamples data = new RankingExamples(1);
    for (int g = 0; g < 10; g++) {
      data.addGroup(new float[][] {{0}, {1}}, 1);
    }

    BoostedTrees tree = new BoostedTreesTrainer(1, 1, 1.0, 0.0, 0.0, 4).fit(data, l -> {});

    assertThat(tree.score(new float[] {1})).isCloseTo(2.0, within(1e-12));
    assertThat(tree.score(new float[] {0})).isCloseTo(-2.0, within(1e-12));
  }

  @Test
  void aTreeOfAShareOfTheGroupsIsANewtonStepOnThoseGroupsOnly() {
    // 10 groups click x = 1, 30 click x = 0 (each group: one row of each). At score 0 the x = 1
    // leaf of a stump is −ΣG/(ΣH + λ) = 2(a − b)/(a + b + 4) at λ = 1 over the a and b groups of
    // each kind the tree saw: −40/44 with every group; a tree of half the groups sees about 20
    RankingExamples data = new RankingExamples(1);
    for (int g = 0; g < 40; g++) {
      data.addGroup(new float[][] {{0}, {1}}, g < 10 ? 1 : 0);
    }

    double all =
        new BoostedTreesTrainer(1, 1, 1.0, 1.0, 0.0, 4).fit(data, l -> {}).score(new float[] {1});
    double half =
        new BoostedTreesTrainer(1, 1, 1.0, 1.0, 0.0, 4, 0.5, 1.0, 3)
            .fit(data, l -> {})
            .score(new float[] {1});

    assertThat(all).isCloseTo(-40.0 / 44, within(1e-12));
    boolean aboutHalf = false;
    for (int a = 0; a <= 10; a++) {
      for (int b = 0; b <= 30; b++) {
        if (Math.abs(half - 2.0 * (a - b) / (a + b + 4)) < 1e-12) {
          aboutHalf |= a + b >= 10 && a + b <= 30;
        }
      }
    }
    assertThat(half).isNotCloseTo(all, within(1e-9));
    assertThat(aboutHalf).as("the leaf of %s groups of 40", half).isTrue();
  }

  @Test
  void aTreeSplitsOnlyOnTheFeaturesItDrew() {
    // only feature 0 tells the clicked row apart; a stump that may use one feature of two finds
    // it in some trees and, in the others, splits on nothing useful and leaves feature 0 alone
    RankingExamples data = new RankingExamples(2);
    for (int g = 0; g < 50; g++) {
      data.addGroup(new float[][] {{0, g % 3}, {1, g % 3}}, 1);
    }
    int drewTheSignal = 0;
    for (long seed = 0; seed < 20; seed++) {
      BoostedTrees stump =
          new BoostedTreesTrainer(1, 1, 1.0, 0.0, 0.0, 4, 1.0, 0.5, seed).fit(data, l -> {});
      double clicked = stump.score(new float[] {1, 0});
      double other = stump.score(new float[] {0, 0});
      if (clicked > other) {
        drewTheSignal++;
      } else {
        assertThat(clicked).isEqualTo(other);
      }
    }
    assertThat(drewTheSignal).isBetween(3, 17);
  }

  @Test
  void stochasticTreesFollowTheirSeed() {
    RankingExamples data = groups(new Random(5), 300);
    float[] x = {0.7f, 0.2f};

    double one =
        new BoostedTreesTrainer(10, 3, 0.2, 1.0, 1.0, 16, 0.5, 0.5, 1).fit(data, l -> {}).score(x);
    double again =
        new BoostedTreesTrainer(10, 3, 0.2, 1.0, 1.0, 16, 0.5, 0.5, 1).fit(data, l -> {}).score(x);
    double other =
        new BoostedTreesTrainer(10, 3, 0.2, 1.0, 1.0, 16, 0.5, 0.5, 2).fit(data, l -> {}).score(x);

    assertThat(again).isEqualTo(one);
    assertThat(other).isNotEqualTo(one);
  }

  @Test
  void learnsAnInteractionNoWeightedSumCanExpress() {
    // the clicked candidate is the one with a > 0.5 and b < 0.5: high a alone or low b alone is a
    // decoy, so a linear score of a and b cannot put it first in every group
    Random random = new Random(7);
    RankingExamples train = groups(random, 400);
    RankingExamples test = groups(random, 200);

    BoostedTrees trees = new BoostedTreesTrainer(30, 2, 0.3, 1.0, 1.0, 32).fit(train, l -> {});

    int first = 0;
    for (int g = 0; g < test.groups(); g++) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int r = test.groupStart(g); r < test.groupStart(g + 1); r++) {
        double s = trees.score(new float[] {test.value(r, 0), test.value(r, 1)});
        if (s > bestScore) {
          bestScore = s;
          best = r;
        }
      }
      if (best == test.positive(g)) {
        first++;
      }
    }
    assertThat(first).isGreaterThanOrEqualTo(190);
  }

  @Test
  void theSameDataGiveTheSameTrees() {
    RankingExamples data = groups(new Random(11), 300);
    BoostedTreesTrainer trainer = new BoostedTreesTrainer(10, 3, 0.2, 1.0, 1.0, 16);

    BoostedTrees once = trainer.fit(data, l -> {});
    BoostedTrees twice = trainer.fit(data, l -> {});

    for (int r = 0; r < data.rows(); r++) {
      float[] x = {data.value(r, 0), data.value(r, 1)};
      assertThat(twice.score(x)).isEqualTo(once.score(x));
    }
  }

  @Test
  void dataBinnedOnceFitTheSameTreesAsBinnedByTheTrainer() {
    RankingExamples data = groups(new Random(13), 300);
    BoostedTreesTrainer trainer = new BoostedTreesTrainer(10, 3, 0.2, 1.0, 1.0, 16, 0.7, 0.5, 4);
    BoostedTreesTrainer.Binned binned = BoostedTreesTrainer.bin(data, 16);

    BoostedTrees own = trainer.fit(data, l -> {});
    BoostedTrees shared = trainer.fit(data, binned, l -> {});

    for (int r = 0; r < data.rows(); r++) {
      float[] x = {data.value(r, 0), data.value(r, 1)};
      assertThat(shared.score(x)).isEqualTo(own.score(x));
    }
    assertThatThrownBy(
            () -> new BoostedTreesTrainer(10, 3, 0.2, 1.0, 1.0, 32).fit(data, binned, l -> {}))
        .hasMessageContaining("binned for another trainer");
  }

  @Test
  void theLossFallsTreeByTree() {
    RankingExamples data = groups(new Random(3), 300);
    double[] losses = new double[5];
    int[] t = {0};

    new BoostedTreesTrainer(5, 2, 0.3, 1.0, 1.0, 16).fit(data, l -> losses[t[0]++] = l);

    assertThat(losses[0]).isCloseTo(Math.log(4), within(1e-12)); // four equal shares at first
    for (int i = 1; i < losses.length; i++) {
      assertThat(losses[i]).isLessThan(losses[i - 1]);
    }
  }

  @Test
  void rejectsSettingsItCannotHonour() {
    assertThatThrownBy(() -> new BoostedTreesTrainer(1, 0, 0.1, 1, 1, 16))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoostedTreesTrainer(1, 2, 0.1, 1, 1, 300))
        .hasMessageContaining("256");
    assertThatThrownBy(() -> new BoostedTreesTrainer(1, 2, 0.1, 1, 1, 16, 0.0, 1.0, 0))
        .hasMessageContaining("(0, 1]");
    assertThatThrownBy(() -> new BoostedTreesTrainer(1, 2, 0.1, 1, 1, 16, 1.0, 1.5, 0))
        .hasMessageContaining("(0, 1]");
  }

  /** Groups of four: the clicked one, a high-a decoy, a low-b decoy and a plain one, shuffled. */
  private static RankingExamples groups(Random random, int count) {
    RankingExamples data = new RankingExamples(2);
    for (int g = 0; g < count; g++) {
      float[][] rows = {
        {0.6f + 0.4f * random.nextFloat(), 0.4f * random.nextFloat()},
        {0.6f + 0.4f * random.nextFloat(), 0.6f + 0.4f * random.nextFloat()},
        {0.4f * random.nextFloat(), 0.4f * random.nextFloat()},
        {0.4f * random.nextFloat(), 0.6f + 0.4f * random.nextFloat()}
      };
      int clicked = random.nextInt(4);
      float[] swap = rows[0];
      rows[0] = rows[clicked];
      rows[clicked] = swap;
      data.addGroup(rows, clicked);
    }
    return data;
  }
}
