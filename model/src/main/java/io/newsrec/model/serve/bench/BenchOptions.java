package io.newsrec.model.serve.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Command-line options, with the defaults the committed results use. */
record BenchOptions(
    Path data,
    Path out,
    Path work,
    int runs,
    int[] rates,
    int seconds,
    int warmupSeconds,
    String serverHeap,
    int threads,
    String commit) {

  static BenchOptions parse(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return new BenchOptions(
        Path.of(o.getOrDefault("data", "../shared/data/globo-g1")),
        Path.of(o.getOrDefault("out", "bench/results/model-serving.json")),
        Path.of(o.getOrDefault("work", "model/target/model-serving")),
        Integer.parseInt(o.getOrDefault("runs", "3")),
        Arrays.stream(o.getOrDefault("rates", "500,1000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray(),
        Integer.parseInt(o.getOrDefault("seconds", "30")),
        Integer.parseInt(o.getOrDefault("warmup-seconds", "20")),
        o.getOrDefault("server-heap", "2g"),
        Integer.parseInt(o.getOrDefault("threads", "4")),
        o.getOrDefault("commit", "unknown"));
  }
}
