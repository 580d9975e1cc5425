package io.newsrec.model.state;

/**
 * The event-time clock that ages the state out: the time of the {@code quorum}-th latest click seen
 * (the earliest one while fewer have been seen), not the latest.
 *
 * <p>Why not the latest: one click stamped days ahead — g1 has sessions that run on for nine days
 * past their start, and a tracker's clock can be wrong — would move a max-clock days forward and
 * age the whole state out at once. Under the quorum it takes that many clicks to move the clock,
 * which live traffic supplies in minutes (g1: 1,000 clicks are about 7 minutes) and stray clicks
 * never do. O(log quorum) a click: a min-heap of the latest times.
 */
final class EventClock {
  private final long[] heap;
  private int size;

  EventClock(int quorum) {
    if (quorum < 1) {
      throw new IllegalArgumentException("quorum must be >= 1: " + quorum);
    }
    heap = new long[quorum];
  }

  /** Counts a click at {@code timeMs}. */
  void observe(long timeMs) {
    if (size < heap.length) {
      heap[size] = timeMs;
      siftUp(size++);
    } else if (timeMs > heap[0]) {
      heap[0] = timeMs;
      siftDown(0);
    }
  }

  /** The clock, {@link Long#MIN_VALUE} before the first click. */
  long nowMs() {
    return size == 0 ? Long.MIN_VALUE : heap[0];
  }

  private void siftUp(int i) {
    long v = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (heap[parent] <= v) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = v;
  }

  private void siftDown(int i) {
    long v = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && heap[child + 1] < heap[child]) {
        child++;
      }
      if (heap[child] >= v) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = v;
  }
}
