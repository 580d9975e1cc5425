package io.newsrec.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediansTest {

  @Test
  void takesTheMiddleOfAnOddCountWhateverTheOrder() {
    assertThat(Medians.of(List.of(41_000.0, 12_000.0, 39_500.0, 40_200.0, 38_000.0)))
        .isEqualTo(39_500.0);
  }

  @Test
  void averagesTheTwoMiddleValuesOfAnEvenCount() {
    assertThat(Medians.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }

  @Test
  void refusesAnEmptyList() {
    assertThatThrownBy(() -> Medians.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
