package io.newsrec.model.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The evaluation command line. */
record Options(
    Path data,
    String hoursSpec,
    List<String> protocols,
    boolean baselines,
    Path out,
    Map<String, String> hyperparameters,
    boolean throughput,
    Map<String, Map<String, String>> variants,
    int until,
    boolean ranker,
    String command) {

  static Options parse(String[] args) {
    Path data = G1Clicks.DEFAULT_FOLDER;
    String hours = "6:288:6";
    List<String> protocols = List.of("A", "B");
    boolean baselines = true;
    Path out = Path.of("bench/results/model-eval.json");
    Map<String, String> hp = new LinkedHashMap<>();
    boolean throughput = true;
    Map<String, Map<String, String>> variants = new LinkedHashMap<>();
    int until = Integer.MAX_VALUE;
    boolean ranker = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--hours=")) {
        hours = a.substring(8);
      } else if (a.startsWith("--protocols=")) {
        String list = a.substring(12).toUpperCase(java.util.Locale.ROOT);
        // "none": only the online-update measurement
        protocols = list.equals("NONE") ? List.of() : List.of(list.split(","));
      } else if (a.startsWith("--baselines=")) {
        baselines = a.substring(12).equals("all");
      } else if (a.startsWith("--out=")) {
        out = a.substring(6).equals("none") ? null : Path.of(a.substring(6));
      } else if (a.equals("--hp") && i + 1 < args.length) {
        String[] kv = args[++i].split("=", 2);
        hp.put(kv[0], kv.length > 1 ? kv[1] : "");
      } else if (a.equals("--variant") && i + 1 < args.length) {
        // name:key=value,key=value — another hybrid in the same run (for tuning)
        String[] nv = args[++i].split(":", 2);
        Map<String, String> v = new LinkedHashMap<>();
        for (String kv : nv.length > 1 && !nv[1].isEmpty() ? nv[1].split(",") : new String[0]) {
          String[] p = kv.split("=", 2);
          v.put(p[0], p.length > 1 ? p[1] : "");
        }
        variants.put(nv[0], v);
      } else if (a.startsWith("--until=")) {
        // only the first N hourly files (quick tuning runs)
        until = Integer.parseInt(a.substring(8));
      } else if (a.startsWith("--ranker=")) {
        // "none": no learned re-ranker (it is trained on the hours between the evaluated ones)
        ranker = !a.substring(9).equals("none");
      } else if (a.equals("--no-throughput")) {
        throughput = false;
      } else if (a.startsWith("--")) {
        throw new IllegalArgumentException("unknown option " + a);
      } else {
        data = Path.of(a);
      }
    }
    List<String> cmd = new ArrayList<>(List.of("model/evaluate.sh"));
    cmd.addAll(List.of(args));
    return new Options(
        data,
        hours,
        protocols,
        baselines,
        out,
        hp,
        throughput,
        variants,
        until,
        ranker,
        String.join(" ", cmd));
  }

  /**
   * The hours a learned re-ranker is trained on: half a step after each evaluated hour, so that
   * none is evaluated; none when every hour is (a step of 1, or {@code all}).
   */
  boolean[] trainingHours(int hours) {
    boolean[] t = new boolean[hours];
    if (hoursSpec.equals("all")) {
      return t;
    }
    String[] p = hoursSpec.split(":");
    int step = Integer.parseInt(p[2]);
    if (step < 2) {
      return t;
    }
    int end = Math.min(hours, Integer.parseInt(p[1]));
    for (int h = Math.max(1, Integer.parseInt(p[0]) + step / 2); h < end; h += step) {
      t[h] = true;
    }
    return t;
  }

  /** {@code start:end:step} (end exclusive) or {@code all} (every hour from 1). */
  boolean[] evaluatedHours(int hours) {
    boolean[] e = new boolean[hours];
    String spec = hoursSpec.equals("all") ? "1:" + hours + ":1" : hoursSpec;
    String[] p = spec.split(":");
    int start = Integer.parseInt(p[0]);
    int end = Math.min(hours, Integer.parseInt(p[1]));
    int step = Integer.parseInt(p[2]);
    for (int h = Math.max(1, start); h < end; h += step) {
      e[h] = true;
    }
    return e;
  }
}
