package io.newsrec.model.algo;

/**
 * Exponential time decay, the one notion of recency used by every component.
 *
 * <p>A weight observed {@code age} ms ago counts {@code 2^(-age / halfLife)}. Scores are kept in
 * "forward decay" form (Cormode et al., ICDE 2009): an event at time t is stored as {@code w *
 * 2^((t - base) / halfLife)} against a fixed base, so adding is O(1) and ranking needs no decay at
 * all; only the base must be moved forward now and then before the exponent overflows.
 */
public final class Decay {
  /** Exponent (in half-lives) beyond which stored values are rebased, far below overflow. */
  static final double REBASE_EXPONENT = 400.0;

  private static final double LN2 = Math.log(2.0);

  private Decay() {}

  /** {@code 2^(-ageMs / halfLifeMs)}; 1 when {@code halfLifeMs} is infinite or age is negative. */
  public static double factor(long ageMs, double halfLifeMs) {
    if (ageMs <= 0 || Double.isInfinite(halfLifeMs)) {
      return 1.0;
    }
    return Math.exp(-ageMs * LN2 / halfLifeMs);
  }

  /** The forward-decay multiplier of an event at {@code timeMs} against {@code baseMs}. */
  public static double forward(long timeMs, long baseMs, double halfLifeMs) {
    if (Double.isInfinite(halfLifeMs)) {
      return 1.0;
    }
    return Math.pow(2.0, (timeMs - baseMs) / halfLifeMs);
  }

  /** Whether an event at {@code timeMs} is so far past {@code baseMs} that the base must move. */
  public static boolean needsRebase(long timeMs, long baseMs, double halfLifeMs) {
    return !Double.isInfinite(halfLifeMs) && (timeMs - baseMs) / halfLifeMs > REBASE_EXPONENT;
  }
}
