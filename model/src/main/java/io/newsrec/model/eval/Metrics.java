package io.newsrec.model.eval;

/**
 * Ranking metrics of one prediction with a single target, as pure functions of the target's rank.
 *
 * <p>Ties: when {@code ties} other articles share the target's score, the target is put at its
 * expected position under random tie-breaking, {@code greater + 1 + ties / 2} (a fractional rank is
 * fine for the formulas below); a tie never counts in the target's favour.
 */
public final class Metrics {
  private Metrics() {}

  /** Expected 1-based rank with {@code greater} articles scored above and {@code ties} equal. */
  public static double expectedRank(long greater, long ties) {
    return greater + 1 + ties / 2.0;
  }

  /** NDCG@k of a single relevant item at {@code rank}: {@code 1 / log2(rank + 1)} within k. */
  public static double ndcg(double rank, int k) {
    return rank <= k ? 1.0 / (Math.log(rank + 1) / Math.log(2)) : 0.0;
  }

  /** HR@k (recall of the single target): 1 when within the first k. */
  public static double hitRate(double rank, int k) {
    return rank <= k ? 1.0 : 0.0;
  }

  /** MRR@k: {@code 1 / rank} within the first k. */
  public static double reciprocalRank(double rank, int k) {
    return rank <= k ? 1.0 / rank : 0.0;
  }

  /** Coverage: the share of {@code catalogue} articles that appear in some recommended list. */
  public static double coverage(int coveredFromCatalogue, int catalogue) {
    return catalogue == 0 ? 0.0 : coveredFromCatalogue / (double) catalogue;
  }
}
