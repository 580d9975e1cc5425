package io.newsrec.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsrec.ingest.IngestApplication;
import io.newsrec.ingest.testing.Http;
import io.newsrec.testsupport.ElasticMqServer;
import io.newsrec.testsupport.FreePorts;
import io.newsrec.testsupport.TestAws;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code aws} mode: creates nothing (the retry queue must exist; Kinesis is not even contacted at
 * start-up) and registers the CloudWatch registry instead of Prometheus. The "AWS" here is
 * ElasticMQ plus an unreachable Kinesis, reached with credentials from the default chain. (Its JSON
 * logs are checked in a process of their own by {@link AwsModeLogsTest}: logging is set up once per
 * JVM, and other tests' contexts share this one.)
 */
class AwsModeTest {

  private static final ElasticMqServer SQS = new ElasticMqServer();
  private static final Map<String, String> CHAIN =
      Map.of(
          "aws.accessKeyId", "test",
          "aws.secretAccessKey", "test",
          "aws.region", "us-east-1",
          // Every client without an explicit endpoint (CloudWatch here) goes nowhere, fast.
          "aws.endpointUrl", "http://localhost:" + FreePorts.next());

  @BeforeAll
  static void awsLikeEnvironment() {
    SQS.start();
    CHAIN.forEach(System::setProperty);
    try (SqsClient sqs = TestAws.sqs(SQS.endpoint())) {
      sqs.createQueue(b -> b.queueName("aws-mode-retry"));
    }
  }

  @AfterAll
  static void restore() {
    CHAIN.keySet().forEach(System::clearProperty);
    SQS.close();
  }

  @Test
  void awsModeCreatesNothingAndPublishesToCloudWatchNotPrometheus() {
    try (ConfigurableApplicationContext context =
        SpringApplication.run(
            IngestApplication.class,
            "--spring.profiles.active=aws",
            "--server.port=0",
            "--newsrec.ingest.retry-queue=aws-mode-retry",
            "--newsrec.aws.region=us-east-1",
            "--newsrec.aws.kinesis-endpoint=http://localhost:" + FreePorts.next(),
            "--newsrec.aws.sqs-endpoint=" + SQS.endpoint(),
            "--newsrec.metrics.cloudwatch.step=1h")) {
      int port = context.getEnvironment().getProperty("local.server.port", Integer.class);

      assertThat(context.getBeansOfType(CloudWatchMeterRegistry.class)).hasSize(1);
      assertThat(context.getBeansOfType(PrometheusMeterRegistry.class)).isEmpty();
      assertThat(new Http(port).get("/actuator/health/readiness").statusCode()).isEqualTo(200);
      try (SqsClient sqs = TestAws.sqs(SQS.endpoint())) {
        assertThat(sqs.listQueues().queueUrls())
            .noneMatch(url -> url.endsWith("pageviews-retry-dlq"));
      }
    }
  }
}
