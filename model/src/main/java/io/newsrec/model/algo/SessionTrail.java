package io.newsrec.model.algo;

import java.util.Arrays;

/**
 * The clicks of one session so far, int-indexed, oldest first, without repeats.
 *
 * <p>Mutable and owned by the single writer; readers only read {@code items} up to {@link #size()}
 * under the model's read lock.
 */
public final class SessionTrail {
  private int[] items = new int[4];
  private int size;
  private long lastMs;
  private final long startMs;
  private final int seq = SEQUENCE.incrementAndGet();

  /** Numbers the trails so that kNN can key candidates by int, not by identity hash. */
  private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE =
      new java.util.concurrent.atomic.AtomicInteger();

  public SessionTrail(long startMs) {
    this.startMs = startMs;
    this.lastMs = startMs;
  }

  /** Appends a click; returns false (and changes nothing but the time) for a repeated article. */
  public boolean append(int item, long timeMs) {
    lastMs = Math.max(lastMs, timeMs);
    if (contains(item)) {
      return false;
    }
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size++] = item;
    return true;
  }

  public boolean contains(int item) {
    for (int k = 0; k < size; k++) {
      if (items[k] == item) {
        return true;
      }
    }
    return false;
  }

  /** The backing array; valid up to {@link #size()}. */
  public int[] items() {
    return items;
  }

  public int size() {
    return size;
  }

  public long lastMs() {
    return lastMs;
  }

  /** A number unique to this trail (wraps after 2^32 trails; only used as a hash key). */
  public int seq() {
    return seq;
  }

  public long startMs() {
    return startMs;
  }
}
