package io.newsrec.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.events.Pageview;
import io.newsrec.ingest.IngestApplication;
import io.newsrec.ingest.testing.Http;
import io.newsrec.ingest.testing.Pageviews;
import io.newsrec.testsupport.ElasticMqServer;
import io.newsrec.testsupport.FreePorts;
import io.newsrec.testsupport.TestAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * In {@code aws} mode the service logs JSON lines (for CloudWatch Logs) and never a raw user id.
 * Runs the service as a process of its own: logging is set up once per JVM.
 */
class AwsModeLogsTest {

  @RegisterExtension static final ElasticMqServer SQS = new ElasticMqServer();

  @TempDir Path dir;
  private Process service;

  @AfterEach
  void stop() throws InterruptedException {
    if (service != null) {
      service.destroy();
      if (!service.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        service.destroyForcibly();
      }
    }
  }

  @Test
  void logLinesAreJsonObjectsAndNeverHoldAUserId() throws IOException {
    int port = FreePorts.next();
    try (SqsClient sqs = TestAws.sqs(SQS.endpoint())) {
      sqs.createQueue(b -> b.queueName("logs-retry"));
    }
    Path log = dir.resolve("service.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    service =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Daws.accessKeyId=test",
                    "-Daws.secretAccessKey=test",
                    "-Daws.region=us-east-1",
                    "-Daws.endpointUrl=http://localhost:" + FreePorts.next(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    IngestApplication.class.getName(),
                    "--spring.profiles.active=aws",
                    "--server.port=" + port,
                    "--newsrec.ingest.retry-queue=logs-retry",
                    "--newsrec.aws.kinesis-endpoint=http://localhost:" + FreePorts.next(),
                    "--newsrec.aws.sqs-endpoint=" + SQS.endpoint(),
                    "--newsrec.metrics.cloudwatch.step=1h"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();

    Awaitility.await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Files.readString(log).contains("\"message\":\"Started IngestApplication"));

    // Kinesis is unreachable: the event goes the whole way to the retry queue, logging on the way.
    Pageview event = Pageviews.event("g1", "secret-user-42", 1);
    assertThat(new Http(port).postJson("/pageview", Pageviews.json(event)).statusCode())
        .isEqualTo(202);
    assertThat(new Http(port).postJson("/pageview", "{\"userId\":\"secret-user-43\"").statusCode())
        .isEqualTo(400);

    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    assertThat(lines)
        .filteredOn(l -> l.contains("Started IngestApplication"))
        .singleElement()
        .satisfies(l -> assertThat(l).startsWith("{\"@timestamp\"").contains("\"level\":\"INFO\""));
    assertThat(lines).filteredOn(l -> l.startsWith("{")).hasSizeGreaterThan(3);
    assertThat(Files.readString(log)).doesNotContain("secret-user-4");
  }
}
