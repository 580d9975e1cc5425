package io.newsrec.model.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TimeKernelCountsTest {
  /** On a minute boundary, so that bucket starts and click times coincide. */
  private static final long T0 = 1_700_000_040_000L;

  private static final long MINUTE = 60_000L;
  private static final int A = 1;
  private static final int B = 2;

  @Test
  void aRequestAfterEveryClickReadsThePlainDecayedCount() {
    TimeKernelCounts counts = new TimeKernelCounts(10 * MINUTE, 3);
    counts.add(TimeKernelCounts.ANY, A, T0, 1.0);
    counts.add(TimeKernelCounts.ANY, A, T0 + 10 * MINUTE, 1.0);
    counts.add(TimeKernelCounts.ANY, B, T0 + 20 * MINUTE, 2.0);

    Scores out = read(counts, TimeKernelCounts.ANY, T0 + 20 * MINUTE);

    // a: 2^-2 + 2^-1; b: weight 2 of now
    assertThat(out.get(A)).isCloseTo(0.75, within(1e-12));
    assertThat(out.get(B)).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void clicksLaterThanTheRequestCountByTheirDistanceNotMore() {
    // a state that runs ahead of the request: 20 min later is two half-lives away, 0.25, where a
    // count decayed to the state's clock would have weighed it 4 times a click at the request
    TimeKernelCounts counts = new TimeKernelCounts(10 * MINUTE, 3);
    counts.add(TimeKernelCounts.ANY, A, T0 + 20 * MINUTE, 1.0);
    counts.add(TimeKernelCounts.ANY, B, T0 - 10 * MINUTE, 1.0);

    Scores out = read(counts, TimeKernelCounts.ANY, T0);

    assertThat(out.get(A)).isCloseTo(0.25, within(1e-12));
    assertThat(out.get(B)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void secondsWithinAMinuteAreKeptOnBothSides() {
    // 10.5 min before and 19.5 min after the request, whatever the minute buckets
    TimeKernelCounts counts = new TimeKernelCounts(10 * MINUTE, 3);
    counts.add(TimeKernelCounts.ANY, A, T0 + 30_000, 1.0);
    counts.add(TimeKernelCounts.ANY, B, T0 + 40 * MINUTE + 30_000, 1.0);

    Scores out = read(counts, TimeKernelCounts.ANY, T0 + 21 * MINUTE);

    assertThat(out.get(A)).isCloseTo(Math.pow(2, -2.05), within(1e-12));
    assertThat(out.get(B)).isCloseTo(Math.pow(2, -1.95), within(1e-12));
  }

  @Test
  void clicksBeyondThreeHalfLivesAreNotRead() {
    TimeKernelCounts counts = new TimeKernelCounts(10 * MINUTE, 3);
    counts.add(TimeKernelCounts.ANY, A, T0, 1.0);
    counts.add(TimeKernelCounts.ANY, B, T0 + MINUTE, 1.0);

    Scores out = read(counts, TimeKernelCounts.ANY, T0 + 31 * MINUTE);

    assertThat(out.contains(A)).isFalse();
    assertThat(out.get(B)).isCloseTo(0.125, within(1e-12));
  }

  @Test
  void aWiderSpanReadsFurther() {
    TimeKernelCounts counts = new TimeKernelCounts(10 * MINUTE, 12);
    counts.add(TimeKernelCounts.ANY, A, T0, 1.0);

    assertThat(read(counts, TimeKernelCounts.ANY, T0 + 31 * MINUTE).get(A))
        .isCloseTo(Math.pow(2, -3.1), within(1e-12));
    assertThat(read(counts, TimeKernelCounts.ANY, T0 + 121 * MINUTE).contains(A)).isFalse();
  }

  @Test
  void eachSourceReadsOnlyItsOwnTargets() {
    // next clicks: 7→a twice, 8→b
    TimeKernelCounts counts = new TimeKernelCounts(10 * MINUTE, 3);
    counts.add(7, A, T0, 1.0);
    counts.add(7, A, T0, 1.0);
    counts.add(8, B, T0, 1.0);

    Scores out = read(counts, 7, T0);

    assertThat(out.size()).isEqualTo(1);
    assertThat(out.get(A)).isCloseTo(2.0, within(1e-12));
    assertThat(read(counts, TimeKernelCounts.ANY, T0).size()).isZero();
  }

  @Test
  void expiryDropsTheMinutesBeforeTheCutoffAlsoAfterALongJump() {
    TimeKernelCounts counts = new TimeKernelCounts(10 * MINUTE, 3);
    counts.add(TimeKernelCounts.ANY, A, T0, 1.0);
    counts.add(TimeKernelCounts.ANY, A, T0 + MINUTE, 1.0);
    counts.add(TimeKernelCounts.ANY, B, T0 + 5 * MINUTE, 1.0);

    counts.expireBefore(T0 + 2 * MINUTE);

    assertThat(counts.buckets()).isEqualTo(1);
    assertThat(read(counts, TimeKernelCounts.ANY, T0 + 5 * MINUTE).contains(A)).isFalse();

    counts.expireBefore(T0 + 10 * 24 * 60 * MINUTE);

    assertThat(counts.buckets()).isZero();
  }

  @Test
  void anInfiniteOrNonPositiveHalfLifeOrSpanIsRejected() {
    assertThatThrownBy(() -> new TimeKernelCounts(MINUTE, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TimeKernelCounts(0, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TimeKernelCounts(Double.POSITIVE_INFINITY, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Scores read(TimeKernelCounts counts, int source, long nowMs) {
    Scores out = new Scores();
    counts.scoreAround(source, nowMs, out);
    return out;
  }
}
