package io.newsrec.model.rank;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
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
 * <p>Stochastic when asked ({@code groups < 1}, {@code features < 1}): each tree then sees a random
 * share of the groups (whole lists, so the softmax stays intact) and may split on a random share of
 * the features, drawn from {@code seed}. Trainers that differ only in their seed make differently
 * wrong rankers, whose average ({@link BoostedTrees#average}) is better than each.
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
 * @param groups share of the groups each tree learns from, in (0, 1]
 * @param features share of the features each tree may split on, in (0, 1] (at least one)
 * @param seed draws the groups and features of each tree
 */
public record BoostedTreesTrainer(
    int trees,
    int depth,
    double rate,
    double lambda,
    double minChildHessian,
    int bins,
    double groups,
    double features,
    long seed) {
  /** A trainer whose every tree learns from every group and may split on every feature. */
  public BoostedTreesTrainer(
      int trees, int depth, double rate, double lambda, double minChildHessian, int bins) {
    this(trees, depth, rate, lambda, minChildHessian, bins, 1.0, 1.0, 0L);
  }

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
    if (!(groups > 0 && groups <= 1) || !(features > 0 && features <= 1)) {
      throw new IllegalArgumentException("the shares of groups and features must be in (0, 1]");
    }
  }

  /**
   * {@code data} cut into quantile bins once, for any number of trainers of the same {@code bins}
   * to fit (each tree reads only the bins).
   *
   * @param bins at most this many bins per feature
   * @param cuts per feature, the cut points of its bins ({@link #cuts})
   * @param bin per row and feature, its bin ({@code bin[row × features + feature]})
   */
  public record Binned(int bins, float[][] cuts, byte[] bin) {}

  /** Cuts {@code data} into at most {@code bins} quantile bins per feature. */
  public static Binned bin(RankingExamples data, int bins) {
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
    return new Binned(bins, cuts, bin);
  }

  /**
   * Fits the trees.
   *
   * @param progress gets the mean loss per group before each tree (may be a no-op)
   */
  public BoostedTrees fit(RankingExamples data, java.util.function.DoubleConsumer progress) {
    return fit(data, bin(data, bins), progress);
  }

  /**
   * Fits the trees to {@code data} already cut into bins by {@link #bin} (with this trainer's
   * {@code bins}).
   *
   * @param progress gets the mean loss per group before each tree (may be a no-op)
   */
  public BoostedTrees fit(
      RankingExamples data, Binned binned, java.util.function.DoubleConsumer progress) {
    if (binned.bins() != bins || binned.bin().length != data.rows() * data.features()) {
      throw new IllegalArgumentException("binned for another trainer or other data");
    }
    int n = data.rows();
    int f = data.features();
    float[][] cuts = binned.cuts();
    byte[] bin = binned.bin();
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
      SplittableRandom draw = new SplittableRandom(seed * 1_000_003L + t);
      if (groups < 1.0) {
        // a group left out of this tree weighs nothing in its histograms (and is skipped there)
        for (int g = 0; g < data.groups(); g++) {
          if (draw.nextDouble() >= groups) {
            Arrays.fill(grad, data.groupStart(g), data.groupStart(g + 1), 0.0);
            Arrays.fill(hess, data.groupStart(g), data.groupStart(g + 1), 0.0);
          }
        }
      }
      boolean[] allowed = allowedFeatures(f, draw);
      Arrays.fill(node, 0);
      double[] parentHist = null;
      int[] fe = new int[splits];
      float[] th = new float[splits];
      for (int d = 0; d < depth; d++) {
        int first = (1 << d) - 1;
        int count = 1 << d;
        // below the root only the left children are summed from the rows; a right child's
        // histogram is its parent's minus its sibling's, which halves the passes over the rows
        double[] hist = histograms(bin, node, grad, hess, n, f, first, count, d > 0, allowed);
        if (d > 0) {
          int per = f * bins * 2;
          for (int p = 0; p < count / 2; p++) {
            int left = 2 * p * per;
            int right = (2 * p + 1) * per;
            int parent = p * per;
            for (int i = 0; i < per; i++) {
              hist[right + i] = parentHist[parent + i] - hist[left + i];
            }
          }
        }
        parentHist = hist;
        int[] splitBin = new int[count];
        for (int k = 0; k < count; k++) {
          int best = bestSplit(hist, k, f, cuts, allowed);
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

  /** The features this tree may split on: all, or {@code features} of them drawn at random. */
  private boolean[] allowedFeatures(int f, SplittableRandom draw) {
    boolean[] allowed = new boolean[f];
    int keep = Math.max(1, (int) Math.round(features * f));
    int[] order = new int[f];
    for (int j = 0; j < f; j++) {
      order[j] = j;
    }
    // the first `keep` of a Fisher-Yates shuffle
    for (int j = 0; j < keep; j++) {
      int pick = j + draw.nextInt(f - j);
      int swap = order[j];
      order[j] = order[pick];
      order[pick] = swap;
      allowed[order[j]] = true;
    }
    return allowed;
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
   * blocks fills its own (in parallel), then they are summed in block order. Rows of a left-out
   * group (hessian 0; a learning row's is at least 1e-12) are skipped, and so are the rows of right
   * children when {@code leftOnly}, and the features this tree may not split on.
   */
  private double[] histograms(
      byte[] bin,
      int[] node,
      double[] grad,
      double[] hess,
      int n,
      int f,
      int first,
      int count,
      boolean leftOnly,
      boolean[] allowed) {
    int size = count * f * bins * 2;
    int perBlock = (n + BLOCKS - 1) / BLOCKS;
    List<double[]> parts =
        IntStream.range(0, BLOCKS)
            .parallel()
            .mapToObj(
                block -> {
                  double[] h = new double[size];
                  for (int r = block * perBlock, end = Math.min(n, r + perBlock); r < end; r++) {
                    if (hess[r] == 0 || (leftOnly && ((node[r] - first) & 1) == 1)) {
                      continue;
                    }
                    int base = (node[r] - first) * f * bins * 2;
                    for (int j = 0; j < f; j++) {
                      if (!allowed[j]) {
                        continue;
                      }
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
  private int bestSplit(double[] hist, int k, int f, float[][] cuts, boolean[] allowed) {
    int base = k * f * bins * 2;
    // every feature's bins hold all of the node's rows; only the allowed ones were summed
    int any = 0;
    while (!allowed[any]) {
      any++;
    }
    double totalG = 0;
    double totalH = 0;
    for (int b = 0; b < bins; b++) {
      totalG += hist[base + (any * bins + b) * 2];
      totalH += hist[base + (any * bins + b) * 2 + 1];
    }
    double parent = totalG * totalG / (totalH + lambda);
    double bestGain = 1e-12;
    int best = -1;
    for (int j = 0; j < f; j++) {
      if (!allowed[j]) {
        continue;
      }
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
