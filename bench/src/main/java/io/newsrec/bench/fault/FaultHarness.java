package io.newsrec.bench.fault;

import io.newsrec.bench.traffic.SampleTraffic;
import io.newsrec.testsupport.KinesisTestStreams;
import io.newsrec.testsupport.SqsTestQueues;
import io.newsrec.testsupport.StreamRecord;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The fault test, one harness for the suite's small run and bench/'s large one: the ingest-service
 * and the retry-worker run as their own processes against kinesis-local and ElasticMQ; a {@link
 * TrackerClient} sends events and re-sends what was not acknowledged, while Kinesis goes away and
 * comes back ({@link Outage}), and the ingest-service is killed with {@code kill -9} and restarted.
 * Then the retry queue is drained and every stream read back.
 */
public final class FaultHarness {

  private static final Duration START_WITHIN = Duration.ofSeconds(90);
  private static final Duration DRAIN_WITHIN = Duration.ofMinutes(5);

  private final ServiceConfig config;
  private final KinesisClient kinesis;
  private final SqsClient sqs;
  private final URI kinesisEndpoint;
  private final Outage outage;
  private final Path workDir;
  private final List<String> timeline = new CopyOnWriteArrayList<>();
  private long startNanos;
  private volatile boolean deliveryOver;

  /**
   * @param config how to start the two services (jars, ports, endpoints)
   * @param kinesis a client of kinesis-local itself, for the read-back
   * @param sqs a client of ElasticMQ, for the drain check
   * @param kinesisEndpoint where the services find Kinesis
   * @param outage how Kinesis is taken away and brought back
   * @param workDir where the services' logs go
   */
  public FaultHarness(
      ServiceConfig config,
      KinesisClient kinesis,
      SqsClient sqs,
      URI kinesisEndpoint,
      Outage outage,
      Path workDir) {
    this.config = config;
    this.kinesis = kinesis;
    this.sqs = sqs;
    this.kinesisEndpoint = kinesisEndpoint;
    this.outage = outage;
    this.workDir = workDir;
  }

  public FaultReport run(FaultPlan plan) throws IOException, InterruptedException {
    try (var ingest = config.ingest(kinesisEndpoint, workDir);
        var worker = config.retryWorker(kinesisEndpoint, workDir)) {
      ingest.launch();
      worker.launch();
      ingest.awaitHealthy(START_WITHIN);
      worker.awaitHealthy(START_WITHIN);
      var traffic = new SampleTraffic(plan.seed(), plan.portals(), Instant.now());
      var tracker =
          new TrackerClient(
              new InetSocketAddress("127.0.0.1", ingest.port()),
              traffic,
              plan.events(),
              plan.batchSize(),
              plan.senders(),
              plan.eventsPerSecond());
      startNanos = System.nanoTime();
      var faults =
          Thread.ofPlatform().name("faults").start(() -> injectFaults(plan, tracker, ingest));
      TrackerClient.Delivery delivery = tracker.run(plan.deadline());
      deliveryOver = true;
      faults.join(); // a restart under way finishes; a step waiting for progress gives up
      mark("delivery done: " + delivery.acknowledged().size() + " acknowledged");
      long deadLettered = awaitRetryQueueDrained();
      mark("retry queue drained");
      var records = new ArrayList<byte[]>();
      for (String portal : plan.portals()) {
        KinesisTestStreams.readAll(kinesis, config.streamOf(portal)).stream()
            .map(StreamRecord::data)
            .forEach(records::add);
      }
      StreamAudit audit = StreamAudit.of(delivery.acknowledged(), records);
      return new FaultReport(
          delivery.sent(),
          audit.acknowledged(),
          audit.found(),
          audit.lost(),
          audit.duplicates(),
          audit.records(),
          delivery.requests(),
          delivery.answers(),
          deadLettered,
          elapsedSeconds(),
          List.copyOf(timeline));
    }
  }

  private void injectFaults(FaultPlan plan, TrackerClient tracker, ServiceProcess ingest) {
    try {
      awaitAcknowledged(tracker, (int) (plan.events() * plan.kinesisDownAt()));
      outage.begin();
      mark("Kinesis down: " + outage.describe());
      Thread.sleep(plan.kinesisOutage()); // the outage itself
      outage.end();
      mark("Kinesis back");
      awaitAcknowledged(tracker, (int) (plan.events() * plan.killIngestAt()));
      ingest.kill();
      mark("ingest-service killed (kill -9)");
      ingest.start(START_WITHIN);
      mark("ingest-service restarted");
    } catch (InterruptedException e) {
      mark("faults stopped: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      mark("fault injection failed: " + e.getMessage());
    }
  }

  private void awaitAcknowledged(TrackerClient tracker, int count) throws InterruptedException {
    while (tracker.acknowledgedSoFar() < count) {
      if (deliveryOver) {
        throw new InterruptedException("delivery ended before " + count + " acknowledged");
      }
      Thread.sleep(20); // polls the client's progress; the faults act on it
    }
  }

  /** Waits until the retry queue holds nothing, visible or in flight; returns the DLQ's depth. */
  private long awaitRetryQueueDrained() throws InterruptedException {
    String retry = sqs.getQueueUrl(b -> b.queueName(config.retryQueue())).queueUrl();
    long deadline = System.nanoTime() + DRAIN_WITHIN.toNanos();
    int emptyChecks = 0;
    while (emptyChecks < 3) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("retry queue not drained within " + DRAIN_WITHIN);
      }
      emptyChecks = depth(retry) == 0 ? emptyChecks + 1 : 0;
      Thread.sleep(500); // ElasticMQ's counts are approximate: three empty looks in a row
    }
    String dlq = sqs.getQueueUrl(b -> b.queueName(config.deadLetterQueue())).queueUrl();
    return depth(dlq);
  }

  private long depth(String queueUrl) {
    return SqsTestQueues.depth(sqs, queueUrl);
  }

  private void mark(String what) {
    timeline.add(String.format("%.1fs %s", elapsedSeconds(), what));
  }

  private double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
