package io.newsrec.model.algo;

/**
 * Score fusion of the hybrid: each component's scores are divided by that component's maximum (so
 * each lies in [0, 1] whatever its unit: votes, rule strengths, decayed clicks) and summed with a
 * fixed weight. Max-normalization, not z-scores, because the components' distributions are
 * heavy-tailed and change from one query to the next.
 */
public final class Fusion {
  private Fusion() {}

  /** {@code out[i] += Σ_c weights[c] × parts[c][i] / max(parts[c])}, for every touched i. */
  public static void maxNormalizedSum(Scores[] parts, double[] weights, Scores out) {
    maxNormalizedSum(parts, weights, new double[parts.length], out);
  }

  /**
   * As {@link #maxNormalizedSum(Scores[], double[], Scores)}, but each component is divided by
   * {@code max(max(parts[c]), floors[c])}: a component measured in absolute units (clicks decayed
   * to now) whose evidence is thinner than its floor keeps its small values instead of being blown
   * up to 1.
   */
  public static void maxNormalizedSum(
      Scores[] parts, double[] weights, double[] floors, Scores out) {
    for (int c = 0; c < parts.length; c++) {
      Scores part = parts[c];
      double max = part.max();
      if (max <= 0 || weights[c] == 0) {
        continue;
      }
      double scale = weights[c] / Math.max(max, floors[c]);
      for (int k = 0; k < part.size(); k++) {
        int item = part.item(k);
        out.add(item, scale * part.get(item));
      }
    }
  }

  /**
   * Freshness boost {@code 1 + weight × 2^(-age / halfLife)}, age since the article was first seen:
   * news is read young, and a young article has had little time to gather votes.
   */
  public static double freshness(long ageMs, double halfLifeMs, double weight) {
    return 1.0 + weight * Decay.factor(ageMs, halfLifeMs);
  }
}
