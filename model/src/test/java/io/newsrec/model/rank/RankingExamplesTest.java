package io.newsrec.model.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RankingExamplesTest {
  @Test
  void keepsGroupsRowsAndTheClickedRow() {
    RankingExamples data = new RankingExamples(2);
    data.addGroup(new float[][] {{1, 2}, {3, 4}}, 1);
    data.addGroup(new float[][] {{5, 6}, {7, 8}, {9, 10}}, 0);

    assertThat(data.groups()).isEqualTo(2);
    assertThat(data.rows()).isEqualTo(5);
    assertThat(data.groupStart(1)).isEqualTo(2);
    assertThat(data.groupStart(2)).isEqualTo(5);
    assertThat(data.positive(0)).isEqualTo(1);
    assertThat(data.positive(1)).isEqualTo(2);
    assertThat(data.value(3, 1)).isEqualTo(8f);
  }

  @Test
  void growsPastItsFirstArrays() {
    RankingExamples data = new RankingExamples(3);
    for (int g = 0; g < 5_000; g++) {
      data.addGroup(new float[][] {{g, 0, 0}, {0, g, 0}, {0, 0, g}, {g, g, g}}, g % 4);
    }

    assertThat(data.rows()).isEqualTo(20_000);
    assertThat(data.value(4 * 4_999 + 3, 2)).isEqualTo(4_999f);
    assertThat(data.positive(4_999)).isEqualTo(4 * 4_999 + 3);
  }

  @Test
  void rejectsAClickOutsideTheGroupAndRowsOfTheWrongLength() {
    RankingExamples data = new RankingExamples(2);
    assertThatThrownBy(() -> data.addGroup(new float[][] {{1, 2}}, 1))
        .hasMessageContaining("one of the group");
    assertThatThrownBy(() -> data.addGroup(new float[][] {{1, 2, 3}}, 0))
        .hasMessageContaining("expected 2 features");
  }
}
