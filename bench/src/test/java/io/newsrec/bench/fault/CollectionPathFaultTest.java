package io.newsrec.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.testsupport.ElasticMqServer;
import io.newsrec.testsupport.Kinesalite;
import io.newsrec.testsupport.TestAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fault test, small: the real ingest-service and retry-worker jars as their own processes,
 * kinesalite and ElasticMQ; Kinesis is killed with SIGKILL and comes back, the ingest-service is
 * killed with {@code kill -9} and restarted, and the client re-sends what was not acknowledged.
 * bench/ runs the same harness with 100,000 events ({@code bench/run-ingest.sh}).
 */
class CollectionPathFaultTest {

  @RegisterExtension static final Kinesalite KINESIS = new Kinesalite();
  @RegisterExtension static final ElasticMqServer SQS = new ElasticMqServer();

  @Test
  void everyAcknowledgedEventIsInTheStreamsAfterAKinesisOutageAndAKillMinusNine() throws Exception {
    Path root = Path.of(System.getProperty("newsrec.root", "..")).toAbsolutePath().normalize();
    Path logs = Files.createDirectories(root.resolve("bench/target/fault-test"));
    FaultPlan plan = FaultPlan.small();
    var jvm = new ArrayList<>(ServiceConfig.FAULT_TEST_JVM);
    jvm.add("-Daws.cborEnabled=false"); // kinesalite speaks the AWS JSON protocol only
    var config = new ServiceConfig(root, SQS.endpoint(), plan.portals(), List.of(), jvm);
    try (var kinesis = TestAws.kinesis(KINESIS.endpoint());
        var sqs = TestAws.sqs(SQS.endpoint())) {
      var harness =
          new FaultHarness(
              config,
              kinesis,
              sqs,
              KINESIS.endpoint(),
              Outage.of("kinesalite killed (SIGKILL) and restarted", KINESIS::kill, KINESIS::start),
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
