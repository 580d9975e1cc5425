package io.newsrec.ingest.web;

import static io.newsrec.ingest.testing.Pageviews.event;
import static io.newsrec.ingest.testing.Pageviews.events;
import static io.newsrec.ingest.testing.Pageviews.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.events.Pageview;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class PageviewEndpointTest extends EndpointTest {

  @Test
  void aSingleEventIsAcceptedOnceItIsInItsPortalsStream() {
    Pageview event = event("g1", "u-1", 1);

    HttpResponse<String> response = http.postJson("/pageview", json(event));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("{\"accepted\":1}");
    assertThat(streams.stored("g1")).containsExactly(event);
  }

  @Test
  void aBeaconSentAsTextPlainIsAcceptedLikeJson() {
    List<Pageview> batch = events("ge", "u-2", 3);

    HttpResponse<String> response =
        http.post(
            "/pageview",
            "text/plain;charset=UTF-8",
            json(batch).getBytes(StandardCharsets.UTF_8),
            "Origin",
            "https://ge.globo.com");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://ge.globo.com");
    assertThat(streams.stored("ge")).containsExactlyElementsOf(batch);
  }

  @Test
  void aBatchIsRoutedToEachEventsPortal() {
    Pageview g1 = event("g1", "u-1", 1);
    Pageview ge = event("ge", "u-1", 2);

    assertThat(http.postJson("/pageview", json(List.of(g1, ge))).statusCode()).isEqualTo(202);

    assertThat(streams.stored("g1")).containsExactly(g1);
    assertThat(streams.stored("ge")).containsExactly(ge);
  }

  @Test
  void whenKinesisIsDownTheEventsLandInTheRetryQueueAndTheAnswerIsStill202() {
    streams.down(true);
    List<Pageview> batch = events("g1", "u-1", 2);

    assertThat(http.postJson("/pageview", json(batch)).statusCode()).isEqualTo(202);
    assertThat(retryQueue.stored()).containsExactlyElementsOf(batch);
  }

  @Test
  void whenKinesisAndTheRetryQueueAreBothDownTheAnswerIs503WithRetryAfter() {
    streams.down(true);
    retryQueue.down(true);

    HttpResponse<String> response = http.postJson("/pageview", json(event("g1", "u-1", 1)));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void aFullBufferIsAnswered503AtOnce() {
    streams.hold("g1");
    CompletableFuture<HttpResponse<String>> filling =
        CompletableFuture.supplyAsync(
            () -> http.postJson("/pageview", json(events("g1", "u-1", 500))));
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> streams.puts().stream().anyMatch(p -> p.portal().equals("g1")));

    HttpResponse<String> refused = http.postJson("/pageview", json(events("g1", "u-2", 101)));

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.body()).contains("buffer of portal g1 is full");
    streams.release("g1");
    assertThat(filling.join().statusCode()).isEqualTo(202);
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnswered() {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(http.uri("/pageview"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://g1.globo.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://g1.globo.com");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
  }

  @Test
  void anOriginNoPortalAllowsIsForbidden() {
    HttpResponse<String> response =
        http.postJson("/pageview", json(event("g1", "u-1", 1)), "Origin", "https://evil.example");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(streams.puts()).isEmpty();
  }

  @Test
  void onePortalsPageCannotWriteIntoAnotherPortalsStream() {
    HttpResponse<String> response =
        http.postJson("/pageview", json(event("ge", "u-1", 1)), "Origin", "https://g1.globo.com");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"field\":\"portal\"")
        .contains("not allowed from this origin");
    assertThat(streams.puts()).isEmpty();
  }

  @Test
  void theBenchEndpointReadsTheBodyAndAnswers202() {
    assertThat(http.postJson("/bench/noop", json(events("g1", "u", 10))).statusCode())
        .isEqualTo(202);
    assertThat(streams.puts()).isEmpty();
  }

  @Test
  void readinessIsDownOnlyWhenNeitherKinesisNorTheQueueIsReachable() {
    streams.down(true);
    assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

    retryQueue.down(true);
    HttpResponse<String> down = http.get("/actuator/health/readiness");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).contains("\"kinesis\":\"unreachable\"");
    assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
  }
}
