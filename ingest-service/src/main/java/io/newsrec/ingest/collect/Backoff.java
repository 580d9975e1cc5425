package io.newsrec.ingest.collect;

import java.time.Duration;

/** Exponential backoff between attempts at the stream. */
final class Backoff {

  /** No wait is longer than this: a request is waiting for the answer. */
  static final Duration MAX = Duration.ofSeconds(1);

  private Backoff() {}

  /**
   * The wait after failed attempt {@code attempt} (1-based): {@code first * 2^(attempt-1)}, at most
   * {@link #MAX}. No jitter: the attempts of one node's batches are already spread by the linger.
   */
  static Duration after(int attempt, Duration first) {
    int doublings = Math.min(attempt - 1, 20);
    long nanos = first.toNanos() << doublings;
    return nanos < 0 || nanos > MAX.toNanos() ? MAX : Duration.ofNanos(nanos);
  }
}
