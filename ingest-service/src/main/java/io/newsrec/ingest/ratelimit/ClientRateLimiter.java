package io.newsrec.ingest.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Limits requests per client: one {@link TokenBucket} per client key (a salted hash of the client
 * address, never the address itself; see {@link ClientKeys}).
 *
 * <p>Memory is bounded: past {@code maxClients} keys, idle clients (full buckets) are forgotten;
 * should every client be active, all are forgotten at once, which briefly lets a flood through
 * rather than failing requests or growing without bound.
 */
public final class ClientRateLimiter {

  /** The answer for one request. */
  public sealed interface Decision {
    record Allowed() implements Decision {}

    /** Over the limit; a token will be there after {@code retryAfter}. */
    record Limited(Duration retryAfter) implements Decision {}
  }

  private static final Decision ALLOWED = new Decision.Allowed();

  private final double ratePerSecond;
  private final double burst;
  private final int maxClients;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public ClientRateLimiter(double ratePerSecond, int burst, int maxClients, LongSupplier nanoTime) {
    if (ratePerSecond <= 0 || burst < 1 || maxClients < 1) {
      throw new IllegalArgumentException("rate > 0, burst >= 1, maxClients >= 1");
    }
    this.ratePerSecond = ratePerSecond;
    this.burst = burst;
    this.maxClients = maxClients;
    this.nanoTime = nanoTime;
  }

  public Decision tryAcquire(String clientKey) {
    long now = nanoTime.getAsLong();
    TokenBucket bucket = buckets.get(clientKey);
    if (bucket == null) {
      if (buckets.size() >= maxClients) {
        forgetIdle(now);
      }
      bucket = buckets.computeIfAbsent(clientKey, k -> new TokenBucket(ratePerSecond, burst, now));
    }
    long waitNanos = bucket.tryTake(now);
    return waitNanos == 0 ? ALLOWED : new Decision.Limited(Duration.ofNanos(waitNanos));
  }

  int trackedClients() {
    return buckets.size();
  }

  private void forgetIdle(long now) {
    buckets.values().removeIf(b -> b.full(now));
    if (buckets.size() >= maxClients) {
      buckets.clear();
    }
  }
}
