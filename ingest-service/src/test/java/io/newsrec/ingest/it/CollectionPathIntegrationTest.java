package io.newsrec.ingest.it;

import static io.newsrec.ingest.testing.Pageviews.event;
import static io.newsrec.ingest.testing.Pageviews.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.delivery.RetryMessage;
import io.newsrec.events.Pageview;
import io.newsrec.events.PageviewJson;
import io.newsrec.ingest.IngestApplication;
import io.newsrec.ingest.testing.Http;
import io.newsrec.testsupport.ElasticMqServer;
import io.newsrec.testsupport.KinesisFaultProxy;
import io.newsrec.testsupport.KinesisLocal;
import io.newsrec.testsupport.KinesisTestStreams;
import io.newsrec.testsupport.SqsTestQueues;
import io.newsrec.testsupport.StreamRecord;
import io.newsrec.testsupport.TestAws;
import io.newsrec.testsupport.ToxicProxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole service, in local mode, through the real AWS SDK against kinesis-local and ElasticMQ:
 * it creates its streams and queues at start-up like in production's local mode. Between the
 * service and kinesis-local sit a proxy that can make {@code PutRecords} fail in part and one that
 * can cut the connection.
 */
@SpringBootTest(
    classes = IngestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "newsrec.ingest.portals=g1,ge",
      "newsrec.ingest.rate-limit.enabled=false",
      "newsrec.ingest.put-attempts=2",
      "newsrec.ingest.first-backoff=10ms",
      "newsrec.ingest.call-timeout=3s",
      "newsrec.aws.max-retries=0",
      "newsrec.aws.attempt-timeout=5s",
      "newsrec.aws.shards-per-stream=2"
    })
class CollectionPathIntegrationTest {

  @RegisterExtension static final KinesisLocal KINESIS = new KinesisLocal();
  @RegisterExtension static final ElasticMqServer SQS = new ElasticMqServer();
  static final ToxicProxy CUTTABLE = new ToxicProxy(KINESIS.port());
  static final KinesisFaultProxy FAULTS = new KinesisFaultProxy(CUTTABLE.endpoint());

  @DynamicPropertySource
  static void endpoints(DynamicPropertyRegistry registry) {
    registry.add("newsrec.aws.kinesis-endpoint", () -> FAULTS.endpoint().toString());
    registry.add("newsrec.aws.sqs-endpoint", () -> SQS.endpoint().toString());
  }

  @LocalServerPort int port;

  @AfterEach
  void heal() {
    CUTTABLE.restore();
    FAULTS.rejectNone();
  }

  @Test
  void eventsReachTheirPortalsStreamInOrderPerUser() {
    Http http = new Http(port);
    List<Pageview> sent = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      List<Pageview> request = new ArrayList<>();
      for (String user : List.of("order-a", "order-b", "order-c")) {
        request.add(event(n % 2 == 0 ? "g1" : "ge", user, n));
        request.add(event("g1", user, 100 + n));
      }
      assertThat(http.postJson("/pageview", json(request)).statusCode()).isEqualTo(202);
      sent.addAll(request);
    }

    try (KinesisClient kinesis = TestAws.kinesis(KINESIS.endpoint())) {
      for (String portal : List.of("g1", "ge")) {
        List<Pageview> stored = read(kinesis, portal);
        for (String user : List.of("order-a", "order-b", "order-c")) {
          List<Pageview> expected =
              sent.stream()
                  .filter(e -> e.portal().equals(portal) && e.userId().equals(user))
                  .toList();
          assertThat(stored.stream().filter(e -> e.userId().equals(user)).toList())
              .as("%s's events in pageviews-%s", user, portal)
              .containsExactlyElementsOf(expected);
        }
      }
    }
  }

  @Test
  void aPartialPutRecordsFailureResendsOnlyTheRefusedRecords() {
    List<Pageview> batch =
        IntStream.range(0, 4).mapToObj(i -> event("ge", "partial-" + i, i)).toList();
    FAULTS.rejectOnce(key -> key.equals("partial-1") || key.equals("partial-3"));
    int callsBefore = FAULTS.putRecordsCalls().size();

    assertThat(new Http(port).postJson("/pageview", json(batch)).statusCode()).isEqualTo(202);

    List<List<String>> calls =
        FAULTS.putRecordsCalls().subList(callsBefore, FAULTS.putRecordsCalls().size());
    assertThat(calls)
        .containsExactly(
            List.of("partial-0", "partial-1", "partial-2", "partial-3"),
            List.of("partial-1", "partial-3"));
    try (KinesisClient kinesis = TestAws.kinesis(KINESIS.endpoint())) {
      assertThat(read(kinesis, "ge").stream().filter(e -> e.userId().startsWith("partial-")))
          .containsExactlyInAnyOrderElementsOf(batch);
    }
  }

  @Test
  void whenKinesisIsUnreachableTheEventsLandInTheRetryQueueAndTheAnswerIsStill202() {
    CUTTABLE.cut();
    List<Pageview> batch = List.of(event("g1", "outage-1", 1), event("g1", "outage-2", 2));

    assertThat(new Http(port).postJson("/pageview", json(batch)).statusCode()).isEqualTo(202);

    try (SqsClient sqs = TestAws.sqs(SQS.endpoint())) {
      String queueUrl = sqs.getQueueUrl(b -> b.queueName("pageviews-retry")).queueUrl();
      // 202 means durable: the events must be in the queue now, no waiting.
      assertThat(
              SqsTestQueues.peek(sqs, queueUrl).stream()
                  .flatMap(m -> RetryMessage.decode(m.body()).events().stream())
                  .filter(e -> e.userId().startsWith("outage-"))
                  .toList())
          .containsExactlyInAnyOrderElementsOf(batch);
    }
    assertThat(new Http(port).get("/actuator/health/readiness").statusCode()).isEqualTo(200);
  }

  @Test
  void noAcknowledgedEventIsLostWhileKinesisGoesAwayAndComesBack() {
    Http http = new Http(port);
    Set<UUID> acknowledged = new HashSet<>();
    int sent = 0;
    for (int request = 0; request < 30; request++) {
      if (request == 10) {
        CUTTABLE.cut();
      } else if (request == 20) {
        CUTTABLE.restore();
      }
      List<Pageview> batch = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        batch.add(event(i % 2 == 0 ? "g1" : "ge", "fault-" + (i % 5), request * 20 + i));
      }
      sent += batch.size();
      // As the tracker does: what is not acknowledged is sent again.
      int status = 0;
      for (int attempt = 0; attempt < 5 && status != 202; attempt++) {
        status = http.postJson("/pageview", json(batch)).statusCode();
      }
      assertThat(status).as("request %d", request).isEqualTo(202);
      batch.forEach(e -> acknowledged.add(e.eventId()));
    }

    Set<UUID> found = new HashSet<>();
    try (KinesisClient kinesis = TestAws.kinesis(KINESIS.endpoint())) {
      for (String portal : List.of("g1", "ge")) {
        read(kinesis, portal).stream()
            .filter(e -> e.userId().startsWith("fault-"))
            .forEach(e -> found.add(e.eventId()));
      }
    }
    try (SqsClient sqs = TestAws.sqs(SQS.endpoint())) {
      String queueUrl = sqs.getQueueUrl(b -> b.queueName("pageviews-retry")).queueUrl();
      SqsTestQueues.peek(sqs, queueUrl).stream()
          .flatMap(m -> RetryMessage.decode(m.body()).events().stream())
          .filter(e -> e.userId().startsWith("fault-"))
          .forEach(e -> found.add(e.eventId()));
    }
    assertThat(acknowledged).hasSize(sent);
    assertThat(found).containsAll(acknowledged);
  }

  private static List<Pageview> read(KinesisClient kinesis, String portal) {
    return KinesisTestStreams.readAll(kinesis, "pageviews-" + portal).stream()
        .map(StreamRecord::data)
        .map(PageviewJson::decode)
        .toList();
  }
}
