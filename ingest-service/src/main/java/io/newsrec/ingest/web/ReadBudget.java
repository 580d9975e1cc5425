package io.newsrec.ingest.web;

import java.util.concurrent.Semaphore;

/**
 * Bounds the request bodies being read and parsed at once. With virtual threads nothing else limits
 * concurrent requests (Tomcat accepts thousands of connections), and each holds its body plus a
 * parse tree a few times larger: without this, a burst of large batches could exhaust the heap.
 * Counted in KiB of body, reserved by the declared length (the maximum when unknown).
 */
final class ReadBudget {

  private final Semaphore kib;
  private final long maxBodyBytes;

  ReadBudget(long budgetBytes, long maxBodyBytes) {
    this.kib = new Semaphore((int) Math.max(1, budgetBytes / 1024));
    this.maxBodyBytes = maxBodyBytes;
  }

  /** KiB reserved for a body, to {@link #release} after parsing; 0 when the budget is spent. */
  int tryReserve(long declaredLength) {
    long bytes = declaredLength < 0 ? maxBodyBytes : Math.min(declaredLength, maxBodyBytes);
    int needed = (int) Math.max(1, (bytes + 1023) / 1024);
    return kib.tryAcquire(needed) ? needed : 0;
  }

  void release(int reserved) {
    kib.release(reserved);
  }
}
