package io.newsrec.model.eval;

import io.newsrec.model.algo.Scores;
import io.newsrec.model.algo.TopK;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Runs protocol A (hourly incremental) or B (real-time replay) of {@code quality.md} over the g1
 * clicks for a list of models, evaluated on the same predictions.
 *
 * <p>A: before hour h is evaluated, the models have learned the sessions that started before h.
 * Their clicks are fed in time order, and a click more than {@value #A_LOOKAHEAD_HOURS} hours past
 * the start of h is held back until a later hour (rare tails of sessions that last days; fed at
 * once they would move the models' clocks days ahead). B: every click in time order; each
 * prediction is made just before its target click is learned.
 */
final class ProtocolRunner {
  static final int MAX_LENGTH = 20;
  static final int A_LOOKAHEAD_HOURS = 3;
  private static final long HOUR = 3_600_000L;

  private final G1Clicks data;
  private final boolean[] evaluated;
  private final List<EvalModel> models;
  private final Scores[] outputs;
  private final List<ModelResult> results = new ArrayList<>();
  private final boolean[] inCatalogue = new boolean[1 << 19];
  private long catalogue;
  private final LongOpenHashSet userRead = new LongOpenHashSet();
  private boolean protocolB;
  private long lastClickPredictions;

  /**
   * @param outputs one reusable score buffer per model; a combination model reads those of the
   *     models before it
   */
  ProtocolRunner(G1Clicks data, boolean[] evaluated, List<EvalModel> models, Scores[] outputs) {
    this.data = data;
    this.evaluated = evaluated;
    this.models = models;
    this.outputs = outputs;
    for (EvalModel m : models) {
      results.add(new ModelResult(m.name(), data.hours()));
    }
  }

  List<ModelResult> results() {
    return results;
  }

  long sessions() {
    return lastClickPredictions;
  }

  /** Protocol A; {@code progress} gets a line per evaluated hour. */
  void runA(Consumer<String> progress) {
    long[] hourStart = hourStarts();
    PriorityQueue<long[]> pending = new PriorityQueue<>(Comparator.comparingLong(e -> e[0]));
    for (int h = 0; h < data.hours(); h++) {
      long cutoff = hourStart[h] + A_LOOKAHEAD_HOURS * HOUR;
      while (!pending.isEmpty() && pending.peek()[0] < cutoff) {
        learn((int) pending.poll()[1]);
      }
      if (evaluated[h]) {
        List<EvalModel.Query> queries = new ArrayList<>();
        for (int r = data.hourStartRow[h]; r < data.hourStartRow[h + 1]; r++) {
          if (data.position[r] == 1) {
            addSessionQueries(r, queries);
          }
        }
        queries.sort(Comparator.comparingLong(EvalModel.Query::nowMs));
        for (EvalModel.Query q : queries) {
          evaluate(q, h);
        }
        progress.accept(progressLine("A", h));
      }
      for (int r = data.hourStartRow[h]; r < data.hourStartRow[h + 1]; r++) {
        pending.add(new long[] {data.time[r], r});
      }
    }
  }

  /** Protocol B; {@code progress} gets a line per evaluated hour's worth of clicks. */
  void runB(Consumer<String> progress) {
    protocolB = true;
    int[] order = data.timeOrder();
    int step = Math.max(1, order.length / 20);
    for (int i = 0; i < order.length; i++) {
      int r = order[i];
      int p = data.position[r];
      int n = Math.min(data.sessionSize[r], MAX_LENGTH);
      if (evaluated[data.hour[r]] && p >= 2 && p <= n) {
        int[] prefix = new int[p - 1];
        for (int k = 0; k < p - 1; k++) {
          prefix[k] = r - (p - 1) + k;
        }
        evaluate(new EvalModel.Query(data, prefix, p - 1, r, data.time[r], p == n), data.hour[r]);
      }
      learn(r);
      if (i % step == step - 1) {
        progress.accept(
            progressLine("B", data.hour[r])
                + String.format(" (%d%% of clicks)", (i + 1) * 100L / order.length));
      }
    }
  }

  private void addSessionQueries(int first, List<EvalModel.Query> out) {
    int n = Math.min(data.sessionSize[first], MAX_LENGTH);
    for (int t = 1; t < n; t++) {
      int[] prefix = new int[t];
      for (int k = 0; k < t; k++) {
        prefix[k] = first + k;
      }
      out.add(new EvalModel.Query(data, prefix, t, first + t, data.time[first + t], t == n - 1));
    }
  }

  private void learn(int row) {
    for (EvalModel m : models) {
      m.learn(row);
    }
    int a = data.article[row];
    if (!inCatalogue[a]) {
      inCatalogue[a] = true;
      catalogue++;
    }
    if (protocolB) {
      userRead.add(((long) data.user[row] << 20) | a);
    }
  }

  private void evaluate(EvalModel.Query q, int hour) {
    int target = data.article[q.targetRow()];
    if (q.last()) {
      lastClickPredictions++;
    }
    for (int i = 0; i < models.size(); i++) {
      Scores out = outputs[i];
      out.clear();
      models.get(i).score(q, out);
      for (int k = 0; k < q.n(); k++) {
        out.set(data.article[q.prefixRows()[k]], Double.NEGATIVE_INFINITY);
      }
      double rank = Ranking.expectedRank(out, target, inCatalogue, catalogue);
      ModelResult result = results.get(i);
      result.every.add(hour, rank);
      int[] top = TopK.select(out, ModelResult.K);
      result.recommended += top.length;
      if (protocolB) {
        // A knows no readers: what was read there is the session's own clicks, excluded above
        for (int item : top) {
          if (userRead.contains(((long) q.user() << 20) | item)) {
            result.alreadyRead++;
          }
        }
      }
      if (q.last()) {
        result.last.add(hour, rank);
        IntOpenHashSet covered = result.recommendedByHour.get(hour);
        if (covered == null) {
          result.recommendedByHour.put(hour, covered = new IntOpenHashSet());
        }
        for (int item : top) {
          covered.add(item);
        }
      }
    }
  }

  /**
   * Coverage@20 of {@code result}: mean over evaluated hours of the share of the previous hour's
   * clicked articles that appear in some list.
   */
  double coverage(ModelResult result) {
    double sum = 0;
    int hours = 0;
    for (int h = 1; h < data.hours(); h++) {
      IntOpenHashSet covered = result.recommendedByHour.get(h);
      if (!evaluated[h] || covered == null) {
        continue;
      }
      IntOpenHashSet clicked = new IntOpenHashSet();
      for (int r = data.hourStartRow[h - 1]; r < data.hourStartRow[h]; r++) {
        clicked.add(data.article[r]);
      }
      int hit = 0;
      for (int a : clicked) {
        if (covered.contains(a)) {
          hit++;
        }
      }
      if (!clicked.isEmpty()) {
        sum += Metrics.coverage(hit, clicked.size());
        hours++;
      }
    }
    return hours == 0 ? 0 : sum / hours;
  }

  private long[] hourStarts() {
    long[] start = new long[data.hours()];
    for (int h = 0; h < data.hours(); h++) {
      long min = Long.MAX_VALUE;
      for (int r = data.hourStartRow[h]; r < data.hourStartRow[h + 1]; r++) {
        min = Math.min(min, data.time[r]);
      }
      start[h] = min != Long.MAX_VALUE ? min : (h == 0 ? 0 : start[h - 1] + HOUR);
    }
    return start;
  }

  private String progressLine(String protocol, int hour) {
    StringBuilder line =
        new StringBuilder(
            String.format(
                "protocol %s: up to hour %d, %d sessions evaluated; NDCG@20 so far:",
                protocol, hour, lastClickPredictions));
    for (ModelResult r : results) {
      line.append(String.format(" %s %.4f", r.name, r.last.meanNdcg()));
    }
    return line.toString();
  }
}
