package io.newsrec.model.bench;

import io.newsrec.model.rank.BoostedTrees;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The trees' scoring as served before commit (this one's parent): each tree's splits in an array of
 * features and one of thresholds, its leaves in a third, four rows walking a tree side by side.
 * Kept as the baseline that {@link RerankBenchmark} measures the served layout against in the same
 * run, and that the served layout must match to the last bit.
 */
final class NestedWalk {
  private final int depth;
  private final int[][] feature;
  private final float[][] threshold;
  private final double[][] leaf;
  private final int[] levels;

  /** The same trees, read back from their serialized form into the nested layout. */
  static NestedWalk of(BoostedTrees trees) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      trees.writeTo(new DataOutputStream(bytes));
      return new NestedWalk(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private NestedWalk(DataInputStream in) throws IOException {
    in.readInt(); // features
    depth = in.readInt();
    int trees = in.readInt();
    int splits = (1 << depth) - 1;
    feature = new int[trees][splits];
    threshold = new float[trees][splits];
    leaf = new double[trees][splits + 1];
    levels = new int[trees];
    for (int t = 0; t < trees; t++) {
      for (int i = 0; i < splits; i++) {
        feature[t][i] = in.readShort();
        threshold[t][i] = in.readFloat();
      }
      for (int i = 0; i <= splits; i++) {
        leaf[t][i] = in.readDouble();
      }
      levels[t] = depth;
      while (levels[t] > 0 && lastLevelIsPadding(threshold[t], levels[t])) {
        levels[t]--;
      }
    }
  }

  private static boolean lastLevelIsPadding(float[] threshold, int levels) {
    int first = (1 << (levels - 1)) - 1;
    for (int i = first; i < 2 * first + 1; i++) {
      if (threshold[i] != Float.POSITIVE_INFINITY) {
        return false;
      }
    }
    return true;
  }

  private int leafBelow(int node, int level) {
    return ((node + 1) << (depth - level)) - 1 - ((1 << depth) - 1);
  }

  void scoreAll(float[][] rows, double[] out) {
    int n = rows.length;
    java.util.Arrays.fill(out, 0, n, 0.0);
    for (int t = 0; t < feature.length; t++) {
      int[] f = feature[t];
      float[] th = threshold[t];
      double[] values = leaf[t];
      int level = levels[t];
      int r = 0;
      for (; r + 4 <= n; r += 4) {
        float[] a = rows[r];
        float[] b = rows[r + 1];
        float[] c = rows[r + 2];
        float[] e = rows[r + 3];
        int na = 0;
        int nb = 0;
        int nc = 0;
        int ne = 0;
        for (int d = 0; d < level; d++) {
          na = 2 * na + (a[f[na]] > th[na] ? 2 : 1);
          nb = 2 * nb + (b[f[nb]] > th[nb] ? 2 : 1);
          nc = 2 * nc + (c[f[nc]] > th[nc] ? 2 : 1);
          ne = 2 * ne + (e[f[ne]] > th[ne] ? 2 : 1);
        }
        out[r] += values[leafBelow(na, level)];
        out[r + 1] += values[leafBelow(nb, level)];
        out[r + 2] += values[leafBelow(nc, level)];
        out[r + 3] += values[leafBelow(ne, level)];
      }
      for (; r < n; r++) {
        float[] a = rows[r];
        int na = 0;
        for (int d = 0; d < level; d++) {
          na = 2 * na + (a[f[na]] > th[na] ? 2 : 1);
        }
        out[r] += values[leafBelow(na, level)];
      }
    }
  }
}
