package io.newsrec.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

  static final byte[] REQUEST =
      HttpConnection.post("/pageview", "application/json", "{}".getBytes(StandardCharsets.UTF_8));

  @Test
  void anOpenLoopRunSendsAtTheRequestedRateAndCountsEveryAnswer() throws Exception {
    var received = new AtomicInteger();
    try (var server =
        new TinyServer(
            exchange -> {
              received.incrementAndGet();
              TinyServer.answer(exchange, 202, new byte[0], false);
            })) {
      var spec =
          new LoadSpec(
              server.address(),
              List.of(REQUEST),
              10,
              4,
              400,
              Duration.ofMillis(200),
              Duration.ofSeconds(1));

      LoadResult result = LoadGenerator.run(spec);

      // 400 requests/s for 1 s measured, after 80 of warm-up.
      assertThat(result.requests()).isEqualTo(400);
      assertThat(result.failures()).isZero();
      assertThat(result.eventsPerSecond()).isEqualTo(4000.0);
      assertThat(received.get()).isEqualTo(480);
    }
  }

  @Test
  void aServerStallCountsInTheLatencyOfEveryRequestDueDuringIt() throws Exception {
    var first = new AtomicInteger();
    try (var server =
        new TinyServer(
            exchange -> {
              if (first.getAndIncrement() == 0) {
                sleep(Duration.ofMillis(300));
              }
              TinyServer.answer(exchange, 202, new byte[0], false);
            })) {
      var spec =
          new LoadSpec(
              server.address(), List.of(REQUEST), 1, 1, 200, Duration.ZERO, Duration.ofSeconds(1));

      LoadResult result = LoadGenerator.run(spec);

      // One connection, one request every 5 ms: the ~60 requests due during the 300 ms stall
      // waited behind it. Timing from the actual send would show only the first as slow.
      assertThat(result.requests()).isEqualTo(200);
      assertThat(result.maxMillis()).isGreaterThanOrEqualTo(300);
      long slow = result.latency().getCountBetweenValues(100_000, Long.MAX_VALUE);
      assertThat(slow).isGreaterThanOrEqualTo(40);
    }
  }

  @Test
  void aClosedLoopRunCountsFailuresAndReadsChunkedAnswers() throws Exception {
    var count = new AtomicInteger();
    byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    try (var server =
        new TinyServer(
            exchange ->
                TinyServer.answer(
                    exchange, count.incrementAndGet() % 2 == 0 ? 503 : 200, body, true))) {
      var spec =
          new LoadSpec(
              server.address(), List.of(REQUEST), 100, 2, 0, Duration.ZERO, Duration.ofMillis(500));

      LoadResult result = LoadGenerator.run(spec);

      assertThat(result.requests()).isPositive();
      assertThat(result.failures()).isBetween(result.requests() - 2, result.requests() + 2);
      assertThat(result.requests() + result.failures()).isEqualTo(count.get());
    }
  }

  /** A server-side stall, the behaviour under test; not a wait in the test. */
  static void sleep(Duration stall) {
    try {
      Thread.sleep(stall);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
