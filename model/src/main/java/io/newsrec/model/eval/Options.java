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
    String rankerHoursSpec,
    int splitHour,
    String command) {

  static Options parse(String[] args) {
    Path data = G1Clicks.DEFAULT_FOLDER;
    // to the data's last hour: the same command evaluates more days when they are added
    String hours = "6:end:6";
    List<String> protocols = List.of("A", "B");
    boolean baselines = true;
    Path out = Path.of("bench/results/model-eval.json");
    Map<String, String> hp = new LinkedHashMap<>();
    boolean throughput = true;
    Map<String, Map<String, String>> variants = new LinkedHashMap<>();
    int until = Integer.MAX_VALUE;
    boolean ranker = true;
    String rankerHours = null;
    int split = -1;
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
      } else if (a.startsWith("--ranker-hours=")) {
        // the re-ranker's training hours, e.g. only past ones (3:144:6) to check it prospectively
        rankerHours = a.substring(15);
        range(rankerHours, 1);
      } else if (a.startsWith("--split=")) {
        // where the report's "early" hours end and its "late" ones begin (default: half the data)
        split = Integer.parseInt(a.substring(8));
        if (split < 1) {
          throw new IllegalArgumentException("--split must be an hour from 1 on, not " + split);
        }
      } else if (a.equals("--no-throughput")) {
        throughput = false;
      } else if (a.startsWith("--")) {
        throw new IllegalArgumentException("unknown option " + a);
      } else {
        data = Path.of(a);
      }
    }
    if (!hours.equals("all")) {
      range(hours, 1);
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
        rankerHours,
        split,
        String.join(" ", cmd));
  }

  /**
   * The hours a learned re-ranker is trained on: {@code --ranker-hours} when given, else half a
   * step after each evaluated hour; none when every hour is evaluated (a step of 1, or {@code
   * all}). Never an evaluated hour: a re-ranker scored on the hours it learned from would flatter
   * itself.
   */
  boolean[] trainingHours(int hours) {
    boolean[] t = new boolean[hours];
    if (rankerHoursSpec != null) {
      int[] r = range(rankerHoursSpec, hours);
      for (int h = Math.max(1, r[0]); h < r[1]; h += r[2]) {
        t[h] = true;
      }
      boolean[] e = evaluatedHours(hours);
      for (int h = 0; h < hours; h++) {
        if (t[h] && e[h]) {
          throw new IllegalArgumentException(
              "--ranker-hours=" + rankerHoursSpec + " includes evaluated hour " + h);
        }
      }
      return t;
    }
    if (hoursSpec.equals("all")) {
      return t;
    }
    int[] p = range(hoursSpec, hours);
    int step = p[2];
    if (step < 2) {
      return t;
    }
    for (int h = Math.max(1, p[0] + step / 2); h < p[1]; h += step) {
      t[h] = true;
    }
    return t;
  }

  /** Where the re-ranker's training hours came from, for the report. */
  String trainingHoursNote() {
    return rankerHoursSpec == null
        ? "half a step after each evaluated hour (none evaluated)"
        : rankerHoursSpec + " (--ranker-hours, none evaluated)";
  }

  /** {@code start:end:step} (end exclusive, {@code end} = the data's last) or {@code all}. */
  boolean[] evaluatedHours(int hours) {
    boolean[] e = new boolean[hours];
    int[] p = hoursSpec.equals("all") ? new int[] {1, hours, 1} : range(hoursSpec, hours);
    for (int h = Math.max(1, p[0]); h < p[1]; h += p[2]) {
      e[h] = true;
    }
    return e;
  }

  /** The evaluated hours as {@code start:end:step} with the end resolved, for the report. */
  String resolvedHours(int hours) {
    if (hoursSpec.equals("all")) {
      return "1:" + hours + ":1";
    }
    int[] p = range(hoursSpec, hours);
    return p[0] + ":" + p[1] + ":" + p[2];
  }

  /** The first hour of the report's "late" half: {@code --split}, else half the data's hours. */
  int split(int hours) {
    return splitHour > 0 ? splitHour : hours / 2;
  }

  /**
   * {start, end, step} of {@code start:end:step}, the end at most {@code hours}; {@code end} for
   * the data's last hour.
   */
  static int[] range(String spec, int hours) {
    String[] p = spec.split(":");
    if (p.length != 3) {
      throw new IllegalArgumentException("hours must be start:end:step, not " + spec);
    }
    try {
      int start = Integer.parseInt(p[0]);
      int end = p[1].equals("end") ? hours : Math.min(hours, Integer.parseInt(p[1]));
      int step = Integer.parseInt(p[2]);
      if (start < 0 || step < 1) {
        throw new IllegalArgumentException("hours need a start >= 0 and a step >= 1: " + spec);
      }
      return new int[] {start, end, step};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("hours must be start:end:step, not " + spec, e);
    }
  }
}
