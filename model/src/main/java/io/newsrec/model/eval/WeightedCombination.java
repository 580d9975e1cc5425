package io.newsrec.model.eval;

import io.newsrec.model.algo.Fusion;
import io.newsrec.model.algo.Scores;

/**
 * Baseline: a max-normalized weighted sum of other models' scores for the same query (those models
 * are evaluated first in the same run, so their scores are reused, not recomputed).
 */
final class WeightedCombination implements EvalModel {
  private final String name;
  private final Scores[] parts;
  private final double[] weights;

  WeightedCombination(String name, Scores[] parts, double[] weights) {
    this.name = name;
    this.parts = parts;
    this.weights = weights;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void learn(int row) {}

  @Override
  public void score(Query q, Scores out) {
    Fusion.maxNormalizedSum(parts, weights, out);
  }
}
