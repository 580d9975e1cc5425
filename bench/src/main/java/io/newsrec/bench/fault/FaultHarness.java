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
 * and the retry-worker run as their own processes against a Kinesis server ({@link FaultKinesis})
 * and ElasticMQ; a {@link TrackerClient} sends events and re-sends what was not acknowledged, while
 * Kinesis goes away and comes back ({@link Outage}), and the ingest-service is killed with {@code
 * kill -9} and restarted. Then the retry queue is drained and every stream read back.
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
   * @param kinesis a client of the Kinesis server itself (not through a proxy), for the read-back
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
      // One after the other: both provision the same streams and queues at start-up, and side by
      // side on a busy machine the emulator answered them too slowly (3 s attempt timeouts).
      ingest.start(START_WITHIN);
      worker.start(START_WITHIN);
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
      var progress = Thread.ofVirtual().start(() -> reportProgress(tracker));
      TrackerClient.Delivery delivery = tracker.run(plan.deadline());
      deliveryOver = true;
      progress.interrupt();
      faults.join(); // a restart under way finishes; a step waiting for progress gives up
      mark("delivery done: " + delivery.acknowledged().size() + " acknowledged");
      long left = awaitRetryQueueDrained();
      mark(left == 0 ? "retry queue drained" : "retry queue NOT drained: " + left + " left");
      long deadLettered = depth(queueUrl(config.deadLetterQueue()));
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
          left,
          deadLettered,
          elapsedSeconds(),
          List.copyOf(timeline));
    }
  }

  private void injectFaults(FaultPlan plan, TrackerClient tracker, ServiceProcess ingest) {
    try {
      awaitAcknowledged(tracker, (int) (plan.events() * plan.kinesisDownAt()));
      try {
        outage.begin();
        mark("Kinesis down: " + outage.describe());
        Thread.sleep(plan.kinesisOutage()); // the outage itself
      } finally {
        outage.end(); // even when going down failed half-way
        mark("Kinesis back");
      }
      awaitAcknowledged(tracker, (int) (plan.events() * plan.killIngestAt()));
      ingest.kill();
      mark("ingest-service killed (kill -9)");
      restart(ingest);
    } catch (InterruptedException e) {
      mark("faults stopped: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      mark("fault injection failed: " + e.getMessage());
    }
  }

  /**
   * Restarts the killed service as its supervisor (Kubernetes) would: again after a failed start,
   * such as start-up provisioning timing out while the emulator is swamped by the retry backlog.
   */
  private void restart(ServiceProcess service) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        service.start(START_WITHIN);
        mark(service.name() + " restarted");
        return;
      } catch (IllegalStateException failed) {
        mark(service.name() + " failed to start (attempt " + attempt + "): " + failed.getMessage());
        if (attempt == 5) {
          throw failed;
        }
        service.kill();
      }
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

  /**
   * Waits until the retry queue holds nothing, visible, in flight or delayed; returns what is left
   * when it gives up (0: drained).
   */
  private long awaitRetryQueueDrained() throws InterruptedException {
    String retry = queueUrl(config.retryQueue());
    long deadline = System.nanoTime() + DRAIN_WITHIN.toNanos();
    int emptyLooks = 0;
    long left = depth(retry);
    while (emptyLooks < 3 && System.nanoTime() < deadline) {
      Thread.sleep(500); // ElasticMQ's counts are approximate: three empty looks in a row
      left = depth(retry);
      emptyLooks = left == 0 ? emptyLooks + 1 : 0;
    }
    return left;
  }

  private void reportProgress(TrackerClient tracker) {
    try {
      while (!deliveryOver) {
        Thread.sleep(10_000);
        mark("progress: " + tracker.acknowledgedSoFar() + " acknowledged");
      }
    } catch (InterruptedException e) {
      // delivery over
    }
  }

  private String queueUrl(String name) {
    return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
  }

  private long depth(String queueUrl) {
    return SqsTestQueues.depth(sqs, queueUrl);
  }

  /** Notes an event of the run in the report's timeline, and on stdout for long runs. */
  private void mark(String what) {
    String line = String.format("%.1fs %s", elapsedSeconds(), what);
    timeline.add(line);
    System.out.println("fault test: " + line);
  }

  private double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
