package io.newsrec.retry.app;

import static io.newsrec.testsupport.TestPageviews.pageview;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsrec.delivery.aws.AwsClients;
import io.newsrec.delivery.aws.AwsSettings;
import io.newsrec.delivery.sqs.SqsRetryQueue;
import io.newsrec.events.Pageview;
import io.newsrec.events.PageviewJson;
import io.newsrec.testsupport.ElasticMqServer;
import io.newsrec.testsupport.KinesisLocal;
import io.newsrec.testsupport.KinesisTestStreams;
import io.newsrec.testsupport.SqsTestQueues;
import io.newsrec.testsupport.TestAws;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Two workers drain one queue: every event lands once (no message handled by both), both take part.
 */
class TwoWorkersSideBySideTest {

  @RegisterExtension static final KinesisLocal KINESIS = new KinesisLocal();
  @RegisterExtension static final ElasticMqServer ELASTICMQ = new ElasticMqServer();

  private static final int MESSAGES = 60;

  @Test
  void twoWorkersShareTheQueueAndEachMessageIsHandledByOne() {
    try (ConfigurableApplicationContext first = worker();
        ConfigurableApplicationContext second = worker();
        KinesisClient kinesis = TestAws.kinesis(KINESIS.endpoint());
        SqsClient sqs = TestAws.sqs(ELASTICMQ.endpoint());
        SqsAsyncClient sqsAsync =
            AwsClients.sqs(
                AwsSettings.local(KINESIS.endpoint(), ELASTICMQ.endpoint())
                    .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(20), 1))) {
      String queueUrl = first.getBean(RetryWorkerConfiguration.Queues.class).retryQueueUrl();
      SqsRetryQueue queue = new SqsRetryQueue(sqsAsync, queueUrl);
      List<Pageview> events =
          IntStream.range(0, MESSAGES)
              .mapToObj(i -> pageview("g1", "reader-" + UUID.randomUUID(), i))
              .toList();

      // One message per event, sent together while both workers are polling.
      CompletableFuture.allOf(
              events.stream().map(e -> queue.send(List.of(e))).toArray(CompletableFuture[]::new))
          .join();

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> KinesisTestStreams.readAll(kinesis, "pageviews-g1").size() >= MESSAGES);
      await().atMost(Duration.ofSeconds(10)).until(() -> SqsTestQueues.depth(sqs, queueUrl) == 0);
      List<Pageview> stream =
          KinesisTestStreams.readAll(kinesis, "pageviews-g1").stream()
              .map(r -> PageviewJson.decode(r.data()))
              .toList();
      assertThat(
              stream.stream()
                  .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
          .hasSize(MESSAGES)
          .allSatisfy((event, count) -> assertThat(count).isOne());
      assertThat(stream).containsExactlyInAnyOrderElementsOf(events);
      assertThat(reput(first) + reput(second)).isEqualTo(MESSAGES);
      assertThat(reput(first)).isPositive();
      assertThat(reput(second)).isPositive();
    }
  }

  private static ConfigurableApplicationContext worker() {
    // Command-line arguments: they take precedence over application.yaml, as the env vars would.
    // Generous SDK timeouts: on a loaded machine an attempt that times out after the server took it
    // is retried, and the duplicate (allowed, dropped downstream by eventId) would blur what this
    // test checks, that no message is handled by both workers.
    return new SpringApplicationBuilder(RetryWorkerApplication.class)
        .run(
            "--server.port=0",
            "--newsrec.aws.attempt-timeout=20s",
            "--newsrec.aws.call-timeout=60s",
            "--newsrec.aws.kinesis-endpoint=" + KINESIS.endpoint(),
            "--newsrec.aws.sqs-endpoint=" + ELASTICMQ.endpoint(),
            "--newsrec.retry.portals=g1",
            "--newsrec.retry.visibility-timeout=30s",
            "--spring.cloud.aws.sqs.listener.poll-timeout=1s",
            "--spring.cloud.aws.sqs.listener.max-messages-per-poll=5");
  }

  private static double reput(ConfigurableApplicationContext worker) {
    return worker.getBean(MeterRegistry.class).find("newsrec.retry.reput").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }
}
