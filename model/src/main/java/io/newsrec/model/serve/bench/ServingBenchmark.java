package io.newsrec.model.serve.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsrec.model.HybridConfig;
import io.newsrec.model.HybridRecommender;
import io.newsrec.model.Interaction;
import io.newsrec.model.eval.G1Clicks;
import io.newsrec.model.train.HybridModelFactory;
import io.newsrec.model.train.ModelArtifact;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The serving benchmark behind {@code bench/results/model-serving.json} (run it with {@code
 * bench/run-model-serving.sh}): online-update throughput over all g1 clicks, the served model built
 * from them as {@code train} builds it (replay and learned re-ranker) and its memory, and {@code
 * /invocations} latency at fixed request rates against {@code serve} in its own JVM, with the
 * re-ranker and, as the baseline of the same run, the same state without it.
 */
public final class ServingBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ServingBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("command", "bench/run-model-serving.sh");
    result.put("date", Instant.now().toString());
    result.put("commit", options.commit());
    result.put("machine", machine());
    result.put("hyperparameters", new java.util.TreeMap<>(HybridConfig.DEFAULTS));

    double loadAtStart = loadAverage();
    long baseline = usedHeapAfterGc();
    long loadStart = System.nanoTime();
    G1Clicks clicks = G1Clicks.load(options.data(), h -> progress("read hour %d", h));
    List<Interaction> ordered = inTimeOrder(clicks);
    result.put(
        "data",
        ordered(
            "clicks", ordered.size(),
            "hourFiles", clicks.hours(),
            "loadSeconds", seconds(System.nanoTime() - loadStart)));
    clicks = null;

    HybridRecommender model = null;
    List<Double> rates = new ArrayList<>();
    // CPU time of the updating thread beside wall time: on a shared machine other processes'
    // load slows the wall clock figure, not the CPU one (GC threads are not counted in either).
    List<Double> cpuRates = new ArrayList<>();
    for (int run = 0; run < options.runs(); run++) {
      model = null; // let the previous run's state go before building the next
      System.gc();
      model = HybridRecommender.create(Map.of());
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (Interaction interaction : ordered) {
        model.update(interaction);
      }
      double eventsPerSecond = ordered.size() / ((System.nanoTime() - start) / 1e9);
      double eventsPerCpuSecond =
          ordered.size() / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
      rates.add(Math.round(eventsPerSecond * 10) / 10.0);
      cpuRates.add(Math.round(eventsPerCpuSecond * 10) / 10.0);
      progress(
          "update run %d: %.0f events/s wall clock, %.0f per CPU second",
          run + 1, eventsPerSecond, eventsPerCpuSecond);
    }
    double median = rates.stream().sorted().toList().get(rates.size() / 2);
    double cpuMedian = cpuRates.stream().sorted().toList().get(cpuRates.size() / 2);
    result.put(
        "onlineUpdate",
        ordered(
            "eventsPerSecondRuns",
            rates,
            "eventsPerCpuSecondRuns",
            cpuRates,
            "eventsPerCpuSecondMedian",
            cpuMedian,
            "eventsPerSecondMedian",
            median,
            "events",
            ordered.size(),
            "target",
            100_000,
            "meetsTarget",
            median >= 100_000));

    // The served model is what `train` builds from the same history: the replay and the learned
    // re-ranker it fits on the way (the update runs above measure the replay alone).
    model = null;
    System.gc();
    model = HybridRecommender.create(Map.of());
    long trainStart = System.nanoTime();
    List<String> trainLog = new ArrayList<>();
    model.train(
        ordered,
        line -> {
          trainLog.add(line);
          progress("%s", line);
        });
    result.put(
        "training",
        ordered(
            "seconds", seconds(System.nanoTime() - trainStart),
            "ranker", model.hasRanker(),
            "log", trainLog));

    // Request bodies from the busiest part of the data's end: the two hours before the 99th
    // percentile click (the very last clicks are a thin tail of late readers).
    long to = ordered.get((int) (ordered.size() * 0.99)).timeMs();
    List<byte[]> bodies = RequestSamples.sample(ordered, to - 7_200_000L, to, 20_000, 7);
    ordered = null;

    Files.createDirectories(options.work());
    long stateBytes =
        usedHeapAfterGc() - baseline - bodies.stream().mapToLong(b -> b.length + 16).sum();
    long writeStart = System.nanoTime();
    Path artifact = ModelArtifact.write(model, options.work().resolve("model"));
    double writeSeconds = seconds(System.nanoTime() - writeStart);
    // the baseline of the same run: the same state answering with the fixed weights alone
    Path fixedWeights =
        ModelArtifact.write(model.withoutRanker(), options.work().resolve("model-fixed-weights"));
    model = null;
    long readStart = System.nanoTime();
    ModelArtifact.read(new HybridModelFactory(), artifact);
    double readSeconds = seconds(System.nanoTime() - readStart);
    result.put(
        "memory",
        ordered(
            "stateHeapBytesAfterGc", stateBytes,
            "artifactBytes", Files.size(artifact),
            "artifactWriteSeconds", writeSeconds,
            "artifactReadSeconds", readSeconds));

    Map<String, Object> served = invocations(options, artifact.getParent(), bodies);
    Map<String, Object> fixed = invocations(options, fixedWeights.getParent(), bodies);
    result.put("invocations", served);
    result.put("invocationsWithoutRanker", fixed);
    result.put("rankerCost", rankerCost(served, fixed));
    // The machine is shared: a load average far above the core count inflates every figure.
    result.put("loadAverage", ordered("atStart", loadAtStart, "atEnd", loadAverage()));
    Files.createDirectories(options.out().toAbsolutePath().getParent());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(options.out().toFile(), result);
    progress("wrote %s", options.out());
  }

  /** The re-ranker's cost per rate: in-server p50 and p99 with it over those without it. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rankerCost(
      Map<String, Object> served, Map<String, Object> baseline) {
    List<Map<String, Object>> with = (List<Map<String, Object>>) served.get("rates");
    List<Map<String, Object>> without = (List<Map<String, Object>>) baseline.get("rates");
    List<Map<String, Object>> out = new ArrayList<>();
    for (int k = 0; k < with.size(); k++) {
      Map<String, Object> a = (Map<String, Object>) with.get(k).get("serverTimeMs");
      Map<String, Object> b = (Map<String, Object>) without.get(k).get("serverTimeMs");
      out.add(
          ordered(
              "requestsPerSecond", with.get(k).get("requestsPerSecond"),
              "serverP50Ratio", ratio(a.get("p50"), b.get("p50")),
              "serverP99Ratio", ratio(a.get("p99"), b.get("p99")),
              "p99MsWithRanker", with.get(k).get("p99Ms"),
              "p99MsWithoutRanker", without.get(k).get("p99Ms")));
    }
    return out;
  }

  private static double ratio(Object a, Object b) {
    return Math.round(((Number) a).doubleValue() / ((Number) b).doubleValue() * 1000) / 1000.0;
  }

  private static Map<String, Object> invocations(
      BenchOptions options, Path modelDir, List<byte[]> bodies) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "setup",
        ordered(
            "server",
                "ServeMain in its own JVM, -Xmx"
                    + options.serverHeap()
                    + ", "
                    + options.threads()
                    + " request threads, no online learning during the run",
            "generator",
                "open loop, JDK HttpClient (HTTP/1.1), at most "
                    + OpenLoopLoad.MAX_IN_FLIGHT
                    + " requests in flight, latency from the intended send"
                    + " time (coordinated omission corrected), same 2-core machine as the server",
            "requests",
                bodies.size()
                    + " bodies sampled from the last hours of g1 (seed 7):"
                    + " session clicks so far, count 20, half with currentArticle",
            "warmupSeconds", options.warmupSeconds(),
            "secondsPerRate", options.seconds()));
    List<Map<String, Object>> rates = new ArrayList<>();
    try (ServerProcess server =
        ServerProcess.start(modelDir, options.serverHeap(), options.threads())) {
      URI target = URI.create("http://localhost:" + server.port() + "/invocations");
      OpenLoopLoad.run(
          target, bodies, options.rates()[0], Duration.ofSeconds(options.warmupSeconds()));
      for (int rate : options.rates()) {
        // Start each rate with a clean generator heap, and report the generator's own GC pauses:
        // a pause here delays sends, which the open loop rightly charges to the latency.
        System.gc();
        long gcBefore = gcMillis();
        OpenLoopLoad.Result r =
            OpenLoopLoad.run(target, bodies, rate, Duration.ofSeconds(options.seconds()));
        long generatorGcMs = gcMillis() - gcBefore;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("requestsPerSecond", rate);
        row.put("requests", r.requests());
        row.put("errors", r.errors());
        row.put("emptyAnswers", r.emptyAnswers());
        row.put("achievedPerSecond", Math.round(r.requests() / r.seconds()));
        for (double p : new double[] {50, 90, 99, 99.9}) {
          row.put(
              "p" + (p == 99.9 ? "999" : Integer.toString((int) p)) + "Ms",
              r.micros().getValueAtPercentile(p) / 1000.0);
        }
        row.put("maxMs", r.micros().getMaxValue() / 1000.0);
        row.put("generatorGcMs", generatorGcMs);
        row.put(
            "serverTimeMs",
            ordered(
                "p50", r.serverMicros().getValueAtPercentile(50) / 1000.0,
                "p99", r.serverMicros().getValueAtPercentile(99) / 1000.0,
                "max", r.serverMicros().getMaxValue() / 1000.0));
        rates.add(row);
        progress(
            "%d req/s: p50 %.2f ms, p99 %.2f ms (in server: p50 %.2f, p99 %.2f), errors %d",
            rate,
            r.micros().getValueAtPercentile(50) / 1000.0,
            r.micros().getValueAtPercentile(99) / 1000.0,
            r.serverMicros().getValueAtPercentile(50) / 1000.0,
            r.serverMicros().getValueAtPercentile(99) / 1000.0,
            r.errors());
      }
    }
    out.put("rates", rates);
    return out;
  }

  /** All clicks as interactions in time order, sharing one String per distinct id. */
  private static List<Interaction> inTimeOrder(G1Clicks clicks) {
    Map<String, String> shared = new HashMap<>();
    List<Interaction> ordered = new ArrayList<>(clicks.size());
    for (int row : clicks.timeOrder()) {
      Interaction i = clicks.interaction(row, "g1");
      ordered.add(
          new Interaction(
              "g1",
              shared.computeIfAbsent(i.userId(), k -> k),
              shared.computeIfAbsent(i.sessionId(), k -> k),
              shared.computeIfAbsent(i.articleId(), k -> k),
              i.timeMs(),
              i.weight(),
              i.referrerType()));
    }
    return ordered;
  }

  /** A map that keeps the given order of its keys, so that the JSON reads in that order. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** Stop-the-world collection time so far (G1's concurrent cycles do not stop the sender). */
  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .filter(gc -> !gc.getName().contains("Concurrent"))
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .filter(t -> t > 0)
        .sum();
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("java", System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("benchHeapMaxBytes", Runtime.getRuntime().maxMemory());
    machine.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
    return machine;
  }

  private static double seconds(long nanos) {
    return Math.round(nanos / 1e6) / 1000.0;
  }

  private static void progress(String format, Object... args) {
    System.err.printf(format + "%n", args);
  }
}
