package io.newsrec.model.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventClockTest {
  @Test
  void itReadsTheQuorumThLatestTime() {
    EventClock clock = new EventClock(3);
    assertThat(clock.nowMs()).isEqualTo(Long.MIN_VALUE);

    for (long t : new long[] {50, 10, 40, 20, 30}) {
      clock.observe(t);
    }

    // latest three: 50, 40, 30
    assertThat(clock.nowMs()).isEqualTo(30);
  }

  @Test
  void whileFewerThanTheQuorumWereSeenItReadsTheEarliest() {
    EventClock clock = new EventClock(3);
    clock.observe(20);
    clock.observe(10);

    assertThat(clock.nowMs()).isEqualTo(10);
  }

  @Test
  void strayClicksFarAheadDoNotMoveItButTrafficDoes() {
    EventClock clock = new EventClock(3);
    for (long t = 1; t <= 10; t++) {
      clock.observe(t);
    }
    clock.observe(1_000_000);
    clock.observe(2_000_000);

    assertThat(clock.nowMs()).isEqualTo(10);

    clock.observe(11);

    assertThat(clock.nowMs()).isEqualTo(11);
  }

  @Test
  void aQuorumBelowOneIsRejected() {
    assertThatThrownBy(() -> new EventClock(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
