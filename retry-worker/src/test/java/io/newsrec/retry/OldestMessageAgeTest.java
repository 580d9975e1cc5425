package io.newsrec.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OldestMessageAgeTest {

  // Windows of 60 s: [0, 60), [60, 120), ... seconds after the epoch.
  private final OldestMessageAge age = new OldestMessageAge(Duration.ofSeconds(60));

  private static Instant at(long seconds) {
    return Instant.ofEpochSecond(seconds);
  }

  @Test
  void nothingReceivedIsAgeZero() {
    assertThat(age.oldest("g1", at(100))).isZero();
  }

  @Test
  void theAgeIsNowMinusTheOldestSentTimeSeen() {
    age.received("g1", at(70), at(80));
    age.received("g1", at(50), at(81));
    age.received("g1", at(75), at(82));

    assertThat(age.oldest("g1", at(90))).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void theOldestOfThePreviousWindowStillCounts() {
    age.received("g1", at(10), at(50)); // window 0
    age.received("g1", at(65), at(70)); // window 1

    assertThat(age.oldest("g1", at(100))).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void twoWindowsWithoutReceivesBringItBackToZero() {
    age.received("g1", at(10), at(50)); // window 0

    assertThat(age.oldest("g1", at(119))).isEqualTo(Duration.ofSeconds(109)); // window 1
    assertThat(age.oldest("g1", at(120))).isZero(); // window 2
  }

  @Test
  void aMessageThatKeepsComingBackMakesTheAgeGrow() {
    age.received("g1", at(0), at(10));
    age.received("g1", at(0), at(200));

    assertThat(age.oldest("g1", at(200))).isEqualTo(Duration.ofSeconds(200));
  }

  @Test
  void portalsAreSeparate() {
    age.received("g1", at(0), at(10));

    assertThat(age.oldest("ge", at(20))).isZero();
  }
}
