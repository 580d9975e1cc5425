package io.newsrec.model.eval;

import io.newsrec.model.algo.Scores;
import it.unimi.dsi.fastutil.ints.IntIterator;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.Arrays;

/**
 * Baseline: the most clicked articles in the {@code windowMinutes} before the query's time, counted
 * exactly over a time-sorted array of learned clicks with a sliding window (two pointers, so a
 * replay in time order costs O(1) per click). Clicks learned out of time order (protocol A learns
 * by session hour) are merged in before the next query.
 */
final class PopularWindow implements EvalModel {
  private static final int ARTICLE_BITS = 19;
  private final G1Clicks data;
  private final long windowMs;
  private final String name;
  private long[] sorted = new long[1 << 16];
  private int size;
  private long[] late = new long[1024];
  private int lateSize;
  private final int[] count = new int[1 << ARTICLE_BITS];
  private final IntOpenHashSet active = new IntOpenHashSet();
  private int lo;
  private int hi;
  private long lastNow = Long.MIN_VALUE;

  PopularWindow(G1Clicks data, int windowMinutes) {
    this.data = data;
    this.windowMs = windowMinutes * 60_000L;
    this.name = "pop-" + windowMinutes + "min";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void learn(int row) {
    long key = (data.time[row] << ARTICLE_BITS) | data.article[row];
    if (size == 0 || key >= sorted[size - 1]) {
      if (size == sorted.length) {
        sorted = Arrays.copyOf(sorted, size * 2);
      }
      sorted[size++] = key;
    } else {
      if (lateSize == late.length) {
        late = Arrays.copyOf(late, lateSize * 2);
      }
      late[lateSize++] = key;
    }
  }

  @Override
  public void score(Query q, Scores out) {
    long now = q.nowMs();
    if (lateSize > 0) {
      mergeLate();
    }
    if (now < lastNow) {
      reset();
    }
    lastNow = now;
    while (hi < size && (sorted[hi] >>> ARTICLE_BITS) < now) {
      bump(hi++, 1);
    }
    while (lo < hi && (sorted[lo] >>> ARTICLE_BITS) < now - windowMs) {
      bump(lo++, -1);
    }
    for (IntIterator it = active.iterator(); it.hasNext(); ) {
      int a = it.nextInt();
      out.add(a, count[a]);
    }
  }

  private void bump(int index, int delta) {
    int a = (int) (sorted[index] & ((1 << ARTICLE_BITS) - 1));
    count[a] += delta;
    if (count[a] == 0) {
      active.remove(a);
    } else if (count[a] == delta && delta > 0) {
      active.add(a);
    }
  }

  private void mergeLate() {
    Arrays.sort(late, 0, lateSize);
    long[] merged = new long[Math.max(sorted.length, size + lateSize)];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < size || j < lateSize) {
      merged[k++] = j >= lateSize || (i < size && sorted[i] <= late[j]) ? sorted[i++] : late[j++];
    }
    sorted = merged;
    size = k;
    lateSize = 0;
    reset();
  }

  private void reset() {
    for (IntIterator it = active.iterator(); it.hasNext(); ) {
      count[it.nextInt()] = 0;
    }
    active.clear();
    lo = 0;
    hi = 0;
    lastNow = Long.MIN_VALUE;
  }
}
