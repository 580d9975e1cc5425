package io.newsrec.ingest.web;

import io.newsrec.ingest.testing.FakeDeliveryApplication;
import io.newsrec.ingest.testing.FakePageviewStreams;
import io.newsrec.ingest.testing.FakeRetryQueue;
import io.newsrec.ingest.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole service on a random port with in-memory fakes of Kinesis and SQS; subclasses share one
 * application context (with the Prometheus endpoint, which tests otherwise switch off).
 */
@AutoConfigureObservability
@SpringBootTest(
    classes = FakeDeliveryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "newsrec.ingest.portals=g1,ge",
      "newsrec.ingest.cors-origins.g1=https://g1.globo.com",
      "newsrec.ingest.cors-origins.ge=https://ge.globo.com",
      "newsrec.ingest.max-in-flight-events=600",
      "newsrec.ingest.put-attempts=2",
      "newsrec.ingest.first-backoff=1ms",
      "newsrec.ingest.call-timeout=1s",
      "newsrec.ingest.rate-limit.enabled=false",
      "newsrec.ingest.bench-endpoint-enabled=true"
    })
abstract class EndpointTest {

  @LocalServerPort int port;
  @Autowired FakePageviewStreams streams;
  @Autowired FakeRetryQueue retryQueue;
  Http http;

  @BeforeEach
  void connect() {
    http = new Http(port);
  }

  @AfterEach
  void resetFakes() {
    streams.reset();
    retryQueue.reset();
  }
}
