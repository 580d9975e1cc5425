package io.newsrec.model.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsrec.model.HybridConfig;
import io.newsrec.model.HybridRecommender;
import io.newsrec.model.Interaction;
import io.newsrec.model.algo.Scores;
import io.newsrec.model.rank.BoostedTrees;
import io.newsrec.model.rank.RankFeatures;
import io.newsrec.model.rank.Ranker;
import io.newsrec.model.rank.RankingExamples;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline evaluation: protocols A and B of {@code quality.md} on the g1 clicks, every baseline
 * beside the hybrid, a table on stdout, progress on stderr, JSON to a file.
 *
 * <p>Besides the hybrid, "hybrid+ranker": the same hybrid whose 50 best candidates a learned ranker
 * re-orders, trained first on the hours between the evaluated ones (never on an evaluated hour;
 * skipped with {@code --ranker=none} or when every hour is evaluated).
 *
 * <pre>
 * evaluate.sh [data-folder] [--hours=6:288:6|all] [--protocols=A,B] [--baselines=all|none]
 *             [--out=bench/results/model-eval.json] [--hp key=value ...] [--no-throughput]
 *             [--ranker=none]
 * </pre>
 */
public final class EvaluateMain {
  private EvaluateMain() {}

  public static void main(String[] args) throws IOException {
    long wallStart = System.nanoTime();
    Options o = Options.parse(args);
    System.err.println("reading " + o.data().toAbsolutePath().normalize());
    G1Clicks data =
        G1Clicks.load(
            o.data(),
            o.until(),
            h -> {
              if (h % 48 == 47) System.err.println("  read hour " + h);
            });
    System.err.printf("%,d clicks in %d hours%n", data.size(), data.hours());
    boolean[] evaluated = o.evaluatedHours(data.hours());
    // refuses --ranker-hours that include an evaluated hour before any work, not half an hour in
    o.trainingHours(data.hours());

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("command", o.command());
    json.put("generatedAt", Instant.now().toString());
    json.put(
        "data", "globo-g1 clicks, " + data.hours() + " hourly files, " + data.size() + " clicks");
    json.put("evaluatedHours", o.resolvedHours(data.hours()));
    json.put("protocolDetails", protocolDetails());
    json.put("hybridHyperparameters", HybridConfig.parse(o.hyperparameters()).toMap());
    // the protocols share only the (read-only) clicks: each runs on its own thread, one core each
    Map<String, java.util.concurrent.Future<String[]>> runs = new LinkedHashMap<>();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, o.protocols().size()));
    Map<String, Map<String, Object>> sections = new java.util.concurrent.ConcurrentHashMap<>();
    for (String protocol : o.protocols()) {
      runs.put(protocol, pool.submit(() -> runProtocol(protocol, data, evaluated, o, sections)));
    }
    pool.shutdown();
    for (Map.Entry<String, java.util.concurrent.Future<String[]>> run : runs.entrySet()) {
      try {
        System.out.print(run.getValue().get()[0]);
      } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("protocol " + run.getKey() + " failed", e);
      }
      json.put("protocol" + run.getKey(), sections.get(run.getKey()));
    }
    if (o.throughput()) {
      json.put("onlineUpdate", measureThroughput(data, o.hyperparameters()));
    }
    json.put("wallTimeSeconds", Math.round((System.nanoTime() - wallStart) / 1e8) / 10.0);
    json.put("peakHeapMiB", peakHeapMiB());
    json.put("maxRssMiB", maxRssMiB());
    json.put(
        "jvm",
        Runtime.version().toString()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cpus, max heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MiB");
    if (o.out() != null) {
      Files.createDirectories(o.out().toAbsolutePath().getParent());
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(o.out().toFile(), json);
      System.err.println("wrote " + o.out());
    }
    System.out.printf(
        "wall time %.1f s, peak heap %d MiB, max RSS %d MiB%n",
        (System.nanoTime() - wallStart) / 1e9, peakHeapMiB(), maxRssMiB());
  }

  private static String[] runProtocol(
      String protocol,
      G1Clicks data,
      boolean[] evaluated,
      Options o,
      Map<String, Map<String, Object>> sections) {
    long start = System.nanoTime();
    boolean b = protocol.equals("B");
    List<EvalModel> models = new ArrayList<>();
    Scores[] outputs = new Scores[9 + o.variants().size()];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = new Scores();
    }
    if (o.baselines()) {
      addBaselines(data, b, models, outputs);
    }
    Map<String, String> hp = new LinkedHashMap<>(o.hyperparameters());
    if (!b) {
      hp.put("user_history", "false");
    }
    for (Map.Entry<String, Map<String, String>> v : o.variants().entrySet()) {
      Map<String, String> vhp = new LinkedHashMap<>(hp);
      vhp.putAll(v.getValue());
      models.add(new HybridUnderTest(v.getKey(), data, HybridConfig.parse(vhp), b));
    }
    HybridUnderTest hybrid = new HybridUnderTest("hybrid", data, HybridConfig.parse(hp), b);
    models.add(hybrid);
    Map<String, Object> rankerReport = null;
    boolean[] training = o.trainingHours(data.hours());
    if (o.ranker() && anyTrue(training)) {
      Map<String, Object> report = new LinkedHashMap<>();
      BoostedTrees trees =
          trainRanker(
              protocol, data, training, o.trainingHoursNote(), HybridConfig.parse(hp), report);
      models.add(hybrid.reranked("hybrid+ranker", trees));
      rankerReport = report;
    }
    ProtocolRunner runner = new ProtocolRunner(data, evaluated, models, outputs);
    if (b) {
      runner.runB(System.err::println);
    } else {
      runner.runA(System.err::println);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> section =
        Report.section(runner, seconds, hybrid.learnEventsPerSecond(), o.split(data.hours()));
    if (rankerReport != null) {
      section.put("ranker", rankerReport);
    }
    sections.put(protocol, section);
    return new String[] {Report.table(protocol, runner, seconds, o.split(data.hours()))};
  }

  /**
   * Trains the learned re-ranker of {@code protocol}: the hybrid alone runs the protocol over the
   * {@code training} hours (none of them evaluated), its lists of those hours' clicks at every
   * position become the examples (as {@code train} takes every following click; last clicks only
   * scored 0.0009 lower in A, with half the lists), and {@link Ranker#fit}, as {@code train} calls
   * it, fits them with the hybrid's {@code ranker_trees} per ranker (default 200: 400 lowered the
   * training loss further but not the evaluated hours' NDCG; 100 at rate 0.2 lost 0.0008 in A, see
   * bench/README.md).
   */
  private static BoostedTrees trainRanker(
      String protocol,
      G1Clicks data,
      boolean[] training,
      String trainingHours,
      HybridConfig config,
      Map<String, Object> report) {
    long start = System.nanoTime();
    boolean b = protocol.equals("B");
    RankingExamples examples = new RankingExamples(RankFeatures.COUNT);
    HybridUnderTest collector =
        new HybridUnderTest("hybrid (training hours)", data, config, b).collecting(examples);
    ProtocolRunner runner =
        new ProtocolRunner(data, training, List.of(collector), new Scores[] {new Scores()});
    java.util.function.Consumer<String> progress = line -> System.err.println("ranker " + line);
    if (b) {
      runner.runB(progress);
    } else {
      runner.runA(progress);
    }
    double collectSeconds = (System.nanoTime() - start) / 1e9;
    long fitStart = System.nanoTime();
    Ranker.Fitted fitted =
        Ranker.fit(
            examples,
            config.rankerTrees(),
            config.rankerMembers(),
            (member, tree, loss) -> {
              if ((tree + 1) % 50 == 0) {
                System.err.printf(
                    "ranker %s: member %d, tree %d, loss %.4f%n",
                    protocol, member + 1, tree + 1, loss);
              }
            });
    double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
    report.put("trainingHours", trainingHours);
    report.put("trainingSessions", runner.sessions());
    report.put("trainingLists", examples.groups());
    report.put("candidates", Ranker.CANDIDATES);
    report.put("features", RankFeatures.NAMES);
    report.put(
        "members",
        Ranker.trainers(config.rankerTrees(), config.rankerMembers()).stream()
            .map(Object::toString)
            .toList());
    report.put("lossFirstTree", ModelResult.round(fitted.firstLoss()[0]));
    report.put(
        "lossLastTreeOfEachMember",
        java.util.Arrays.stream(fitted.lastLoss()).mapToObj(ModelResult::round).toList());
    report.put("collectSeconds", Math.round(collectSeconds * 10) / 10.0);
    report.put("fitSeconds", Math.round(fitSeconds * 10) / 10.0);
    System.err.printf(
        "ranker %s: %,d lists from %,d sessions in %.0f s, fitted in %.0f s%n",
        protocol, examples.groups(), runner.sessions(), collectSeconds, fitSeconds);
    return fitted.trees();
  }

  private static boolean anyTrue(boolean[] flags) {
    for (boolean f : flags) {
      if (f) {
        return true;
      }
    }
    return false;
  }

  private static void addBaselines(G1Clicks data, boolean b, List<EvalModel> models, Scores[] out) {
    models.add(new PopularAllTime(data, 400));
    if (b) {
      models.add(new PopularWindow(data, 5));
    } else {
      models.add(new PopularPreviousHour(data));
    }
    models.add(new PopularWindow(data, 15));
    models.add(new PopularWindow(data, 60));
    models.add(new SequentialRules(data));
    models.add(new VSkNN(data));
    // quality.md's reference combination: V-SkNN + 0.5 rules + popularity (A: 0.1 × previous
    // hour, B: 0.3 × last 15 minutes), each max-normalized
    Scores[] parts = {out[5], out[4], b ? out[2] : out[1]};
    double[] weights = {1.0, 0.5, b ? 0.3 : 0.1};
    models.add(new WeightedCombination("v-sknn+rules+pop", parts, weights));
  }

  /** Replays every click into a fresh {@link HybridRecommender}, timing only the updates. */
  private static Map<String, Object> measureThroughput(G1Clicks data, Map<String, String> hp) {
    HybridRecommender model = HybridRecommender.create(hp);
    int[] order = data.timeOrder();
    Interaction[] chunk = new Interaction[100_000];
    long nanos = 0;
    for (int from = 0; from < order.length; from += chunk.length) {
      int n = Math.min(chunk.length, order.length - from);
      for (int i = 0; i < n; i++) {
        chunk[i] = data.interaction(order[from + i], "g1");
      }
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        model.update(chunk[i]);
      }
      nanos += System.nanoTime() - start;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("events", order.length);
    m.put("seconds", Math.round(nanos / 1e7) / 100.0);
    m.put("eventsPerSecond", Math.round(order.length / (nanos / 1e9)));
    m.put(
        "how",
        "HybridRecommender.update of every g1 click in time order, one thread, write lock included");
    System.err.printf("online update: %,d events/s%n", m.get("eventsPerSecond"));
    return m;
  }

  private static Map<String, Object> protocolDetails() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "target",
        "last click of each session truncated to 20 clicks; 'everyPosition' predicts click t+1 from 1..t");
    m.put(
        "ranking",
        "whole catalogue seen before the prediction, session's clicks excluded, ties at their expected position");
    m.put(
        "coverage20",
        "mean over evaluated hours of the share of articles clicked in the previous hour's sessions that appear in some top-20 list");
    m.put(
        "alreadyReadShare",
        "share of top-20 items the reader had read before (B: any earlier click of the user; A: the session's clicks)");
    m.put("hybridInA", "session clicks only: no user history, no session state");
    return m;
  }

  static long peakHeapMiB() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }

  static long maxRssMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: report what is known
    }
    return -1;
  }
}
