package io.newsrec.retry;

import java.time.Duration;

/**
 * How long a message that could not be re-put stays hidden before its next receive: {@code first}
 * after the first receive, doubling with each further receive, at most {@code max} (and at most
 * SQS's 12 hours).
 *
 * <p>Why: every receive counts toward the redrive policy's {@code maxReceiveCount}. Were a failed
 * message to reappear after the queue's fixed visibility timeout, a Kinesis outage longer than
 * {@code maxReceiveCount} timeouts would move good events to the dead-letter queue. Backing off
 * spreads the same receives over hours (30 s doubling to 15 min over 10 receives: about 1.5 h),
 * while a poison message, which is never backed off, still reaches the dead-letter queue quickly.
 */
public record VisibilityBackoff(Duration first, Duration max) {

  static final Duration SQS_MAX = Duration.ofHours(12);

  public VisibilityBackoff {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("0 < first <= max");
    }
  }

  /**
   * @param receiveCount how many times the message has been received, this receive included (SQS's
   *     {@code ApproximateReceiveCount}, 1 on the first receive)
   */
  public Duration after(int receiveCount) {
    int doublings = Math.min(Math.max(receiveCount, 1) - 1, 30);
    Duration delay = first.multipliedBy(1L << doublings);
    Duration capped = delay.compareTo(max) > 0 ? max : delay;
    return capped.compareTo(SQS_MAX) > 0 ? SQS_MAX : capped;
  }
}
