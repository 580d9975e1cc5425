package io.newsrec.ingest.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void theWaitDoublesAfterEachFailedAttempt() {
    Duration first = Duration.ofMillis(50);

    assertThat(Backoff.after(1, first)).isEqualTo(Duration.ofMillis(50));
    assertThat(Backoff.after(2, first)).isEqualTo(Duration.ofMillis(100));
    assertThat(Backoff.after(3, first)).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void theWaitNeverExceedsOneSecond() {
    assertThat(Backoff.after(6, Duration.ofMillis(50))).isEqualTo(Duration.ofSeconds(1));
    assertThat(Backoff.after(60, Duration.ofMillis(50))).isEqualTo(Duration.ofSeconds(1));
  }
}
