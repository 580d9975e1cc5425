package io.newsrec.model.rank;

import java.util.Arrays;

/**
 * Training data of a ranker: groups of candidate rows (one group per prediction, the candidates a
 * recommender put forward), each group with the index of its one clicked candidate. Rows are stored
 * flat, {@code features} floats each.
 */
public final class RankingExamples {
  private final int features;
  private float[] rows = new float[1 << 16];
  private int rowCount;
  private int[] groupStart = new int[1024];
  private int[] positive = new int[1024];
  private int groups;

  public RankingExamples(int features) {
    if (features < 1) {
      throw new IllegalArgumentException("features must be >= 1");
    }
    this.features = features;
  }

  /**
   * Adds one prediction's candidates, {@code candidates[r]} the features of the r-th, and which of
   * them was clicked.
   */
  public void addGroup(float[][] candidates, int clicked) {
    if (clicked < 0 || clicked >= candidates.length) {
      throw new IllegalArgumentException("the clicked candidate must be one of the group");
    }
    ensureRows(rowCount + candidates.length);
    for (float[] c : candidates) {
      if (c.length != features) {
        throw new IllegalArgumentException("expected " + features + " features, got " + c.length);
      }
      System.arraycopy(c, 0, rows, rowCount * features, features);
      rowCount++;
    }
    if (groups + 1 >= groupStart.length) {
      groupStart = Arrays.copyOf(groupStart, groupStart.length * 2);
      positive = Arrays.copyOf(positive, positive.length * 2);
    }
    positive[groups] = groupStart[groups] + clicked;
    groupStart[++groups] = rowCount;
  }

  public int features() {
    return features;
  }

  public int rows() {
    return rowCount;
  }

  public int groups() {
    return groups;
  }

  /** Feature {@code f} of row {@code r}. */
  public float value(int r, int f) {
    return rows[r * features + f];
  }

  /** First row of group {@code g}; group g ends where group g+1 starts. */
  public int groupStart(int g) {
    return groupStart[g];
  }

  /** The clicked row of group {@code g}. */
  public int positive(int g) {
    return positive[g];
  }

  private void ensureRows(int needed) {
    if ((long) needed * features > rows.length) {
      long grown = Math.max((long) needed * features, rows.length * 2L);
      if (grown > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("too many ranking examples for one array");
      }
      rows = Arrays.copyOf(rows, (int) grown);
    }
  }
}
