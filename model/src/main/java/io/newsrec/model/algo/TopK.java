package io.newsrec.model.algo;

import java.util.Arrays;

/** Selection of the best-scored items, best first; equal scores go to the smaller index. */
public final class TopK {
  private TopK() {}

  /** The at most {@code k} touched items with a positive score, best first. */
  public static int[] select(Scores scores, int k) {
    int[] best = new int[Math.max(k, 0)];
    double[] value = new double[best.length];
    int n = 0;
    for (int t = 0; t < scores.size(); t++) {
      int item = scores.item(t);
      double v = scores.get(item);
      if (!(v > 0) || k == 0) {
        continue;
      }
      if (n == k && !better(v, item, value[n - 1], best[n - 1])) {
        continue;
      }
      int at = n == k ? n - 1 : n++;
      while (at > 0 && better(v, item, value[at - 1], best[at - 1])) {
        best[at] = best[at - 1];
        value[at] = value[at - 1];
        at--;
      }
      best[at] = item;
      value[at] = v;
    }
    return Arrays.copyOf(best, n);
  }

  private static boolean better(double v, int item, double otherV, int other) {
    return v > otherV || (v == otherV && item < other);
  }
}
