package io.newsrec.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The age of the oldest retry message per portal, derived from what the worker receives.
 *
 * <p>SQS has no queue attribute for it (CloudWatch's {@code ApproximateAgeOfOldestMessage} is a
 * metric, not an attribute), so each received message's age is taken as {@code now - SentTimestamp}
 * (the message's system attribute, set by SQS when it was sent). The gauge is the largest such age
 * among messages received in the current and the previous window of {@code window}: it rises while
 * a message keeps coming back unprocessed and falls to 0 two windows after the queue is drained.
 * Messages not received yet (queued behind others, or hidden by a backoff longer than two windows)
 * are not seen: the value is a lower bound, as good as the worker's view of the queue.
 */
public final class OldestMessageAge {

  private final long windowMillis;
  private final Map<String, Buckets> byPortal = new ConcurrentHashMap<>();

  public OldestMessageAge(Duration window) {
    this.windowMillis = window.toMillis();
  }

  /** A message of {@code portal}, sent at {@code sent}, was received at {@code now}. */
  public void received(String portal, Instant sent, Instant now) {
    long bucket = now.toEpochMilli() / windowMillis;
    byPortal.computeIfAbsent(portal, p -> new Buckets()).add(bucket, sent.toEpochMilli());
  }

  /** The age of the oldest message of {@code portal} seen in the last two windows, or zero. */
  public Duration oldest(String portal, Instant now) {
    Buckets buckets = byPortal.get(portal);
    long sent =
        buckets == null
            ? Long.MAX_VALUE
            : buckets.oldestSince(now.toEpochMilli() / windowMillis - 1);
    return sent == Long.MAX_VALUE
        ? Duration.ZERO
        : Duration.ofMillis(Math.max(0, now.toEpochMilli() - sent));
  }

  /** Two tumbling windows: the oldest sent time in the current and the previous one. */
  private static final class Buckets {
    private long currentBucket = Long.MIN_VALUE;
    private long currentOldest = Long.MAX_VALUE;
    private long previousOldest = Long.MAX_VALUE;

    synchronized void add(long bucket, long sentMillis) {
      roll(bucket);
      currentOldest = Math.min(currentOldest, sentMillis);
    }

    synchronized long oldestSince(long fromBucket) {
      long oldest = Long.MAX_VALUE;
      if (currentBucket >= fromBucket) {
        oldest = currentOldest;
      }
      if (currentBucket - 1 >= fromBucket) {
        oldest = Math.min(oldest, previousOldest);
      }
      return oldest;
    }

    private void roll(long bucket) {
      if (bucket == currentBucket) {
        return;
      }
      previousOldest = bucket == currentBucket + 1 ? currentOldest : Long.MAX_VALUE;
      currentOldest = Long.MAX_VALUE;
      currentBucket = bucket;
    }
  }
}
