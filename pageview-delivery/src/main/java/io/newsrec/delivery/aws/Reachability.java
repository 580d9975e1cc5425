package io.newsrec.delivery.aws;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Whether a service answers, for readiness: judged from the calls the adapter makes anyway, and
 * from a probe only when there were none recently, so that readiness checks add no load while
 * traffic flows (and do not hit the low rate limits of control-plane calls on many pods).
 *
 * <p>An answer is any response, an error response (throttling, validation) included: the service is
 * up. Only a call that got no answer at all (connection refused, timeout) counts as a failure.
 */
public final class Reachability {

  private final long freshNanos;
  private final LongSupplier nanoClock;
  private final BooleanSupplier probe;
  private final AtomicLong lastAnswer = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong lastSilence = new AtomicLong(Long.MIN_VALUE);

  /**
   * @param fresh how long an observed answer or silence stands before {@code probe} is asked
   * @param probe a cheap synchronous call; {@code true} when the service answered
   */
  public Reachability(Duration fresh, BooleanSupplier probe) {
    this(fresh, System::nanoTime, probe);
  }

  Reachability(Duration fresh, LongSupplier nanoClock, BooleanSupplier probe) {
    this.freshNanos = fresh.toNanos();
    this.nanoClock = nanoClock;
    this.probe = probe;
  }

  public void answered() {
    lastAnswer.set(nanoClock.getAsLong());
  }

  public void silent() {
    lastSilence.set(nanoClock.getAsLong());
  }

  /** Records how a call ended: {@code failure} is {@code null} on success. */
  public void observe(Throwable failure) {
    if (failure == null || Failures.unwrap(failure) instanceof AwsServiceException) {
      answered();
    } else {
      silent();
    }
  }

  public boolean reachable() {
    long now = nanoClock.getAsLong();
    long answer = lastAnswer.get();
    long silence = lastSilence.get();
    long latest = Math.max(answer, silence);
    if (latest != Long.MIN_VALUE && now - latest < freshNanos) {
      return answer >= silence;
    }
    boolean up = probe.getAsBoolean();
    if (up) {
      answered();
    } else {
      silent();
    }
    return up;
  }
}
