package io.newsrec.delivery.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PutRecordsChunksTest {

  @Test
  void aPutWithinBothLimitsIsOneCall() {
    assertThat(PutRecordsChunks.ends(sizes(500, 100), 500, 5_000_000)).containsExactly(500);
  }

  @Test
  void moreThan500RecordsAreSplitAt500() {
    assertThat(PutRecordsChunks.ends(sizes(1_201, 100), 500, 5_000_000))
        .containsExactly(500, 1_000, 1_201);
  }

  @Test
  void callsAreCutBeforeTheyWouldExceedTheByteLimit() {
    // 10 records of 300 bytes under a 1,000-byte limit: 3 per call (900), the last holds 1.
    assertThat(PutRecordsChunks.ends(sizes(10, 300), 500, 1_000)).containsExactly(3, 6, 9, 10);
  }

  @Test
  void aRecordExactlyAtTheLimitFillsACallAlone() {
    assertThat(PutRecordsChunks.ends(new long[] {10, 1_000, 10}, 500, 1_000))
        .containsExactly(1, 2, 3);
  }

  @Test
  void aRecordLargerThanACallIsRefused() {
    assertThatThrownBy(() -> PutRecordsChunks.ends(new long[] {1_001}, 500, 1_000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nothingToPutIsNoCall() {
    assertThat(PutRecordsChunks.ends(new long[0], 500, 1_000)).isEmpty();
  }

  private static long[] sizes(int n, long size) {
    long[] sizes = new long[n];
    Arrays.fill(sizes, size);
    return sizes;
  }
}
