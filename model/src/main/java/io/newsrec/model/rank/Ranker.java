package io.newsrec.model.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The learned re-ranker that both the evaluation and {@code train} fit, chosen on the g1 evaluation
 * (see {@code bench/README.md}, "Model evaluation"): it re-orders the hybrid's best {@link
 * #CANDIDATES} by the average of a few ({@code ranker_members}, default 6) boosted-tree rankers,
 * each fitted to the same lists by a differently seeded stochastic trainer (a random 70% of the
 * lists and of the features per tree, depths 5 to 7, rate 0.1). One such ranker scored as well as a
 * deterministic one; their average is better than any of them, as bagged models are.
 */
public final class Ranker {
  private Ranker() {}

  /** Candidates of the hybrid's list that the re-ranker orders; the rest stay below them. */
  public static final int CANDIDATES = 50;

  /**
   * Fewest training lists worth fitting: below this a history is too thin to teach the features'
   * interactions, and {@code train} keeps the fixed-weight hybrid.
   */
  public static final int MIN_LISTS = 500;

  /** Quantile bins per feature. */
  private static final int BINS = 64;

  /** Gets each member's mean loss per list before each of its trees. */
  @FunctionalInterface
  public interface Progress {
    void tree(int member, int tree, double loss);
  }

  /** The trainers of {@code members} rankers of {@code trees} trees each. */
  public static List<BoostedTreesTrainer> trainers(int trees, int members) {
    List<BoostedTreesTrainer> out = new ArrayList<>(members);
    for (int m = 0; m < members; m++) {
      out.add(new BoostedTreesTrainer(trees, 5 + m % 3, 0.1, 1.0, 1.0, BINS, 0.7, 0.7, m + 1));
    }
    return out;
  }

  /**
   * The re-ranker {@link #fit} made, with each ranker's mean loss per list before its first and
   * before its last tree.
   */
  public record Fitted(BoostedTrees trees, double[] firstLoss, double[] lastLoss) {
    /** The rankers' mean of {@code losses}. */
    public static double mean(double[] losses) {
      return Arrays.stream(losses).average().orElse(Double.NaN);
    }
  }

  /**
   * Fits {@code members} rankers to {@code examples} (cut into bins once for all of them) and
   * returns their average as one set of trees.
   */
  public static Fitted fit(RankingExamples examples, int trees, int members, Progress progress) {
    List<BoostedTreesTrainer> trainers = trainers(trees, members);
    BoostedTreesTrainer.Binned binned = BoostedTreesTrainer.bin(examples, BINS);
    List<BoostedTrees> fitted = new ArrayList<>(members);
    double[] first = new double[members];
    double[] last = new double[members];
    for (int m = 0; m < members; m++) {
      int member = m;
      int[] tree = {0};
      fitted.add(
          trainers
              .get(m)
              .fit(
                  examples,
                  binned,
                  loss -> {
                    if (tree[0] == 0) {
                      first[member] = loss;
                    }
                    last[member] = loss;
                    progress.tree(member, tree[0]++, loss);
                  }));
    }
    return new Fitted(BoostedTrees.average(fitted), first, last);
  }
}
