package io.newsrec.model.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BoostedTreesTest {
  /** Two stumps: x0 > 0.5 → +2 else −1; x1 > 3 → +0.5 else 0. */
  private static BoostedTrees twoStumps() {
    return new BoostedTrees(
        2,
        1,
        new int[][] {{0}, {1}},
        new float[][] {{0.5f}, {3f}},
        new double[][] {{-1, 2}, {0, 0.5}});
  }

  /** One tree of depth 2: root x0 > 0; left child x1 > 0; right child x1 > 5; leaves 10..40. */
  private static BoostedTrees depthTwo() {
    return new BoostedTrees(
        2,
        2,
        new int[][] {{0, 1, 1}},
        new float[][] {{0f, 0f, 5f}},
        new double[][] {{10, 20, 30, 40}});
  }

  @Test
  void sumsTheLeavesEachRowFallsInto() {
    BoostedTrees trees = twoStumps();

    assertThat(trees.score(new float[] {0f, 0f})).isEqualTo(-1.0);
    assertThat(trees.score(new float[] {1f, 0f})).isEqualTo(2.0);
    assertThat(trees.score(new float[] {1f, 4f})).isEqualTo(2.5);
    // the threshold itself goes left
    assertThat(trees.score(new float[] {0.5f, 3f})).isEqualTo(-1.0);
  }

  @Test
  void anAverageScoresTheMeanOfItsMembersAtTheDeepestMembersDepth() {
    // member 1: the two stumps (depth 1); member 2: one tree of depth 2
    BoostedTrees deep = depthTwo();

    BoostedTrees mean = BoostedTrees.average(java.util.List.of(twoStumps(), deep));

    assertThat(mean.depth()).isEqualTo(2);
    assertThat(mean.trees()).isEqualTo(3);
    // (−1 + 0 + 10) / 2, (2 + 0.5 + 40) / 2, (2 + 0 + 30) / 2, (−1 + 0 + 20) / 2
    assertThat(mean.score(new float[] {-1f, -1f})).isEqualTo(4.5);
    assertThat(mean.score(new float[] {1f, 6f})).isEqualTo(21.25);
    assertThat(mean.score(new float[] {1f, 1f})).isEqualTo(16.0);
    assertThat(mean.score(new float[] {-1f, 1f})).isEqualTo(9.5);
    assertThatThrownBy(() -> BoostedTrees.average(java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                BoostedTrees.average(
                    java.util.List.of(
                        twoStumps(),
                        new BoostedTrees(
                            3,
                            1,
                            new int[][] {{0}},
                            new float[][] {{0f}},
                            new double[][] {{0, 1}}))))
        .hasMessageContaining("different lengths");
  }

  @Test
  void anAverageWalksEachTreeOnlyAsDeepAsItsOwnSplitsAndScoresItsMembersMean() {
    // members of depths 1 to 5 with random finite splits: padded to depth 5, yet each tree is
    // walked only through its member's own levels
    java.util.Random random = new java.util.Random(5);
    java.util.List<BoostedTrees> members = new java.util.ArrayList<>();
    for (int depth = 1; depth <= 5; depth++) {
      members.add(randomTrees(random, 3, depth, 4));
    }
    BoostedTrees mean = BoostedTrees.average(members);

    assertThat(mean.depth()).isEqualTo(5);
    assertThat(mean.steps()).isEqualTo(3L * (1 + 2 + 3 + 4 + 5));
    float[][] rows = new float[9][4];
    for (float[] row : rows) {
      for (int j = 0; j < 4; j++) {
        row[j] = random.nextFloat();
      }
    }
    // an infinite feature value still goes left at a padding split
    rows[8][0] = Float.POSITIVE_INFINITY;
    double[] all = new double[rows.length];
    mean.scoreAll(rows, all);
    for (int r = 0; r < rows.length; r++) {
      double expected = 0;
      for (BoostedTrees m : members) {
        expected += m.score(rows[r]) / members.size();
      }
      assertThat(mean.score(rows[r]))
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(all[r]).isEqualTo(mean.score(rows[r]));
    }
    // the hand-checked average above: 1 + 1 + 2 steps, not 2 + 2 + 2
    assertThat(BoostedTrees.average(java.util.List.of(twoStumps(), depthTwo())).steps())
        .isEqualTo(4);
  }

  /** {@code trees} complete trees of {@code depth} with random splits on {@code features}. */
  private static BoostedTrees randomTrees(
      java.util.Random random, int trees, int depth, int features) {
    int splits = (1 << depth) - 1;
    int[][] feature = new int[trees][splits];
    float[][] threshold = new float[trees][splits];
    double[][] leaf = new double[trees][splits + 1];
    for (int t = 0; t < trees; t++) {
      for (int i = 0; i < splits; i++) {
        feature[t][i] = random.nextInt(features);
        threshold[t][i] = random.nextFloat();
      }
      for (int i = 0; i <= splits; i++) {
        leaf[t][i] = random.nextGaussian();
      }
    }
    return new BoostedTrees(features, depth, feature, threshold, leaf);
  }

  @Test
  void aDeeperTreeWalksLevelByLevel() {
    // root: x0 > 0; left child (node 1): x1 > 0; right child (node 2): x1 > 5
    BoostedTrees tree = depthTwo();

    assertThat(tree.score(new float[] {-1f, -1f})).isEqualTo(10.0);
    assertThat(tree.score(new float[] {-1f, 1f})).isEqualTo(20.0);
    assertThat(tree.score(new float[] {1f, 1f})).isEqualTo(30.0);
    assertThat(tree.score(new float[] {1f, 6f})).isEqualTo(40.0);
  }

  @Test
  void scoringManyRowsAtOnceGivesEachRowsOwnScore() {
    // random trees of depth 3 and 0..9 rows: every remainder of the four-row interleaving
    java.util.Random random = new java.util.Random(11);
    BoostedTrees model = randomTrees(random, 7, 3, 4);
    for (int n = 0; n < 10; n++) {
      float[][] rows = new float[n][4];
      for (float[] row : rows) {
        for (int j = 0; j < 4; j++) {
          row[j] = random.nextFloat();
        }
      }
      double[] out = new double[n + 1];
      out[n] = 42; // beyond the rows: untouched
      model.scoreAll(rows, out);
      for (int r = 0; r < n; r++) {
        assertThat(out[r]).isEqualTo(model.score(rows[r]));
      }
      assertThat(out[n]).isEqualTo(42);
    }
    assertThat(twoStumpsScores(new float[][] {{0.6f, 4f}, {0.4f, 3f}})).containsExactly(2.5, -1.0);
  }

  private static double[] twoStumpsScores(float[][] rows) {
    double[] out = new double[rows.length];
    twoStumps().scoreAll(rows, out);
    return out;
  }

  @Test
  void survivesAWriteAndReadUnchanged() throws IOException {
    BoostedTrees trees = twoStumps();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    trees.writeTo(new DataOutputStream(bytes));

    BoostedTrees read =
        BoostedTrees.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

    assertThat(read.trees()).isEqualTo(2);
    assertThat(read.score(new float[] {1f, 4f})).isEqualTo(2.5);
    assertThat(read.score(new float[] {0f, 4f})).isEqualTo(-0.5);
  }

  @Test
  void rejectsRowsOfTheWrongLengthAndTreesOfTheWrongShape() {
    assertThatThrownBy(() -> twoStumps().score(new float[3]))
        .hasMessageContaining("expected 2 features");
    assertThatThrownBy(
            () ->
                new BoostedTrees(
                    2, 2, new int[][] {{0}}, new float[][] {{0f}}, new double[][] {{0, 0}}))
        .hasMessageContaining("not a complete tree");
    assertThatThrownBy(
            () ->
                new BoostedTrees(
                    2, 1, new int[][] {{2}}, new float[][] {{0f}}, new double[][] {{0, 0}}))
        .hasMessageContaining("unknown feature 2");
  }
}
