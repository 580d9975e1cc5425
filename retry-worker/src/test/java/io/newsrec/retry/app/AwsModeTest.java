package io.newsrec.retry.app;

import static io.newsrec.testsupport.TestPageviews.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsrec.delivery.RetryMessage;
import io.newsrec.events.Pageview;
import io.newsrec.events.PageviewJson;
import io.newsrec.testsupport.ElasticMqServer;
import io.newsrec.testsupport.FreePorts;
import io.newsrec.testsupport.KinesisLocal;
import io.newsrec.testsupport.KinesisTestStreams;
import io.newsrec.testsupport.SqsTestQueues;
import io.newsrec.testsupport.TestAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code aws} mode: the worker creates nothing (the streams and queues are the infrastructure
 * code's), finds the queues by name, and registers Spring Cloud AWS's CloudWatch registry instead
 * of Prometheus. The "AWS" is kinesis-local and ElasticMQ reached with credentials from the SDK's
 * default chain; CloudWatch, which has no endpoint override, goes to an unused port.
 */
class AwsModeTest {

  private static final KinesisLocal KINESIS = new KinesisLocal();
  private static final ElasticMqServer SQS = new ElasticMqServer();
  private static final Map<String, String> CHAIN =
      Map.of(
          "aws.accessKeyId", "test",
          "aws.secretAccessKey", "test",
          "aws.region", "us-east-1",
          "aws.endpointUrl", "http://localhost:" + FreePorts.next());

  private static SqsTestQueues.QueueWithDeadLetter queues;

  @BeforeAll
  static void infrastructureThatExistsAlready() {
    KINESIS.start();
    SQS.start();
    CHAIN.forEach(System::setProperty);
    try (KinesisClient kinesis = TestAws.kinesis(KINESIS.endpoint());
        SqsClient sqs = TestAws.sqs(SQS.endpoint())) {
      KinesisTestStreams.create(kinesis, "aws-pageviews-g1", 1);
      queues = SqsTestQueues.createWithDeadLetter(sqs, "aws-retry", "aws-retry-dlq", 5, 30);
    }
  }

  @AfterAll
  static void restore() {
    CHAIN.keySet().forEach(System::clearProperty);
    SQS.close();
    KINESIS.close();
  }

  @Test
  void awsModeCreatesNothingFindsTheQueuesAndPublishesToCloudWatch() {
    try (ConfigurableApplicationContext worker =
            SpringApplication.run(
                RetryWorkerApplication.class,
                "--spring.profiles.active=aws",
                "--server.port=0",
                "--newsrec.aws.region=us-east-1",
                "--newsrec.aws.kinesis-endpoint=" + KINESIS.endpoint(),
                "--newsrec.aws.sqs-endpoint=" + SQS.endpoint(),
                "--newsrec.retry.queue=aws-retry",
                "--newsrec.retry.dead-letter-queue=aws-retry-dlq",
                "--newsrec.retry.stream-prefix=aws-pageviews-",
                "--newsrec.retry.portals=g1,ge",
                "--spring.cloud.aws.sqs.listener.poll-timeout=1s",
                "--newsrec.aws.attempt-timeout=20s", // a loaded machine: see
                // TwoWorkersSideBySideTest
                "--newsrec.aws.call-timeout=60s",
                "--management.cloudwatch.metrics.export.step=1h");
        KinesisClient kinesis = TestAws.kinesis(KINESIS.endpoint());
        SqsClient sqs = TestAws.sqs(SQS.endpoint())) {
      assertThat(worker.getBean(RetryWorkerConfiguration.Queues.class))
          .isEqualTo(
              new RetryWorkerConfiguration.Queues(queues.queueUrl(), queues.deadLetterQueueUrl()));
      assertThat(worker.getBeansOfType(CloudWatchMeterRegistry.class)).hasSize(1);
      assertThat(worker.getBeansOfType(PrometheusMeterRegistry.class)).isEmpty();
      assertThat(kinesis.listStreams().streamNames()).containsExactly("aws-pageviews-g1");

      List<Pageview> events = of("g1", "reader-aws", 2);
      sqs.sendMessage(
          b ->
              b.queueUrl(queues.queueUrl())
                  .messageBody(RetryMessage.pack(events, RetryMessage.MAX_BODY_BYTES).get(0)));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  KinesisTestStreams.readAll(kinesis, "aws-pageviews-g1").stream()
                      .map(r -> PageviewJson.decode(r.data()))
                      .toList()
                      .containsAll(events));
    }
  }
}
