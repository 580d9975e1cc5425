package io.newsrec.model.rank;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Fits {@link BoostedTrees} to {@link RankingExamples} with a listwise loss: within each group the
 * scores go through a softmax, and the loss is minus the log of the clicked candidate's share
 * (softmax cross-entropy, as in ListNet with one relevant item). Each tree is a Newton step on that
 * loss: gradient {@code p − y}, hessian {@code p(1 − p)} per row, complete trees grown level by
 * level on histograms of each feature in at most {@code bins} quantile bins, leaf value {@code
 * −rate × ΣG / (ΣH + λ)}.
 *
 * <p>Deterministic: rows are cut into fixed blocks whose histograms are summed in order, so the
 * result does not depend on the number of threads.
 *
 * @param trees number of trees
 * @param depth depth of each tree
 * @param rate shrinkage of each tree's leaves
 * @param lambda L2 regularization of the leaf values
 * @param minChildHessian a split must leave at least this hessian on either side
 * @param bins most quantile bins per feature (at most 256)
 */
public record BoostedTreesTrainer(
    int trees, int depth, double rate, double lambda, double minChildHessian, int bins) {
  /**
   * Row blocks binned and histogrammed in parallel: fixed, so the sums (and the trees) are the same
   * on any number of cores, and few, so their histograms stay small.
   */
  private static final int BLOCKS = 16;

  private static final int SAMPLE = 200_000;

  public BoostedTreesTrainer {
    if (trees < 0 || depth < 1 || depth > 12 || !(rate > 0) || lambda < 0 || bins < 2) {
      throw new IllegalArgumentException("invalid trainer settings");
    }
    if (bins > 256) {
      throw new IllegalArgumentException("at most 256 bins per feature");
    }
  }

  /**
   * Fits the trees.
   *
   * @param progress gets the mean loss per group before each tree (may be a no-op)
   */
  public BoostedTrees fit(RankingExamples data, java.util.function.DoubleConsumer progress) {
    int n = data.rows();
    int f = data.features();
    float[][] cuts = new float[f][];
    for (int j = 0; j < f; j++) {
      cuts[j] = cuts(data, j, bins);
    }
    byte[] bin = new byte[n * f];
    int perBlock = (n + BLOCKS - 1) / BLOCKS;
    IntStream.range(0, BLOCKS)
        .parallel()
        .forEach(
            block -> {
              for (int r = block * perBlock, end = Math.min(n, r + perBlock); r < end; r++) {
                for (int j = 0; j < f; j++) {
                  bin[r * f + j] = (byte) binOf(cuts[j], data.value(r, j));
                }
              }
            });
    double[] score = new double[n];
    double[] grad = new double[n];
    double[] hess = new double[n];
    int[] node = new int[n];
    int splits = (1 << depth) - 1;
    int[][] feature = new int[trees][];
    float[][] threshold = new float[trees][];
    double[][] leaf = new double[trees][];
    for (int t = 0; t < trees; t++) {
      progress.accept(gradients(data, score, grad, hess));
      Arrays.fill(node, 0);
      int[] fe = new int[splits];
      float[] th = new float[splits];
      for (int d = 0; d < depth; d++) {
        int first = (1 << d) - 1;
        int count = 1 << d;
        double[] hist = histograms(bin, node, grad, hess, n, f, first, count);
        int[] splitBin = new int[count];
        for (int k = 0; k < count; k++) {
          int best = bestSplit(hist, k, f, cuts);
          fe[first + k] = best < 0 ? 0 : best / bins;
          splitBin[k] = best < 0 ? Integer.MAX_VALUE : best % bins;
          th[first + k] = best < 0 ? Float.POSITIVE_INFINITY : cuts[fe[first + k]][best % bins];
        }
        for (int r = 0; r < n; r++) {
          int k = node[r] - first;
          int b = bin[r * f + fe[node[r]]] & 0xff;
          node[r] = 2 * node[r] + (b > splitBin[k] ? 2 : 1);
        }
      }
      double[] g = new double[splits + 1];
      double[] h = new double[splits + 1];
      for (int r = 0; r < n; r++) {
        g[node[r] - splits] += grad[r];
        h[node[r] - splits] += hess[r];
      }
      double[] values = new double[splits + 1];
      for (int l = 0; l <= splits; l++) {
        values[l] = h[l] > 0 ? -rate * g[l] / (h[l] + lambda) : 0.0;
      }
      for (int r = 0; r < n; r++) {
        score[r] += values[node[r] - splits];
      }
      feature[t] = fe;
      threshold[t] = th;
      leaf[t] = values;
    }
    return new BoostedTrees(f, depth, feature, threshold, leaf);
  }

  /**
   * Softmax cross-entropy gradients of every group into {@code grad} and {@code hess}.
   *
   * @return the mean loss per group at {@code score}
   */
  static double gradients(RankingExamples data, double[] score, double[] grad, double[] hess) {
    double loss = 0;
    for (int g = 0; g < data.groups(); g++) {
      int from = data.groupStart(g);
      int to = data.groupStart(g + 1);
      double max = Double.NEGATIVE_INFINITY;
      for (int r = from; r < to; r++) {
        max = Math.max(max, score[r]);
      }
      double z = 0;
      for (int r = from; r < to; r++) {
        z += Math.exp(score[r] - max);
      }
      int clicked = data.positive(g);
      for (int r = from; r < to; r++) {
        double p = Math.exp(score[r] - max) / z;
        grad[r] = p - (r == clicked ? 1 : 0);
        hess[r] = Math.max(p * (1 - p), 1e-12);
      }
      loss -= score[clicked] - max - Math.log(z);
    }
    return data.groups() == 0 ? 0 : loss / data.groups();
  }

  /**
   * Histograms of (gradient, hessian) per node, feature and bin: each of {@link #BLOCKS} fixed row
   * blocks fills its own (in parallel), then they are summed in block order.
   */
  private double[] histograms(
      byte[] bin, int[] node, double[] grad, double[] hess, int n, int f, int first, int count) {
    int size = count * f * bins * 2;
    int perBlock = (n + BLOCKS - 1) / BLOCKS;
    List<double[]> parts =
        IntStream.range(0, BLOCKS)
            .parallel()
            .mapToObj(
                block -> {
                  double[] h = new double[size];
                  for (int r = block * perBlock, end = Math.min(n, r + perBlock); r < end; r++) {
                    int base = (node[r] - first) * f * bins * 2;
                    for (int j = 0; j < f; j++) {
                      int at = base + (j * bins + (bin[r * f + j] & 0xff)) * 2;
                      h[at] += grad[r];
                      h[at + 1] += hess[r];
                    }
                  }
                  return h;
                })
            .toList();
    double[] sum = new double[size];
    for (double[] h : parts) {
      for (int i = 0; i < size; i++) {
        sum[i] += h[i];
      }
    }
    return sum;
  }

  /** The best split of node {@code k} as {@code feature × bins + bin}, or -1 when none gains. */
  private int bestSplit(double[] hist, int k, int f, float[][] cuts) {
    int base = k * f * bins * 2;
    double totalG = 0;
    double totalH = 0;
    for (int b = 0; b < bins; b++) {
      totalG += hist[base + b * 2];
      totalH += hist[base + b * 2 + 1];
    }
    double parent = totalG * totalG / (totalH + lambda);
    double bestGain = 1e-12;
    int best = -1;
    for (int j = 0; j < f; j++) {
      double gl = 0;
      double hl = 0;
      for (int b = 0; b < cuts[j].length; b++) {
        int at = base + (j * bins + b) * 2;
        gl += hist[at];
        hl += hist[at + 1];
        double gr = totalG - gl;
        double hr = totalH - hl;
        if (hl < minChildHessian || hr < minChildHessian) {
          continue;
        }
        double gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parent;
        if (gain > bestGain) {
          bestGain = gain;
          best = j * bins + b;
        }
      }
    }
    return best;
  }

  /**
   * At most {@code bins − 1} distinct cut points of feature {@code j} at its quantiles (of a sample
   * of the rows when there are many): bin b holds the values in {@code (cut[b−1], cut[b]]}.
   */
  static float[] cuts(RankingExamples data, int j, int bins) {
    int n = data.rows();
    int step = Math.max(1, n / SAMPLE);
    float[] sample = new float[(n + step - 1) / step];
    for (int i = 0, r = 0; r < n; r += step) {
      sample[i++] = data.value(r, j);
    }
    Arrays.sort(sample);
    TreeSet<Float> distinct = new TreeSet<>();
    for (int b = 1; b < bins && sample.length > 0; b++) {
      distinct.add(sample[(int) ((long) b * (sample.length - 1) / bins)]);
    }
    // the largest value needs no cut: nothing lies above it
    if (sample.length > 0) {
      distinct.remove(sample[sample.length - 1]);
    }
    float[] out = new float[distinct.size()];
    int i = 0;
    for (float c : distinct) {
      out[i++] = c;
    }
    return out;
  }

  /** The bin of {@code v}: the number of cut points below it. */
  static int binOf(float[] cuts, float v) {
    int lo = 0;
    int hi = cuts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cuts[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
