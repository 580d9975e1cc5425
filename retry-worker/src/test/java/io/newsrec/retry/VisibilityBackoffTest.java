package io.newsrec.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VisibilityBackoffTest {

  private final VisibilityBackoff backoff =
      new VisibilityBackoff(Duration.ofSeconds(30), Duration.ofMinutes(15));

  @Test
  void theHidingTimeDoublesWithEachReceiveUpToTheMaximum() {
    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(480));
    assertThat(backoff.after(6)).isEqualTo(Duration.ofMinutes(15)); // 960 s, capped at 900
    assertThat(backoff.after(1_000)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void tenReceivesSpreadOverAboutAnHourAndAHalf() {
    long total = 0;
    for (int receive = 1; receive <= 10; receive++) {
      total += backoff.after(receive).toSeconds();
    }
    // 30 + 60 + 120 + 240 + 480 + 5 x 900
    assertThat(total).isEqualTo(5_430);
  }

  @Test
  void neverLongerThanSqsAllows() {
    assertThat(new VisibilityBackoff(Duration.ofHours(1), Duration.ofDays(2)).after(10))
        .isEqualTo(Duration.ofHours(12));
  }

  @Test
  void aMissingReceiveCountCountsAsTheFirst() {
    assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aMaximumBelowTheFirstIsRefused() {
    assertThatThrownBy(() -> new VisibilityBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
