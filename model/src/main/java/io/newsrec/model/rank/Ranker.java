package io.newsrec.model.rank;

/**
 * The settings of the learned re-ranker that both the evaluation and {@code train} use, chosen on
 * the g1 evaluation (see {@code bench/README.md}, "Model evaluation"): it re-orders the hybrid's
 * best {@link #CANDIDATES}; trees of depth 5 at rate 0.1 (400 trees scored as 200 did, 100 at rate
 * 0.2 slightly worse).
 */
public final class Ranker {
  private Ranker() {}

  /** Candidates of the hybrid's list that the re-ranker orders; the rest stay below them. */
  public static final int CANDIDATES = 50;

  /**
   * Fewest training lists worth fitting: below this a history is too thin to teach 17 features'
   * interactions, and {@code train} keeps the fixed-weight hybrid.
   */
  public static final int MIN_LISTS = 500;

  /** The trainer for {@code trees} trees. */
  public static BoostedTreesTrainer trainer(int trees) {
    return new BoostedTreesTrainer(trees, 5, 0.1, 1.0, 1.0, 64);
  }
}
