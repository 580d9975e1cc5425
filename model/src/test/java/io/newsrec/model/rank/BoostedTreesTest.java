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
  void aDeeperTreeWalksLevelByLevel() {
    // root: x0 > 0; left child (node 1): x1 > 0; right child (node 2): x1 > 5
    BoostedTrees tree =
        new BoostedTrees(
            2,
            2,
            new int[][] {{0, 1, 1}},
            new float[][] {{0f, 0f, 5f}},
            new double[][] {{10, 20, 30, 40}});

    assertThat(tree.score(new float[] {-1f, -1f})).isEqualTo(10.0);
    assertThat(tree.score(new float[] {-1f, 1f})).isEqualTo(20.0);
    assertThat(tree.score(new float[] {1f, 1f})).isEqualTo(30.0);
    assertThat(tree.score(new float[] {1f, 6f})).isEqualTo(40.0);
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
