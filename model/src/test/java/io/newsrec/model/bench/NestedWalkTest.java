package io.newsrec.model.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.model.rank.BoostedTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NestedWalkTest {
  /**
   * The served layout must score exactly as the layout it replaced: the evaluation's figures were
   * measured with the old one, and the benchmark's baseline is only a baseline if it agrees.
   */
  @Test
  void theServedLayoutScoresEveryRowAsTheNestedOneToTheLastBit() {
    SplittableRandom random = new SplittableRandom(7);
    int features = 21;
    List<BoostedTrees> members = new ArrayList<>();
    for (int depth = 5; depth <= 7; depth++) {
      members.add(randomTrees(random, features, depth, 30));
    }
    BoostedTrees mean = BoostedTrees.average(members);
    NestedWalk nested = NestedWalk.of(mean);
    for (int n : new int[] {1, 3, 4, 7, 50}) {
      float[][] rows = new float[n][features];
      for (float[] row : rows) {
        for (int f = 0; f < features; f++) {
          // some exact threshold hits, some NaN: both sides must send them the same way
          row[f] = random.nextInt(10) == 0 ? Float.NaN : (float) random.nextInt(-8, 9) / 4;
        }
      }
      double[] served = new double[n];
      double[] before = new double[n];
      mean.scoreAll(rows, served);
      nested.scoreAll(rows, before);
      assertThat(served).containsExactly(before);
      for (int r = 0; r < n; r++) {
        assertThat(mean.score(rows[r])).isEqualTo(before[r]);
      }
    }
  }

  private static BoostedTrees randomTrees(
      SplittableRandom random, int features, int depth, int count) {
    int splits = (1 << depth) - 1;
    int[][] feature = new int[count][splits];
    float[][] threshold = new float[count][splits];
    double[][] leaf = new double[count][splits + 1];
    for (int t = 0; t < count; t++) {
      for (int i = 0; i < splits; i++) {
        feature[t][i] = random.nextInt(features);
        threshold[t][i] = random.nextInt(-8, 9) / 4f;
      }
      for (int l = 0; l <= splits; l++) {
        leaf[t][l] = random.nextDouble(-1, 1);
      }
    }
    return new BoostedTrees(features, depth, feature, threshold, leaf);
  }
}
