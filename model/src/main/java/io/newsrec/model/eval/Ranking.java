package io.newsrec.model.eval;

import io.newsrec.model.algo.Scores;

/** Where the target lands when a model's scores rank the whole catalogue. */
final class Ranking {
  private Ranking() {}

  /**
   * The target's expected 1-based rank among the catalogue articles ({@code inCatalogue}; {@code
   * catalogue} of them), ties at their expected position. Untouched articles score 0; articles
   * scored -infinity (the session's own clicks, what a model excludes) are out of the ranking. A
   * target outside the catalogue, or excluded, ranks at +infinity.
   */
  static double expectedRank(Scores scores, int target, boolean[] inCatalogue, long catalogue) {
    if (target >= inCatalogue.length || !inCatalogue[target]) {
      return Double.POSITIVE_INFINITY;
    }
    double own = scores.get(target);
    if (own == Double.NEGATIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    long greater = 0;
    long equal = 0;
    long touched = 0;
    for (int k = 0; k < scores.size(); k++) {
      int item = scores.item(k);
      if (item == target || item >= inCatalogue.length || !inCatalogue[item]) {
        continue;
      }
      touched++;
      double v = scores.get(item);
      if (v > own) {
        greater++;
      } else if (v == own) {
        equal++;
      }
    }
    long untouched = catalogue - 1 - touched;
    long ties = equal + (own == 0.0 ? untouched : 0);
    return Metrics.expectedRank(greater, ties);
  }
}
