package io.newsrec.ingest.ratelimit;

/**
 * A token bucket: holds at most {@code burst} tokens, refills at {@code ratePerSecond}, one token
 * per request. Time comes from the caller (nanoseconds of a monotonic clock) so tests can fix it.
 */
final class TokenBucket {

  private final double ratePerNano;
  private final double burst;
  private double tokens;
  private long last;

  TokenBucket(double ratePerSecond, double burst, long nowNanos) {
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = nowNanos;
  }

  /** Takes a token: answers 0 when granted, else the nanoseconds until one will be there. */
  synchronized long tryTake(long nowNanos) {
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / ratePerNano);
  }

  /** Whether the bucket is full, i.e. the client has been idle long enough to be forgotten. */
  synchronized boolean full(long nowNanos) {
    refill(nowNanos);
    return tokens >= burst;
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - last;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed * ratePerNano);
      last = nowNanos;
    }
  }
}
