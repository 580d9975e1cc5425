package io.newsrec.model.algo;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.Arrays;

/**
 * Session-based k-nearest neighbours, V-SkNN (Ludewig and Jannach 2018) with optional recency of
 * the neighbour (as in STAN, Garg et al. SIGIR 2019).
 *
 * <p>Candidates are the {@code sample} most recent sessions containing each clicked article. A
 * candidate's similarity to the current session is the sum, over the current session's articles it
 * shares, of the linear position weight {@code position / length} (the latest click weighs 1). The
 * {@code k} most similar candidates vote for their articles with their similarity times {@code
 * 2^(-age / neighbourHalfLife)}, age being the time since the neighbour's last click.
 */
public final class SessionKnn {
  private final int k;
  private final int sample;
  private final double neighbourHalfLifeMs;
  private Ring[] rings = new Ring[1024];

  /**
   * @param k neighbours that vote
   * @param sample most recent sessions considered per clicked article
   * @param neighbourHalfLifeMs half-life of a neighbour's vote, ms (infinite: plain V-SkNN)
   */
  public SessionKnn(int k, int sample, double neighbourHalfLifeMs) {
    this.k = k;
    this.sample = sample;
    this.neighbourHalfLifeMs = neighbourHalfLifeMs;
  }

  /** Records that {@code session} has just clicked {@code item} (first time in this session). */
  public void learn(SessionTrail session, int item) {
    if (item >= rings.length) {
      rings = Arrays.copyOf(rings, Math.max(item + 1, rings.length * 2));
    }
    Ring ring = rings[item];
    if (ring == null) {
      ring = rings[item] = new Ring(sample);
    }
    ring.push(session, sample);
  }

  /** Forgets the sessions of {@code item}. */
  public void forget(int item) {
    if (item < rings.length) {
      rings[item] = null;
    }
  }

  /**
   * Adds the neighbours' votes for the session {@code items[0..n-1]} at {@code nowMs} to {@code
   * out}; {@code self} (may be null) is never its own neighbour.
   */
  public void score(int[] items, int n, SessionTrail self, long nowMs, Scores out) {
    int expected = 0;
    for (int j = 0; j < n; j++) {
      Ring ring = items[j] < rings.length ? rings[items[j]] : null;
      expected += ring == null ? 0 : ring.size;
    }
    Int2IntOpenHashMap slot = new Int2IntOpenHashMap(expected);
    slot.defaultReturnValue(-1);
    SessionTrail[] candidates = new SessionTrail[Math.max(16, expected)];
    double[] similarity = new double[candidates.length];
    int count = 0;
    for (int j = 0; j < n; j++) {
      Ring ring = items[j] < rings.length ? rings[items[j]] : null;
      if (ring == null) {
        continue;
      }
      double weight = (j + 1) / (double) n;
      for (int r = 0; r < ring.size; r++) {
        SessionTrail s = ring.newest(r);
        if (s == self) {
          continue;
        }
        int at = slot.get(s.seq());
        if (at < 0) {
          if (count == candidates.length) {
            candidates = Arrays.copyOf(candidates, count * 2);
            similarity = Arrays.copyOf(similarity, count * 2);
          }
          slot.put(s.seq(), count);
          candidates[count] = s;
          similarity[count++] = weight;
        } else {
          similarity[at] += weight;
        }
      }
    }
    for (int c = 0; c < count; c++) {
      similarity[c] *= Decay.factor(nowMs - candidates[c].lastMs(), neighbourHalfLifeMs);
    }
    double threshold = kthLargest(similarity, count, k);
    int taken = 0;
    // strictly better first, then ties at the threshold in candidate order (newest first)
    for (int pass = 0; pass < 2 && taken < k; pass++) {
      for (int c = 0; c < count && taken < k; c++) {
        boolean take = pass == 0 ? similarity[c] > threshold : similarity[c] == threshold;
        if (take && similarity[c] > 0) {
          SessionTrail s = candidates[c];
          int[] its = s.items();
          for (int i = 0, size = s.size(); i < size; i++) {
            out.add(its[i], similarity[c]);
          }
          taken++;
        }
      }
    }
  }

  /** The k-th largest of {@code values[0..count-1]}, or -infinity when there are at most k. */
  static double kthLargest(double[] values, int count, int k) {
    if (count <= k) {
      return Double.NEGATIVE_INFINITY;
    }
    double[] copy = Arrays.copyOf(values, count);
    Arrays.sort(copy);
    return copy[count - k];
  }

  /** The most recent sessions of one article, newest overwriting oldest. */
  private static final class Ring {
    SessionTrail[] buffer;
    int head;
    int size;

    Ring(int capacity) {
      buffer = new SessionTrail[Math.min(4, capacity)];
    }

    /** Adds the newest session; once {@code capacity} are held, the oldest is overwritten. */
    void push(SessionTrail s, int capacity) {
      if (size < capacity) {
        if (size == buffer.length) {
          SessionTrail[] grown = new SessionTrail[Math.min(capacity, buffer.length * 2)];
          for (int i = 0; i < size; i++) {
            grown[i] = buffer[(head + i) % buffer.length];
          }
          buffer = grown;
          head = 0;
        }
        buffer[(head + size++) % buffer.length] = s;
      } else {
        buffer[head] = s;
        head = (head + 1) % buffer.length;
      }
    }

    /** The r-th newest session (0 = newest). */
    SessionTrail newest(int r) {
      return buffer[(head + size - 1 - r) % buffer.length];
    }
  }
}
