package io.newsrec.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.testsupport.ElasticMqServer;
import io.newsrec.testsupport.KinesisLocal;
import io.newsrec.testsupport.TestAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fault test, small: the real ingest-service and retry-worker jars as their own processes,
 * kinesis-local and ElasticMQ; Kinesis stops and comes back, the ingest-service is killed with
 * {@code kill -9} and restarted, and the client re-sends what was not acknowledged. bench/ runs the
 * same harness with 100,000 events on kinesalite ({@code bench/run-ingest.sh}).
 *
 * <p>It stays on kinesis-local: on kinesalite with a SIGKILL outage it passed twice and failed once
 * (kinesalite answered after its restart, then stopped answering for good; cause not found yet).
 */
class CollectionPathFaultTest {

  @RegisterExtension static final KinesisLocal KINESIS = new KinesisLocal();
  @RegisterExtension static final ElasticMqServer SQS = new ElasticMqServer();

  @Test
  void everyAcknowledgedEventIsInTheStreamsAfterAKinesisOutageAndAKillMinusNine() throws Exception {
    Path root = Path.of(System.getProperty("newsrec.root", "..")).toAbsolutePath().normalize();
    Path logs = Files.createDirectories(root.resolve("bench/target/fault-test"));
    FaultPlan plan = FaultPlan.small();
    var config =
        new ServiceConfig(
            root, SQS.endpoint(), plan.portals(), List.of(), ServiceConfig.FAULT_TEST_JVM);
    try (var kinesis = TestAws.kinesis(KINESIS.endpoint());
        var sqs = TestAws.sqs(SQS.endpoint())) {
      var harness =
          new FaultHarness(
              config,
              kinesis,
              sqs,
              KINESIS.endpoint(),
              Outage.stopAndStart(KINESIS::stop, KINESIS::start),
              logs);

      FaultReport report = harness.run(plan);

      assertThat(report.timeline())
          .as("both faults were injected: %s", report.timeline())
          .anyMatch(line -> line.contains("Kinesis back"))
          .anyMatch(line -> line.contains("ingest-service restarted"));
      assertThat(report.answers())
          .as("the client saw the faults and re-sent")
          .containsKey("202")
          .hasSizeGreaterThan(1);
      assertThat(report.retryQueueLeft()).as("retry queue drained").isZero();
      assertThat(report.sent()).isEqualTo(plan.events());
      assertThat(report.acknowledged()).isEqualTo(plan.events());
      assertThat(report.lost()).as("acknowledged but not in any stream").isZero();
      assertThat(report.found()).isEqualTo(report.acknowledged());
    }
  }
}
