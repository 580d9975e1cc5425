package io.newsrec.model.algo;

import java.util.Arrays;

/**
 * Most read, time-decayed: the sum of engagement weights of an article's clicks, each counting
 * {@code 2^(-age / halfLife)}. With an infinite half-life it is the all-time click count.
 *
 * <p>Stored in forward-decay form against one base per instance, so an update is O(1) and the
 * ranking at any later time needs no decay (every article shares the same factor).
 */
public final class DecayedPopularity {
  private final double halfLifeMs;
  private double[] stored = new double[1024];
  private long baseMs = Long.MIN_VALUE;

  /**
   * @param halfLifeMs half-life in ms; {@link Double#POSITIVE_INFINITY} for all-time counts
   */
  public DecayedPopularity(double halfLifeMs) {
    this.halfLifeMs = halfLifeMs;
  }

  /** Records a click of {@code item} at {@code timeMs} with engagement {@code weight}. */
  public void add(int item, long timeMs, double weight) {
    if (baseMs == Long.MIN_VALUE) {
      baseMs = timeMs;
    }
    if (Decay.needsRebase(timeMs, baseMs, halfLifeMs)) {
      double f = Decay.forward(baseMs, timeMs, halfLifeMs);
      for (int i = 0; i < stored.length; i++) {
        stored[i] *= f;
      }
      baseMs = timeMs;
    }
    if (item >= stored.length) {
      stored = Arrays.copyOf(stored, Math.max(item + 1, stored.length * 2));
    }
    stored[item] += weight * Decay.forward(timeMs, baseMs, halfLifeMs);
  }

  /** The decayed popularity of {@code item} as seen at {@code nowMs}. */
  public double at(int item, long nowMs) {
    if (item >= stored.length || baseMs == Long.MIN_VALUE) {
      return 0.0;
    }
    return stored[item] * Decay.forward(baseMs, nowMs, halfLifeMs);
  }

  /**
   * The factor that turns {@link #stored} values into {@link #at} values at {@code nowMs}, one pow
   * for a whole query.
   */
  public double factorAt(long nowMs) {
    return baseMs == Long.MIN_VALUE ? 0.0 : Decay.forward(baseMs, nowMs, halfLifeMs);
  }

  /** The stored (forward-decayed) value: ranks like {@link #at} at any single time, no pow. */
  public double stored(int item) {
    return item < stored.length ? stored[item] : 0.0;
  }

  /** Forgets {@code item} (it aged out of the catalogue). */
  public void forget(int item) {
    if (item < stored.length) {
      stored[item] = 0.0;
    }
  }
}
