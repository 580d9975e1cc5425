package io.newsrec.bench;

import io.newsrec.bench.fault.FaultHarness;
import io.newsrec.bench.fault.FaultKinesis;
import io.newsrec.bench.fault.FaultPlan;
import io.newsrec.bench.fault.FaultReport;
import io.newsrec.bench.fault.ServiceConfig;
import io.newsrec.bench.fault.ServiceProcess;
import io.newsrec.bench.report.IngestResults;
import io.newsrec.bench.stub.KinesisStub;
import io.newsrec.bench.throughput.EmulatorBench;
import io.newsrec.bench.throughput.ThroughputBench;
import io.newsrec.bench.traffic.SampleTraffic;
import io.newsrec.testsupport.ElasticMqServer;
import io.newsrec.testsupport.KinesisLocal;
import io.newsrec.testsupport.TestAws;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Writes {@code bench/results/ingest.json}: the ingest-service's throughput and latency against a
 * stub Kinesis, the emulator's own speed, and the large fault test. Run by {@code
 * bench/run-ingest.sh}; see {@code bench/README.md} for what each number means.
 */
public final class IngestBench {

  private static final List<String> PORTALS = List.of("g1", "ge", "gshow");

  private IngestBench() {}

  /** A space-separated option value as arguments (none when empty). */
  private static List<String> words(String value) {
    return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    var all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  public static void main(String[] args) throws Exception {
    var options =
        new Options(
            args,
            Map.ofEntries(
                Map.entry("root", "."),
                Map.entry("jars-root", ""),
                Map.entry("out", "bench/results/ingest.json"),
                Map.entry("command", "bench/run-ingest.sh"),
                Map.entry("rounds", "5"),
                Map.entry("warmup-s", "10"),
                Map.entry("duration-s", "15"),
                Map.entry("batch-size", "250"),
                Map.entry("batch-connections", "16"),
                Map.entry("single-rate", "5000"),
                Map.entry("single-connections", "128"),
                Map.entry("service-heap", "1g"),
                Map.entry("service-jvm-args", ""),
                Map.entry("service-args", ""),
                Map.entry("single-only", "false"),
                Map.entry("sweep", "1,10,50"),
                Map.entry("sweep-connections", "256"),
                Map.entry("emulator-s", "10"),
                Map.entry("fault-events", "100000"),
                Map.entry("fault", "true"),
                Map.entry("kinesis", "kinesalite"),
                Map.entry("outage", ""),
                Map.entry("fault-rate", "1000"),
                Map.entry("kinesis-persist-s", "10"),
                Map.entry("throughput", "true")));
    Path root = Path.of(options.text("root")).toAbsolutePath().normalize();
    Path work = Files.createDirectories(root.resolve("bench/work"));
    // Where <module>/target/<module>-*.jar are found: the repository, or private copies of them.
    Path jars = options.text("jars-root").isEmpty() ? root : Path.of(options.text("jars-root"));
    Path out = root.resolve(options.text("out"));
    // Each part replaces only its own keys (the fault test's start with "fault"), so a part run
    // alone keeps the other part's figures from the run before it.
    var results = IngestResults.readOrCreate(out);
    var meta = results.root();
    List<String> faultKeys = new ArrayList<>();
    meta.fieldNames()
        .forEachRemaining(
            k -> {
              if (k.startsWith("fault")) {
                faultKeys.add(k);
              }
            });
    if (options.flag("throughput")) {
      meta.retain(faultKeys);
    }
    if (options.flag("fault")) {
      meta.remove(faultKeys);
    }
    if (options.flag("throughput")) {
      meta.put("date", Instant.now().toString());
      meta.put("command", options.text("command"));
    }
    meta.put("nproc", Runtime.getRuntime().availableProcessors());
    meta.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
    meta.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    meta.put((options.flag("throughput") ? "" : "fault_") + "loadavg_before", loadAverage());
    try (var sqs = new ElasticMqServer().start()) {
      var config =
          new ServiceConfig(
              jars,
              sqs.endpoint(),
              PORTALS,
              List.of(),
              List.of("-Xmx" + options.text("service-heap")));
      if (options.flag("throughput")) {
        throughput(options, config, sqs, work, results);
        results.write(out); // kept should the fault test fail
      }
      if (options.flag("fault")) {
        fault(options, config, sqs, work, results);
      }
    }
    // A part run alone names its load average after itself: a fault-test-only run keeps the
    // throughput run's figures, and its own load must not read as theirs.
    String after =
        options.flag("throughput") && options.flag("fault")
            ? "loadavg_after"
            : options.flag("throughput") ? "throughput_loadavg_after" : "fault_loadavg_after";
    meta.put(after, loadAverage());
    results.write(out);
    System.out.println("wrote " + out);
  }

  private static void throughput(
      Options options, ServiceConfig config, ElasticMqServer sqs, Path work, IngestResults results)
      throws Exception {
    var settings =
        new ThroughputBench.Settings(
            options.integer("rounds"),
            options.seconds("warmup-s"),
            options.seconds("duration-s"),
            options.integer("batch-size"),
            options.integer("batch-connections"),
            options.number("single-rate"),
            options.integer("single-connections"),
            options.flag("single-only"),
            options.text("sweep").isBlank()
                ? List.of()
                : Arrays.stream(options.text("sweep").split(","))
                    .map(String::trim)
                    .map(Integer::valueOf)
                    .toList(),
            options.integer("sweep-connections"));
    var benchConfig =
        new ServiceConfig(
            config.root(),
            sqs.endpoint(),
            PORTALS,
            concat(
                List.of(
                    "--newsrec.ingest.bench-endpoint-enabled=true",
                    // one load client, one address: the per-client limit would measure itself
                    "--newsrec.ingest.rate-limit.enabled=false"),
                words(options.text("service-args"))),
            concat(
                List.of("-Xmx" + options.text("service-heap"), "-Daws.cborEnabled=false"),
                words(options.text("service-jvm-args"))));
    try (var stub = KinesisStub.start(0);
        ServiceProcess ingest =
            benchConfig.ingestAlone(java.net.URI.create(stub.endpoint()), work)) {
      ingest.start(Duration.ofSeconds(90));
      var bench = new ThroughputBench(settings, new SampleTraffic(1, PORTALS, Instant.now()));
      var rounds =
          bench.run(new InetSocketAddress("127.0.0.1", ingest.port()), System.out::println);
      results.throughput(rounds, settings.singleRate(), settings.batchSize());
      var node = results.root().putObject("settings");
      node.put("rounds", settings.rounds());
      node.put("warmup_s", settings.warmup().toMillis() / 1000.0);
      node.put("duration_s", settings.duration().toMillis() / 1000.0);
      node.put("batch_size", settings.batchSize());
      node.put("batch_connections", settings.batchConnections());
      node.put("sweep_batch_sizes", settings.sweepSizes().toString());
      node.put("sweep_connections", settings.sweepConnections());
      node.put("single_rate", settings.singleRate());
      node.put("single_connections", settings.singleConnections());
      node.put("service_heap", options.text("service-heap"));
      node.put("service_jvm_args", options.text("service-jvm-args"));
      node.put("service_args", options.text("service-args"));
      node.put("kinesis", "in-process stub (bench KinesisStub), AWS JSON protocol");
      results.root().put("stub_records_received", stub.records());
    }
    try (var kinesisLocal = new KinesisLocal().start();
        var client = TestAws.kinesis(kinesisLocal.endpoint())) {
      double perSecond = EmulatorBench.recordsPerSecond(client, 3, options.seconds("emulator-s"));
      var node = results.root().putObject("emulator");
      node.put("kinesis_local_records_per_s", Math.round(perSecond));
      node.put("what", "PutRecords of 500 records x 250 bytes, 3 calls in flight, SDK v2 CBOR");
      System.out.printf("kinesis-local: %.0f records/s%n", perSecond);
    }
  }

  private static void fault(
      Options options, ServiceConfig config, ElasticMqServer sqs, Path work, IngestResults results)
      throws Exception {
    var plan = FaultPlan.large(options.integer("fault-events"), options.number("fault-rate"));
    // --kinesis=kinesalite (default): LevelDB-backed, keeps acknowledged records across SIGKILL, so
    // the outage is a real kill. kinesis-local's periodic whole-state write stalls it past ~15,000
    // records (--kinesis-persist-s) and a graceful stop holding ~20,000 took over 40 s; with it the
    // default outage is a cut proxy (see FaultKinesis).
    try (var server =
            FaultKinesis.start(
                options.text("kinesis"),
                options.text("outage"),
                options.seconds("kinesis-persist-s"));
        var kinesis = patientKinesis(server.directEndpoint());
        var sqsClient = TestAws.sqs(sqs.endpoint())) {
      var jvm = new java.util.ArrayList<>(ServiceConfig.FAULT_TEST_JVM);
      jvm.addAll(server.serviceJvmArgs());
      var faultConfig = new ServiceConfig(config.root(), sqs.endpoint(), PORTALS, List.of(), jvm);
      var harness =
          new FaultHarness(
              faultConfig, kinesis, sqsClient, server.servicesEndpoint(), server.outage(), work);
      FaultReport report = harness.run(plan);
      report.timeline().forEach(System.out::println);
      System.out.println(report);
      results.faultTest(
          report, server.name(), server.outage().describe(), plan, options.text("command"));
    }
  }

  /**
   * A Kinesis client for reading 100,000 records back: the emulator takes more than the fixture
   * client's 30 s to answer a {@code GetRecords} of 10,000 records on a busy machine.
   */
  private static KinesisClient patientKinesis(java.net.URI endpoint) {
    return KinesisClient.builder()
        .endpointOverride(endpoint)
        .region(TestAws.REGION)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofMinutes(3)))
        .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMinutes(5)))
        .build();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
