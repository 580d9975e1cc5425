package io.newsrec.model.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/** The evaluation's table and JSON sections. */
final class Report {
  private Report() {}

  static Map<String, Object> section(
      ProtocolRunner runner, double seconds, double learnPerSecond, int split) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("sessions", runner.sessions());
    s.put("wallTimeSeconds", Math.round(seconds * 10) / 10.0);
    s.put("hybridLearnEventsPerSecond", Math.round(learnPerSecond));
    Map<String, Object> models = new LinkedHashMap<>();
    for (ModelResult r : runner.results()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ndcg20", ModelResult.round(r.last.meanNdcg()));
      m.put("hr20", ModelResult.round(r.last.meanHr()));
      m.put("mrr20", ModelResult.round(r.last.meanMrr()));
      m.put("coverage20", ModelResult.round(runner.coverage(r)));
      m.put("sessions", r.last.n);
      double[] hm = r.last.hourMeans();
      m.put(
          "perHourMean",
          Map.of(
              "ndcg20", ModelResult.round(hm[0]),
              "hr20", ModelResult.round(hm[1]),
              "mrr20", ModelResult.round(hm[2])));
      m.put("halves", r.last.halves(split));
      m.put("everyPosition", r.every.toJson());
      m.put("alreadyReadShare", ModelResult.round(r.alreadyReadShare()));
      models.put(r.name, m);
    }
    s.put("models", models);
    return s;
  }

  static String table(String protocol, ProtocolRunner runner, double seconds, int split) {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            "%nProtocol %s: %,d sessions, %.0f s%n%-18s %7s %7s %7s %7s | %-15s | %-23s | %s | %s%n",
            protocol,
            runner.sessions(),
            seconds,
            "model",
            "NDCG@20",
            "HR@20",
            "MRR@20",
            "cov@20",
            "hour-mean N/HR",
            "every-pos N/HR/MRR",
            "read",
            "early (<" + split + ") N/HR | late N/HR"));
    for (ModelResult r : runner.results()) {
      double[] hm = r.last.hourMeans();
      double[] early = r.last.early(split);
      double[] late = r.last.late(split);
      t.append(
          String.format(
              "%-18s %7.4f %7.4f %7.4f %7.4f | %.4f %.4f   | %.4f %.4f %.4f   | %.4f"
                  + " | %.4f %.4f | %.4f %.4f%n",
              r.name,
              r.last.meanNdcg(),
              r.last.meanHr(),
              r.last.meanMrr(),
              runner.coverage(r),
              hm[0],
              hm[1],
              r.every.meanNdcg(),
              r.every.meanHr(),
              r.every.meanMrr(),
              r.alreadyReadShare(),
              early[0],
              early[1],
              late[0],
              late[1]));
    }
    return t.toString();
  }
}
