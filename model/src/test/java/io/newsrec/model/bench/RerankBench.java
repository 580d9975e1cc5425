package io.newsrec.model.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsrec.model.HybridConfig;
import io.newsrec.model.HybridRecommender;
import io.newsrec.model.rank.Ranker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Writes {@code bench/results/model-rerank.json}: the model's time per request with and without the
 * learned re-ranker, and the re-ranker's parts (features, trees), measured by JMH ({@link
 * RerankBenchmark}) on a synthetic day of g1-like clicks ({@link SyntheticNews}), so it runs
 * anywhere. The day is trained once here, with the served trainer settings (six rankers of 200
 * trees), and every forked benchmark JVM reads that artifact.
 *
 * <p>Rounds: each round runs every benchmark in a fresh fork; the figures are medians over the
 * rounds of each round's median iteration, and the ratios are taken within a round (both sides
 * measured minutes apart at most), then their median: the machine's drift moves both sides.
 *
 * <p>Usage: {@code RerankBench --out FILE [--commit C] [--rounds 3] [--iterations 8]}
 */
public final class RerankBench {
  static final long DEFAULT_SEED = 42;
  private static final int HOURS = 24;
  private static final int CLICKS_PER_HOUR = 8_400; // g1: 2.43 M clicks in 288 hours
  private static final int LISTS = 5_000;

  private RerankBench() {}

  static SyntheticNews.Day day(long seed) {
    return SyntheticNews.generate(seed, HOURS, CLICKS_PER_HOUR);
  }

  public static void main(String[] args) throws IOException, RunnerException {
    Map<String, String> o = options(args);
    Path out = Path.of(o.getOrDefault("out", "bench/results/model-rerank.json"));
    int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
    int iterations = Integer.parseInt(o.getOrDefault("iterations", "8"));

    SyntheticNews.Day day = day(DEFAULT_SEED);
    Map<String, String> hp = new LinkedHashMap<>(HybridConfig.DEFAULTS);
    hp.put("ranker_lists", Integer.toString(LISTS));
    HybridRecommender model = HybridRecommender.create(hp);
    List<String> trainLog = new ArrayList<>();
    long start = System.nanoTime();
    model.train(day.clicks(), line -> trainLog.add(line));
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    trainLog.forEach(System.err::println);
    Path artifact = Files.createTempFile("rerank-bench", ".bin");
    try (OutputStream os = Files.newOutputStream(artifact)) {
      model.writeTo(os);
    }

    List<String> names =
        List.of(
            "recommendWithRanker",
            "recommendWithoutRanker",
            "treesOnly",
            "treesNested",
            "treesRowByRow",
            "scoreAndSelect",
            "scoreSelectAndFeatures");
    Map<String, List<Double>> perRound = new LinkedHashMap<>();
    Map<String, List<List<Double>>> iterationsOf = new LinkedHashMap<>();
    names.forEach(n -> perRound.put(n, new ArrayList<>()));
    names.forEach(n -> iterationsOf.put(n, new ArrayList<>()));
    for (int round = 1; round <= rounds; round++) {
      System.err.printf("round %d of %d%n", round, rounds);
      Options jmh =
          new OptionsBuilder()
              .include(RerankBenchmark.class.getName() + "\\.")
              .forks(1)
              .warmupIterations(5)
              .warmupTime(TimeValue.seconds(1))
              .measurementIterations(iterations)
              .measurementTime(TimeValue.seconds(1))
              .jvmArgsAppend(
                  "-Xms2g",
                  "-Xmx2g",
                  "-XX:+UseParallelGC",
                  "-D" + RerankBenchmark.ARTIFACT + "=" + artifact)
              .build();
      Collection<RunResult> results = new Runner(jmh).run();
      for (RunResult r : results) {
        String name = r.getParams().getBenchmark();
        name = name.substring(name.lastIndexOf('.') + 1);
        List<Double> scores = new ArrayList<>();
        r.getBenchmarkResults()
            .forEach(
                b -> {
                  for (IterationResult i : b.getIterationResults()) {
                    scores.add(i.getPrimaryResult().getScore());
                  }
                });
        perRound.get(name).add(median(scores));
        iterationsOf.get(name).add(scores.stream().map(RerankBench::round3).toList());
      }
    }
    Files.deleteIfExists(artifact);

    List<Double> cost = new ArrayList<>();
    List<Double> extra = new ArrayList<>();
    List<Double> features = new ArrayList<>();
    List<Double> treesShare = new ArrayList<>();
    List<Double> layout = new ArrayList<>();
    List<Double> overRowByRow = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      double with = perRound.get("recommendWithRanker").get(i);
      double without = perRound.get("recommendWithoutRanker").get(i);
      double feat =
          perRound.get("scoreSelectAndFeatures").get(i) - perRound.get("scoreAndSelect").get(i);
      cost.add(with / without);
      extra.add(with - without);
      features.add(feat);
      treesShare.add(perRound.get("treesOnly").get(i) / (with - without));
      layout.add(perRound.get("treesNested").get(i) / perRound.get("treesOnly").get(i));
      overRowByRow.add(perRound.get("treesRowByRow").get(i) / perRound.get("treesOnly").get(i));
    }

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("command", "bench/run-model-rerank.sh");
    json.put("commit", o.getOrDefault("commit", "unknown"));
    json.put("generatedAt", Instant.now().toString());
    json.put("cores", Runtime.getRuntime().availableProcessors());
    json.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    Map<String, Object> setup = new LinkedHashMap<>();
    setup.put("history", "synthetic g1-like day (SyntheticNews, seed " + DEFAULT_SEED + ")");
    setup.put("hours", HOURS);
    setup.put("clicks", day.clicks().size());
    setup.put("requests", day.lastHourPrefixes().size());
    setup.put(
        "requestShape",
        "a session prefix of the last hour, 20 items, anonymous, with its last click's referrer"
            + " type");
    setup.put("candidates", Ranker.CANDIDATES);
    setup.put("rankerMembers", model.config().rankerMembers());
    setup.put("rankerTrees", model.config().rankerTrees());
    setup.put("rankerLists", LISTS);
    setup.put("trainSeconds", round3(trainSeconds));
    setup.put("train", trainLog);
    setup.put(
        "jmh",
        "1 fork per benchmark and round, 5 warm-up + "
            + iterations
            + " measured iterations of 1 s");
    json.put("setup", setup);
    Map<String, Object> bench = new LinkedHashMap<>();
    for (String n : names) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("medianUs", round3(median(perRound.get(n))));
      m.put("roundMediansUs", perRound.get(n).stream().map(RerankBench::round3).toList());
      m.put("iterationsUs", iterationsOf.get(n));
      bench.put(n, m);
    }
    json.put("benchmarksUsPerRequest", bench);
    Map<String, Object> derived = new LinkedHashMap<>();
    derived.put("rerankerCost", round3(median(cost)));
    derived.put("rerankerExtraUs", round3(median(extra)));
    derived.put("featuresUs", round3(median(features)));
    derived.put("treesUs", round3(median(perRound.get("treesOnly"))));
    derived.put("treesShareOfExtra", round3(median(treesShare)));
    derived.put("treesSpeedupOverNested", round3(median(layout)));
    derived.put("treesSpeedupOverRowByRow", round3(median(overRowByRow)));
    derived.put(
        "meaning",
        "rerankerCost: recommendWithRanker / recommendWithoutRanker of a round; rerankerExtraUs:"
            + " their difference; featuresUs: scoreSelectAndFeatures - scoreAndSelect; treesUs:"
            + " treesOnly; treesShareOfExtra: treesOnly / rerankerExtraUs; treesSpeedupOverNested:"
            + " treesNested / treesOnly, the served layout against the one served before;"
            + " treesSpeedupOverRowByRow: treesRowByRow / treesOnly (medians over rounds)");
    json.put("derived", derived);
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
    System.err.println("wrote " + out + ": " + derived);
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static double round3(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException(
            "usage: --out FILE [--commit C] [--rounds N] [--iterations N]");
      }
      o.put(args[i].substring(2), args[++i]);
    }
    return o;
  }
}
