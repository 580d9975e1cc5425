package io.newsrec.model.algo;

/**
 * Trending: how fast an article's click rate is rising. A click count decayed with half-life h
 * estimates the recent rate as {@code sum × ln 2 / h} (clicks per ms); the trend is the short-term
 * rate minus the longer-term one, floored at 0, so an article ranks by its surplus of recent clicks
 * over its usual pace, not by its size alone.
 */
public final class Trending {
  /**
   * The usual pace is read with this many times the short half-life (5 → 30 min by default): long
   * enough to be the article's pace of the last half hour, short enough to forget yesterday.
   */
  public static final double BASELINE_HALF_LIVES = 6.0;

  private static final double LN2 = Math.log(2.0);

  private Trending() {}

  /**
   * {@code max(0, shortSum × ln2 / shortHalfLife − longSum × ln2 / longHalfLife)}, in clicks per
   * ms; the sums are decayed to the same time.
   */
  public static double rateIncrease(
      double shortSum, double shortHalfLifeMs, double longSum, double longHalfLifeMs) {
    return Math.max(0.0, shortSum * LN2 / shortHalfLifeMs - longSum * LN2 / longHalfLifeMs);
  }
}
