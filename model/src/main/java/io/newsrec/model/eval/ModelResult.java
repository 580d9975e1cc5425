package io.newsrec.model.eval;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one model scored in one protocol run. */
final class ModelResult {
  static final int K = 20;

  final String name;

  /** The protocol's targets: each session's last (truncated) click. */
  final MetricSums last;

  /** Every position: click t+1 from clicks 1..t. */
  final MetricSums every;

  /** Per evaluated hour, the articles in some top-20 list of a last-click prediction. */
  final Int2ObjectOpenHashMap<IntOpenHashSet> recommendedByHour = new Int2ObjectOpenHashMap<>();

  long recommended;
  long alreadyRead;

  ModelResult(String name, int hours) {
    this.name = name;
    this.last = new MetricSums(hours);
    this.every = new MetricSums(hours);
  }

  double alreadyReadShare() {
    return recommended == 0 ? 0.0 : alreadyRead / (double) recommended;
  }

  /** Sums of NDCG, HR and MRR at 20, overall and per hour. */
  static final class MetricSums {
    double ndcg;
    double hr;
    double mrr;
    long n;
    final double[] hourNdcg;
    final double[] hourHr;
    final double[] hourMrr;
    final long[] hourN;

    MetricSums(int hours) {
      hourNdcg = new double[hours];
      hourHr = new double[hours];
      hourMrr = new double[hours];
      hourN = new long[hours];
    }

    void add(int hour, double rank) {
      double nd = Metrics.ndcg(rank, K);
      double h = Metrics.hitRate(rank, K);
      double m = Metrics.reciprocalRank(rank, K);
      ndcg += nd;
      hr += h;
      mrr += m;
      n++;
      hourNdcg[hour] += nd;
      hourHr[hour] += h;
      hourMrr[hour] += m;
      hourN[hour]++;
    }

    double meanNdcg() {
      return n == 0 ? 0 : ndcg / n;
    }

    double meanHr() {
      return n == 0 ? 0 : hr / n;
    }

    double meanMrr() {
      return n == 0 ? 0 : mrr / n;
    }

    /** Micro-averaged {ndcg, hr, predictions} over hours {@code from} (incl.) to {@code to}. */
    double[] range(int from, int to) {
      double nd = 0;
      double h = 0;
      long count = 0;
      for (int hour = Math.max(0, from); hour < Math.min(to, hourN.length); hour++) {
        nd += hourNdcg[hour];
        h += hourHr[hour];
        count += hourN[hour];
      }
      return count == 0 ? new double[] {0, 0, 0} : new double[] {nd / count, h / count, count};
    }

    /**
     * The hours before {@code split} and from it on apart, to check that a result holds early and
     * late (by default the data's two halves; {@code --split=288} puts days added after the first
     * 288 hours on their own): {"early": {...}, "late": {...}} with the hour ranges.
     */
    Map<String, Object> halves(int split) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("early", rangeJson(0, split));
      m.put("late", rangeJson(split, hourN.length));
      return m;
    }

    /** {ndcg, hr, predictions} of the hours before {@code split}. */
    double[] early(int split) {
      return range(0, split);
    }

    /** {ndcg, hr, predictions} of the hours from {@code split} on. */
    double[] late(int split) {
      return range(split, hourN.length);
    }

    private Map<String, Object> rangeJson(int from, int to) {
      double[] r = range(from, to);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("hours", from + "-" + (to - 1));
      m.put("ndcg20", round(r[0]));
      m.put("hr20", round(r[1]));
      m.put("sessions", (long) r[2]);
      return m;
    }

    /** Mean over hours (with predictions) of the hour's mean: {ndcg, hr, mrr}. */
    double[] hourMeans() {
      double[] sum = new double[3];
      int hours = 0;
      for (int h = 0; h < hourN.length; h++) {
        if (hourN[h] > 0) {
          sum[0] += hourNdcg[h] / hourN[h];
          sum[1] += hourHr[h] / hourN[h];
          sum[2] += hourMrr[h] / hourN[h];
          hours++;
        }
      }
      for (int i = 0; i < 3; i++) {
        sum[i] = hours == 0 ? 0 : sum[i] / hours;
      }
      return sum;
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ndcg20", round(meanNdcg()));
      m.put("hr20", round(meanHr()));
      m.put("mrr20", round(meanMrr()));
      m.put("predictions", n);
      double[] hm = hourMeans();
      m.put(
          "perHourMean",
          Map.of("ndcg20", round(hm[0]), "hr20", round(hm[1]), "mrr20", round(hm[2])));
      return m;
    }
  }

  /**
   * Six decimals in the JSON: a goal such as NDCG@20 ≥ 0.40 can be met by less than the fourth
   * decimal's 0.0001, which four decimals would round away (the printed table keeps four).
   */
  static double round(double v) {
    return Math.round(v * 1_000_000.0) / 1_000_000.0;
  }
}
