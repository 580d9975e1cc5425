package io.newsrec.ingest.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.ingest.ratelimit.ClientRateLimiter.Decision;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);

  @Test
  void aClientMaySendItsBurstAtOnceThenIsLimited() {
    ClientRateLimiter limiter = new ClientRateLimiter(10, 3, 100, clock::get);

    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("a")).isInstanceOf(Decision.Allowed.class);
    }
    // 10 per second: the next token is 100 ms away.
    assertThat(limiter.tryAcquire("a")).isEqualTo(new Decision.Limited(Duration.ofMillis(100)));
  }

  @Test
  void tokensComeBackAtTheConfiguredRate() {
    ClientRateLimiter limiter = new ClientRateLimiter(10, 1, 100, clock::get);
    limiter.tryAcquire("a");

    clock.addAndGet(Duration.ofMillis(60).toNanos());
    assertThat(limiter.tryAcquire("a")).isEqualTo(new Decision.Limited(Duration.ofMillis(40)));
    clock.addAndGet(Duration.ofMillis(40).toNanos());
    assertThat(limiter.tryAcquire("a")).isInstanceOf(Decision.Allowed.class);
  }

  @Test
  void oneClientsFloodDoesNotLimitAnother() {
    ClientRateLimiter limiter = new ClientRateLimiter(1, 1, 100, clock::get);
    limiter.tryAcquire("a");

    assertThat(limiter.tryAcquire("a")).isInstanceOf(Decision.Limited.class);
    assertThat(limiter.tryAcquire("b")).isInstanceOf(Decision.Allowed.class);
  }

  @Test
  void idleClientsAreForgottenWhenTheTableIsFull() {
    ClientRateLimiter limiter = new ClientRateLimiter(10, 1, 2, clock::get);
    limiter.tryAcquire("a");
    limiter.tryAcquire("b");
    clock.addAndGet(Duration.ofSeconds(1).toNanos()); // both buckets full again

    limiter.tryAcquire("c");

    assertThat(limiter.trackedClients()).isEqualTo(1);
  }
}
