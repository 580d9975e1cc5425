package io.newsrec.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsrec.bench.fault.FaultPlan;
import io.newsrec.bench.fault.FaultReport;
import io.newsrec.bench.load.LoadResult;
import io.newsrec.bench.throughput.ThroughputBench.Round;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code bench/results/ingest.json}: the medians the issue asks for under their fixed keys, every
 * round, the emulator's figure, the fault test, and what machine and command produced them.
 */
public final class IngestResults {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root;

  public IngestResults() {
    this(JSON.createObjectNode());
  }

  private IngestResults(ObjectNode root) {
    this.root = root;
  }

  /**
   * The results in {@code file} to add to (a fault-test-only run keeps the throughput figures of
   * the run before it), or empty ones when there is no such file.
   */
  public static IngestResults readOrCreate(Path file) throws IOException {
    return Files.isRegularFile(file)
        ? new IngestResults((ObjectNode) JSON.readTree(file.toFile()))
        : new IngestResults();
  }

  public ObjectNode root() {
    return root;
  }

  /** Medians over rounds, and each round. */
  public void throughput(List<Round> rounds, double singleRate, int batchSize) {
    // A single-only run measured no batches: it writes no batch keys rather than zeros.
    boolean batches = rounds.getFirst().batch() != LoadResult.NONE;
    if (batches) {
      batchFigures(rounds, batchSize);
    }
    String at = "_at_" + (long) singleRate + "_rps";
    root.put("single_p50_ms" + at, round2(median(rounds, r -> r.single().p50Millis())));
    root.put("single_p99_ms" + at, round2(median(rounds, r -> r.single().p99Millis())));
    root.put("single_max_ms" + at, round2(median(rounds, r -> r.single().maxMillis())));
    root.put("single_achieved_rps", round1(median(rounds, r -> r.single().requestsPerSecond())));
    var array = root.putArray("rounds");
    for (Round r : rounds) {
      var node = array.addObject();
      if (batches) {
        node.set("batch", load(r.batch()));
        node.set("ceiling", load(r.ceiling()));
      }
      node.set("single", load(r.single()));
      r.sweep()
          .forEach(
              (size, pair) -> {
                node.set("batch_" + size, load(pair.batch()));
                node.set("ceiling_" + size, load(pair.ceiling()));
              });
    }
  }

  private void batchFigures(List<Round> rounds, int batchSize) {
    root.put("batch_events_per_s", round1(median(rounds, r -> r.batch().eventsPerSecond())));
    root.put("ceiling_events_per_s", round1(median(rounds, r -> r.ceiling().eventsPerSecond())));
    root.put(
        "batch_ratio_to_ceiling",
        round3(median(rounds, r -> r.batch().eventsPerSecond() / r.ceiling().eventsPerSecond())));
    root.put("batch_p50_ms", round2(median(rounds, r -> r.batch().p50Millis())));
    root.put("batch_p99_ms", round2(median(rounds, r -> r.batch().p99Millis())));
    root.put("ceiling_p50_ms", round2(median(rounds, r -> r.ceiling().p50Millis())));
    // Another reading of "the ceiling": the bare server's rate for one-event requests, against
    // which batching is measured (events/s with batches per do-nothing request/s). Reported
    // beside the same-body ratio, not instead of it.
    if (rounds.getFirst().sweep().containsKey(1)) {
      root.put(
          "ceiling_single_event_requests_per_s",
          round1(median(rounds, r -> r.sweep().get(1).ceiling().requestsPerSecond())));
      root.put(
          "batch_events_per_s_to_single_event_ceiling",
          round3(
              median(
                  rounds,
                  r ->
                      r.batch().eventsPerSecond()
                          / r.sweep().get(1).ceiling().requestsPerSecond())));
    }
    // The ratio to the ceiling as a function of the batch size: the do-nothing endpoint only reads
    // the body, so the bigger the batch the more the ratio measures the per-event work alone.
    var sweep = root.putObject("batch_size_sweep");
    List<Integer> sizes = new ArrayList<>(rounds.getFirst().sweep().keySet());
    sizes.add(batchSize);
    for (int size : new TreeSet<>(sizes)) {
      Function<Round, LoadResult> batchAt =
          r -> size == batchSize ? r.batch() : r.sweep().get(size).batch();
      Function<Round, LoadResult> ceilingAt =
          r -> size == batchSize ? r.ceiling() : r.sweep().get(size).ceiling();
      var node = sweep.putObject(Integer.toString(size));
      node.put("events_per_s", round1(median(rounds, r -> batchAt.apply(r).eventsPerSecond())));
      node.put(
          "ceiling_events_per_s",
          round1(median(rounds, r -> ceilingAt.apply(r).eventsPerSecond())));
      node.put(
          "ratio_to_ceiling",
          round3(
              median(
                  rounds,
                  r -> batchAt.apply(r).eventsPerSecond() / ceilingAt.apply(r).eventsPerSecond())));
      node.put("p50_ms", round2(median(rounds, r -> batchAt.apply(r).p50Millis())));
      node.put("p99_ms", round2(median(rounds, r -> batchAt.apply(r).p99Millis())));
    }
  }

  /**
   * The fault test under {@code fault_test}, replacing an earlier one; the other keys are kept.
   *
   * @param kinesisServer which Kinesis server ran ({@code kinesalite}, {@code kinesis-local})
   * @param outage how Kinesis was taken down
   */
  public void faultTest(
      FaultReport report, String kinesisServer, String outage, FaultPlan plan, String command) {
    var node = root.putObject("fault_test");
    node.put("date", java.time.Instant.now().toString());
    node.put("command", command);
    node.put("kinesis_server", kinesisServer);
    node.put("sent", report.sent());
    node.put("acknowledged", report.acknowledged());
    node.put("found", report.found());
    node.put("lost", report.lost());
    node.put("duplicates", report.duplicates());
    node.put("records_in_streams", report.records());
    node.put("planned_events", plan.events());
    node.put("planned_events_per_s", plan.eventsPerSecond());
    node.put("kinesis_outage_s", plan.kinesisOutage().toSeconds());
    node.put("requests", report.requests());
    node.set("answers", JSON.valueToTree(report.answers()));
    node.put("retry_queue_left", report.retryQueueLeft());
    node.put("dead_lettered", report.deadLettered());
    node.put("seconds", round1(report.seconds()));
    node.put("kinesis_outage", outage);
    node.set("timeline", JSON.valueToTree(report.timeline()));
  }

  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writeValue(file.toFile(), root);
  }

  private static ObjectNode load(LoadResult result) {
    var node = JSON.createObjectNode();
    node.put("requests", result.requests());
    node.put("failures", result.failures());
    node.put("events_per_request", result.eventsPerRequest());
    node.put("seconds", round2(result.seconds()));
    node.put("requests_per_s", round1(result.requestsPerSecond()));
    node.put("events_per_s", round1(result.eventsPerSecond()));
    node.put("p50_ms", round2(result.p50Millis()));
    node.put("p99_ms", round2(result.p99Millis()));
    node.put("p999_ms", round2(result.latency().getValueAtPercentile(99.9) / 1000.0));
    node.put("max_ms", round2(result.maxMillis()));
    return node;
  }

  private static double median(List<Round> rounds, Function<Round, Double> metric) {
    return Medians.of(rounds.stream().map(metric).toList());
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
