package io.newsrec.model.algo;

import java.util.Arrays;

/**
 * A sparse accumulator of scores over int-indexed articles, reused between queries.
 *
 * <p>Why not a map: queries touch a few hundred to a few thousand articles and run hundreds of
 * thousands of times; a dense array with a generation mark clears in O(1) and adds without boxing.
 * Not thread-safe: each thread keeps its own instances.
 */
public final class Scores {
  private double[] values = new double[1024];
  private int[] mark = new int[1024];
  private int[] touched = new int[256];
  private int size;
  private int generation = 1;

  /** Forgets every score in O(1). */
  public void clear() {
    size = 0;
    if (++generation == Integer.MAX_VALUE) {
      Arrays.fill(mark, 0);
      generation = 1;
    }
  }

  /** Adds {@code value} to the score of {@code item}, touching it. */
  public void add(int item, double value) {
    if (item >= values.length) {
      int length = Math.max(item + 1, values.length * 2);
      values = Arrays.copyOf(values, length);
      mark = Arrays.copyOf(mark, length);
    }
    if (mark[item] != generation) {
      mark[item] = generation;
      values[item] = value;
      if (size == touched.length) {
        touched = Arrays.copyOf(touched, size * 2);
      }
      touched[size++] = item;
    } else {
      values[item] += value;
    }
  }

  /** Replaces the score of {@code item}, touching it. */
  public void set(int item, double value) {
    add(item, 0.0);
    values[item] = value;
  }

  /** The score of {@code item}, 0 when untouched. */
  public double get(int item) {
    return item < mark.length && mark[item] == generation ? values[item] : 0.0;
  }

  /** Whether {@code item} was touched since the last {@link #clear()}. */
  public boolean contains(int item) {
    return item < mark.length && mark[item] == generation;
  }

  /** Number of touched items. */
  public int size() {
    return size;
  }

  /** The k-th touched item, in order of first touch. */
  public int item(int k) {
    return touched[k];
  }

  /** The largest score, 0 when empty or when every score is negative. */
  public double max() {
    double max = 0.0;
    for (int k = 0; k < size; k++) {
      max = Math.max(max, values[touched[k]]);
    }
    return max;
  }
}
