package io.newsrec.model.algo;

import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import java.util.Arrays;

/**
 * Sequential rules with time decay: "readers of A went on to B". When a session clicks B, each of
 * its previous {@code window} clicks A gets the rule A→B strengthened by {@code weight / distance}
 * (Ludewig and Jannach, "Evaluation of session-based recommendation algorithms", 2018), decayed
 * with a half-life so that yesterday's paths fade. Item co-occurrence restricted to order.
 *
 * <p>Memory: each source keeps at most {@code maxEdges} targets; when full, the weaker half goes.
 */
public final class Transitions {
  private final int window;
  private final double halfLifeMs;
  private final int maxEdges;
  private Edges[] out = new Edges[1024];

  /**
   * @param window how many previous clicks feed a rule (3 in the literature)
   * @param halfLifeMs half-life of a rule's strength, ms (infinite: plain counts)
   * @param maxEdges the most targets kept per source article
   */
  public Transitions(int window, double halfLifeMs, int maxEdges) {
    this.window = window;
    this.halfLifeMs = halfLifeMs;
    this.maxEdges = maxEdges;
  }

  /**
   * Learns from the click of {@code items[n-1]}, given the session's earlier clicks {@code
   * items[0..n-2]}.
   */
  public void learn(int[] items, int n, long timeMs, double weight) {
    int target = items[n - 1];
    for (int d = 1; d <= window && n - 1 - d >= 0; d++) {
      int source = items[n - 1 - d];
      if (source >= out.length) {
        out = Arrays.copyOf(out, Math.max(source + 1, out.length * 2));
      }
      Edges edges = out[source];
      if (edges == null) {
        edges = out[source] = new Edges(timeMs);
      }
      edges.add(target, weight / d, timeMs);
    }
  }

  /** Adds {@code factor ×} the decayed strength of every rule {@code source→x} to {@code out}. */
  public void score(int source, double factor, Scores scores) {
    Edges edges = source < out.length ? out[source] : null;
    if (edges == null) {
      return;
    }
    for (Int2DoubleMap.Entry e : edges.map.int2DoubleEntrySet()) {
      // the shared base factor is dropped: it is the same for every target of this source
      scores.add(e.getIntKey(), factor * e.getDoubleValue());
    }
  }

  /** Forgets the rules from {@code item}. */
  public void forget(int item) {
    if (item < out.length) {
      out[item] = null;
    }
  }

  private final class Edges {
    final Int2DoubleOpenHashMap map = new Int2DoubleOpenHashMap(4);
    long baseMs;

    Edges(long baseMs) {
      this.baseMs = baseMs;
    }

    void add(int target, double weight, long timeMs) {
      if (Decay.needsRebase(timeMs, baseMs, halfLifeMs)) {
        scale(Decay.forward(baseMs, timeMs, halfLifeMs));
        baseMs = timeMs;
      }
      map.addTo(target, weight * Decay.forward(timeMs, baseMs, halfLifeMs));
      if (map.size() > maxEdges) {
        prune();
      }
    }

    private void scale(double f) {
      for (Int2DoubleMap.Entry e : map.int2DoubleEntrySet()) {
        e.setValue(e.getDoubleValue() * f);
      }
    }

    /** Keeps the strongest half; ties at the threshold go in iteration order. */
    private void prune() {
      double[] v = map.values().toDoubleArray();
      Arrays.sort(v);
      double threshold = v[v.length - Math.max(1, maxEdges / 2)];
      map.int2DoubleEntrySet().removeIf(e -> e.getDoubleValue() < threshold);
      var it = map.int2DoubleEntrySet().iterator();
      while (map.size() > Math.max(1, maxEdges / 2) && it.hasNext()) {
        if (it.next().getDoubleValue() == threshold) {
          it.remove();
        }
      }
    }
  }
}
