package io.newsrec.bench.report;

import java.util.Arrays;
import java.util.List;

/** The median of a few rounds: robust to one round disturbed by the machine's other work. */
public final class Medians {

  private Medians() {}

  /** The middle value; the mean of the two middle values for an even count. */
  public static double of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
