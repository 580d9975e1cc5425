package io.newsrec.retry.app;

import static io.newsrec.testsupport.TestPageviews.of;
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
import io.newsrec.testsupport.KinesisFaultProxy;
import io.newsrec.testsupport.KinesisLocal;
import io.newsrec.testsupport.KinesisTestStreams;
import io.newsrec.testsupport.SqsTestQueues;
import io.newsrec.testsupport.TestAws;
import io.newsrec.testsupport.ToxicProxy;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The worker against kinesis-local and ElasticMQ, through the real AWS SDK. Kinesis is reached
 * through a {@link ToxicProxy} (to take it down without losing its data) and a {@link
 * KinesisFaultProxy} (to refuse some records).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class RetryWorkerIntegrationTest {

  @RegisterExtension static final KinesisLocal KINESIS = new KinesisLocal();
  @RegisterExtension static final ElasticMqServer ELASTICMQ = new ElasticMqServer();
  static final KinesisFaultProxy FAULTS = new KinesisFaultProxy(KINESIS.endpoint());
  static final ToxicProxy NETWORK = new ToxicProxy(FAULTS.endpoint().getPort());

  static final int MAX_RECEIVE_COUNT = 4;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("newsrec.aws.kinesis-endpoint", NETWORK::endpoint);
    registry.add("newsrec.aws.sqs-endpoint", ELASTICMQ::endpoint);
    registry.add("newsrec.retry.portals", () -> "g1,ge");
    registry.add("newsrec.retry.max-receive-count", () -> MAX_RECEIVE_COUNT);
    registry.add("newsrec.retry.visibility-timeout", () -> "3s");
    registry.add("newsrec.retry.backoff-first", () -> "1s");
    registry.add("newsrec.retry.backoff-max", () -> "1s");
    registry.add("newsrec.retry.put-pause", () -> "10ms");
    registry.add("newsrec.retry.depth-poll-interval", () -> "1s");
    registry.add("spring.cloud.aws.sqs.listener.poll-timeout", () -> "1s");
    // Generous SDK timeouts: on a loaded machine an attempt that times out after the server took it
    // is retried, and that duplicate (allowed, dropped downstream by eventId) would blur the checks
    // that each event lands once. The outage below refuses connections: it is seen at once anyway.
    registry.add("newsrec.aws.attempt-timeout", () -> "20s");
    registry.add("newsrec.aws.call-timeout", () -> "60s");
  }

  static KinesisClient kinesis;
  static SqsClient sqs;
  static SqsAsyncClient sqsAsync;

  @BeforeAll
  static void clients() {
    kinesis = TestAws.kinesis(KINESIS.endpoint());
    sqs = TestAws.sqs(ELASTICMQ.endpoint());
    sqsAsync =
        AwsClients.sqs(
            AwsSettings.local(KINESIS.endpoint(), ELASTICMQ.endpoint())
                .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(20), 1));
  }

  @AfterAll
  static void close() {
    kinesis.close();
    sqs.close();
    sqsAsync.close();
    NETWORK.close();
    FAULTS.close();
  }

  @Autowired RetryWorkerConfiguration.Queues queues;
  @Autowired MeterRegistry meters;
  @Autowired TestRestTemplate http;

  @Test
  void queuedEventsGoBackToTheirPortalsStreamAndTheMessageIsDeleted() {
    List<Pageview> g1 = of("g1", "reader-" + UUID.randomUUID(), 5);
    List<Pageview> ge = of("ge", "reader-" + UUID.randomUUID(), 2);

    queue(Stream.concat(g1.stream(), ge.stream()).toList());

    await().atMost(Duration.ofSeconds(30)).until(() -> inStreams(g1, "g1") && inStreams(ge, "ge"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> SqsTestQueues.depth(sqs, queues.retryQueueUrl()) == 0);
    assertThat(occurrences(g1, "g1")).containsOnly(1L);
    assertThat(readerOrder(g1, "g1")).containsExactlyElementsOf(g1); // one reader's order kept
  }

  @Test
  void whileKinesisIsDownTheMessageStaysQueuedAndOnceItIsBackTheEventsArrive() {
    List<Pageview> events = of("g1", "reader-" + UUID.randomUUID(), 3);
    double failedBefore = failed("g1");
    NETWORK.cut();
    try {
      queue(events);

      await().atMost(Duration.ofSeconds(30)).until(() -> failed("g1") > failedBefore);
      assertThat(SqsTestQueues.depth(sqs, queues.retryQueueUrl())).isEqualTo(1);
      assertThat(inStreams(events, "g1")).isFalse();
    } finally {
      NETWORK.restore();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> inStreams(events, "g1"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> SqsTestQueues.depth(sqs, queues.retryQueueUrl()) == 0);
    assertThat(SqsTestQueues.depth(sqs, queues.deadLetterQueueUrl())).isZero();
  }

  @Test
  void eventsThatKinesisRefusesAreReputAloneAndEachEventLandsOnce() {
    String throttled = "throttled-" + UUID.randomUUID();
    String fine = "fine-" + UUID.randomUUID();
    List<Pageview> events =
        List.of(pageview("g1", fine, 1), pageview("g1", throttled, 2), pageview("g1", fine, 3));
    FAULTS.rejectOnce(throttled::equals);
    try {
      queue(events);

      await().atMost(Duration.ofSeconds(30)).until(() -> inStreams(events, "g1"));
    } finally {
      FAULTS.rejectNone();
    }
    assertThat(occurrences(events, "g1")).containsOnly(1L);
    assertThat(FAULTS.putRecordsCalls()).contains(List.of(throttled));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> SqsTestQueues.depth(sqs, queues.retryQueueUrl()) == 0);
  }

  @Test
  void aPoisonMessageEndsInTheDeadLetterQueueAfterMaxReceives() {
    int before = SqsTestQueues.depth(sqs, queues.deadLetterQueueUrl());

    sqs.sendMessage(b -> b.queueUrl(queues.retryQueueUrl()).messageBody("{not pageviews"));

    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> SqsTestQueues.depth(sqs, queues.deadLetterQueueUrl()) == before + 1);
    assertThat(meters.get("newsrec.retry.poison").counter().count())
        .isGreaterThanOrEqualTo(MAX_RECEIVE_COUNT);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> SqsTestQueues.depth(sqs, queues.retryQueueUrl()) == 0);
  }

  @Test
  void metricsArePerPortalAndReadinessIsUp() {
    List<Pageview> events = of("ge", "reader-" + UUID.randomUUID(), 1);
    queue(events);
    await().atMost(Duration.ofSeconds(30)).until(() -> inStreams(events, "ge"));

    String prometheus = http.getForObject("/actuator/prometheus", String.class);
    assertThat(prometheus)
        .contains("newsrec_retry_reput_events_total{application=\"retry-worker\",portal=\"ge\"}")
        .contains("newsrec_retry_oldest_age_seconds{application=\"retry-worker\",portal=\"ge\"}")
        .contains(
            "newsrec_retry_queue_depth_messages{application=\"retry-worker\",queue=\"pageviews-retry\",state=\"visible\"}")
        .contains(
            "newsrec_retry_queue_depth_messages{application=\"retry-worker\",queue=\"pageviews-retry-dlq\",state=\"visible\"}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                http.getForEntity("/actuator/health/readiness", String.class).getStatusCode()
                    == HttpStatus.OK);
    assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private void queue(List<Pageview> events) {
    new SqsRetryQueue(sqsAsync, queues.retryQueueUrl()).send(events).join();
  }

  private double failed(String portal) {
    return meters.find("newsrec.retry.failed").tag("portal", portal).counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private static List<Pageview> read(String portal) {
    return KinesisTestStreams.readAll(kinesis, "pageviews-" + portal).stream()
        .map(r -> PageviewJson.decode(r.data()))
        .toList();
  }

  private static boolean inStreams(Collection<Pageview> events, String portal) {
    return read(portal).containsAll(events);
  }

  private static List<Long> occurrences(List<Pageview> events, String portal) {
    List<Pageview> stream = read(portal);
    return events.stream().map(e -> stream.stream().filter(e::equals).count()).toList();
  }

  private static List<Pageview> readerOrder(List<Pageview> events, String portal) {
    String user = events.get(0).userId();
    return read(portal).stream().filter(e -> e.userId().equals(user)).toList();
  }
}
