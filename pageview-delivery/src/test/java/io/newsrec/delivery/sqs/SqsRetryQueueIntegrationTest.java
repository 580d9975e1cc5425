package io.newsrec.delivery.sqs;

import static io.newsrec.testsupport.TestPageviews.big;
import static io.newsrec.testsupport.TestPageviews.many;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsrec.delivery.RetryMessage;
import io.newsrec.delivery.aws.AwsClients;
import io.newsrec.delivery.aws.AwsSettings;
import io.newsrec.events.Pageview;
import io.newsrec.testsupport.ElasticMqServer;
import io.newsrec.testsupport.SqsTestQueues;
import io.newsrec.testsupport.TestAws;
import io.newsrec.testsupport.TestPageviews;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The SQS adapter through the real AWS SDK against ElasticMQ. */
class SqsRetryQueueIntegrationTest {

  @RegisterExtension static final ElasticMqServer ELASTICMQ = new ElasticMqServer();

  private static final URI NO_KINESIS = URI.create("http://localhost:1");
  private static SqsClient sqs;

  @BeforeAll
  static void client() {
    sqs = TestAws.sqs(ELASTICMQ.endpoint());
  }

  @AfterAll
  static void close() {
    sqs.close();
  }

  @Test
  void sentEventsAreQueuedOneMessagePerPortal() {
    String url = queue("grouped");
    List<Pageview> events =
        Stream.of(many("g1", 3, 10), many("ge", 2, 5), many("gshow", 1, 1))
            .flatMap(List::stream)
            .toList();

    try (SqsAsyncClient client = client(ELASTICMQ.endpoint())) {
      new SqsRetryQueue(client, url).send(events).join();
    }

    List<RetryMessage> messages =
        SqsTestQueues.peek(sqs, url).stream().map(m -> RetryMessage.decode(m.body())).toList();
    assertThat(messages)
        .extracting(RetryMessage::portal)
        .containsExactlyInAnyOrder("g1", "ge", "gshow");
    assertThat(messages.stream().flatMap(m -> m.events().stream()))
        .containsExactlyInAnyOrderElementsOf(events);
  }

  @Test
  void aLargeSendIsSplitIntoMessagesWithinTheSqsSizeLimit() {
    String url = queue("large");
    List<Pageview> events =
        IntStream.range(0, 600).mapToObj(i -> big("g1", "u" + i % 9, i, 4_000)).toList();

    try (SqsAsyncClient client = client(ELASTICMQ.endpoint())) {
      new SqsRetryQueue(client, url).send(events).join();
    }

    List<Message> messages = SqsTestQueues.peek(sqs, url);
    assertThat(messages).hasSizeGreaterThan(5);
    assertThat(messages)
        .allSatisfy(
            m ->
                assertThat(m.body().getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(RetryMessage.MAX_BODY_BYTES));
    assertThat(
            messages.stream()
                .flatMap(m -> RetryMessage.decode(m.body()).events().stream())
                .map(Pageview::eventId))
        .containsExactlyInAnyOrderElementsOf(events.stream().map(Pageview::eventId).toList());
  }

  @Test
  void moreThanTenMessagesGoOutInSeveralBatches() {
    String url = queue("batches");
    List<Pageview> events =
        IntStream.range(0, 25).mapToObj(i -> TestPageviews.pageview("portal" + i, "u", i)).toList();

    try (SqsAsyncClient client = client(ELASTICMQ.endpoint())) {
      new SqsRetryQueue(client, url).send(events).join();
    }

    assertThat(SqsTestQueues.peek(sqs, url)).hasSize(25);
  }

  @Test
  void whenSqsDoesNotAnswerTheSendFailsAndTheQueueIsNotReachable() {
    try (SqsAsyncClient client = client(URI.create("http://localhost:1"))) {
      SqsRetryQueue queue = new SqsRetryQueue(client, "http://localhost:1/000000000000/nowhere");

      assertThatThrownBy(() -> queue.send(many("g1", 1, 1)).join())
          .hasCauseInstanceOf(Exception.class);
      assertThat(queue.reachable()).isFalse();
    }
  }

  @Test
  void aReachableQueueSaysSo() {
    try (SqsAsyncClient client = client(ELASTICMQ.endpoint())) {
      assertThat(new SqsRetryQueue(client, queue("probe")).reachable()).isTrue();
    }
  }

  private static String queue(String name) {
    return SqsTestQueues.createWithDeadLetter(sqs, name, name + "-dlq", 3, 30).queueUrl();
  }

  /** Generous timeouts: an embedded ElasticMQ in a cold JVM takes seconds for 256 KiB batches. */
  private static SqsAsyncClient client(URI endpoint) {
    return AwsClients.sqs(
        AwsSettings.local(NO_KINESIS, endpoint)
            .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(20), 1));
  }
}
