package io.newsrec.model.rank;

import java.util.Arrays;

/**
 * Training data of a ranker: groups of candidate rows (one group per prediction, the candidates a
 * recommender put forward), each group with the index of its one clicked candidate. Rows are stored
 * flat, {@code features} floats each, in blocks of a fixed size.
 *
 * <p>Why blocks and not one growing array: the rows are the largest thing an evaluation holds, one
 * set per protocol, both at once (g1's reference hours at 25 features: up to 215,398 lists of 50
 * rows, 269 million floats, 1 GB, in B; more with the held-back days), and an array grown by
 * doubling holds up to twice what it needs, and the old and the new copy at once while it grows:
 * just past 2^28 floats, 1 GB of rows takes 2 GB, and 3 GB while copying. Blocks waste at most one
 * block and are never copied.
 */
public final class RankingExamples {
  /** Floats per block: 2^20, 4 MiB. */
  static final int BLOCK_SHIFT = 20;

  private final int features;
  private final int blockShift;
  private final int blockMask;
  private float[][] blocks = new float[16][];
  private long filled;
  private int rowCount;
  private int[] groupStart = new int[1024];
  private int[] positive = new int[1024];
  private int groups;

  public RankingExamples(int features) {
    this(features, BLOCK_SHIFT);
  }

  /** With blocks of 2^{@code blockShift} floats (small in tests, so rows straddle blocks). */
  RankingExamples(int features, int blockShift) {
    if (features < 1) {
      throw new IllegalArgumentException("features must be >= 1");
    }
    if (blockShift < 1 || blockShift > 30) {
      throw new IllegalArgumentException("blockShift must be in [1, 30]");
    }
    this.features = features;
    this.blockShift = blockShift;
    this.blockMask = (1 << blockShift) - 1;
  }

  /**
   * Adds one prediction's candidates, {@code candidates[r]} the features of the r-th, and which of
   * them was clicked.
   */
  public void addGroup(float[][] candidates, int clicked) {
    if (clicked < 0 || clicked >= candidates.length) {
      throw new IllegalArgumentException("the clicked candidate must be one of the group");
    }
    for (float[] c : candidates) {
      if (c.length != features) {
        throw new IllegalArgumentException("expected " + features + " features, got " + c.length);
      }
    }
    for (float[] c : candidates) {
      append(c);
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
    long at = (long) r * features + f;
    return blocks[(int) (at >>> blockShift)][(int) (at & blockMask)];
  }

  /** First row of group {@code g}; group g ends where group g+1 starts. */
  public int groupStart(int g) {
    return groupStart[g];
  }

  /** The clicked row of group {@code g}. */
  public int positive(int g) {
    return positive[g];
  }

  /** Appends one row's floats, starting a new block where the last one is full. */
  private void append(float[] row) {
    int from = 0;
    while (from < row.length) {
      int block = (int) (filled >>> blockShift);
      int offset = (int) (filled & blockMask);
      if (block == blocks.length) {
        blocks = Arrays.copyOf(blocks, blocks.length * 2);
      }
      if (blocks[block] == null) {
        blocks[block] = new float[blockMask + 1];
      }
      int n = Math.min(row.length - from, blockMask + 1 - offset);
      System.arraycopy(row, from, blocks[block], offset, n);
      from += n;
      filled += n;
    }
  }
}
