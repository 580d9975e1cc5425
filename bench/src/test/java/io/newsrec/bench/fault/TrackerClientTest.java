package io.newsrec.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.bench.load.TinyServer;
import io.newsrec.bench.traffic.SampleTraffic;
import io.newsrec.events.Pageview;
import io.newsrec.events.PageviewJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrackerClientTest {

  static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

  @Test
  void keepsResendingWhatWasRefusedUntilEveryEventIsAcknowledged() throws Exception {
    var requests = new AtomicInteger();
    Set<UUID> stored = ConcurrentHashMap.newKeySet();
    try (var server =
        new TinyServer(
            exchange -> {
              byte[] body = exchange.getRequestBody().readAllBytes();
              int n = requests.incrementAndGet();
              // Every third request is refused, every fifth throttled: the client must re-send.
              int status = n % 3 == 0 ? 503 : n % 5 == 0 ? 429 : 202;
              if (status == 202) {
                PageviewJson.decodeBatch(body).stream().map(Pageview::eventId).forEach(stored::add);
              }
              TinyServer.answer(exchange, status, new byte[0], false);
            })) {
      var traffic = new SampleTraffic(42, List.of("g1", "ge"), NOW);
      var client = new TrackerClient(server.address(), traffic, 1_000, 50, 4, 20_000);

      TrackerClient.Delivery delivery = client.run(Duration.ofSeconds(30));

      assertThat(delivery.events()).isEqualTo(1_000);
      assertThat(delivery.sent()).isEqualTo(1_000);
      assertThat(delivery.acknowledged()).hasSize(1_000).isEqualTo(stored);
      assertThat(delivery.answers()).containsKeys("202", "503", "429");
      assertThat(delivery.requests()).isEqualTo(requests.get()).isGreaterThan(20);
    }
  }

  @Test
  void countsAnUnreachableServerAsAnErrorAndAcknowledgesNothing() throws Exception {
    var traffic = new SampleTraffic(7, List.of("g1"), NOW);
    var nowhere = new java.net.InetSocketAddress("127.0.0.1", freePortNobodyListensOn());
    var client = new TrackerClient(nowhere, traffic, 10, 5, 1, 1_000);

    TrackerClient.Delivery delivery = client.run(Duration.ofMillis(500));

    assertThat(delivery.acknowledged()).isEmpty();
    assertThat(delivery.sent()).isEqualTo(10);
    assertThat(delivery.answers()).containsOnlyKeys("io-error");
  }

  static int freePortNobodyListensOn() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
