package io.newsrec.ingest.web;

import static io.newsrec.ingest.testing.Pageviews.event;
import static io.newsrec.ingest.testing.Pageviews.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.ingest.testing.FakeDeliveryApplication;
import io.newsrec.ingest.testing.Http;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(
    classes = FakeDeliveryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "newsrec.ingest.rate-limit.enabled=true",
      "newsrec.ingest.rate-limit.requests-per-second=0.1",
      "newsrec.ingest.rate-limit.burst=2"
    })
class RateLimitTest {

  @LocalServerPort int port;

  @Test
  void aClientOverItsRateIsAnswered429WithRetryAfter() {
    Http http = new Http(port);
    String body = json(event("g1", "u-1", 1));

    assertThat(http.postJson("/pageview", body).statusCode()).isEqualTo(202);
    assertThat(http.postJson("/pageview", body).statusCode()).isEqualTo(202);
    HttpResponse<String> limited = http.postJson("/pageview", body);

    assertThat(limited.statusCode()).isEqualTo(429);
    // 0.1 requests per second: the next token is at most 10 s away.
    assertThat(limited.headers().firstValue("Retry-After").map(Integer::parseInt))
        .hasValueSatisfying(s -> assertThat(s).isBetween(1, 10));
    assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }
}
