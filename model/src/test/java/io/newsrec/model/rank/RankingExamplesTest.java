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
  void keepsRowsThatStraddleItsBlocks() {
    // blocks of 8 floats and rows of 3: row 2 spans floats 6-8, across the first block's end
    RankingExamples data = new RankingExamples(3, 3);
    for (int g = 0; g < 100; g++) {
      data.addGroup(new float[][] {{g, g + 0.25f, g + 0.5f}, {-g, -g - 0.25f, -g - 0.5f}}, 1);
    }

    assertThat(data.rows()).isEqualTo(200);
    for (int g = 0; g < 100; g++) {
      assertThat(data.value(2 * g, 0)).isEqualTo((float) g);
      assertThat(data.value(2 * g, 1)).isEqualTo(g + 0.25f);
      assertThat(data.value(2 * g, 2)).isEqualTo(g + 0.5f);
      assertThat(data.value(2 * g + 1, 2)).isEqualTo(-g - 0.5f);
      assertThat(data.positive(g)).isEqualTo(2 * g + 1);
    }
  }

  @Test
  void rejectsAClickOutsideTheGroupAndRowsOfTheWrongLength() {
    RankingExamples data = new RankingExamples(2);
    assertThatThrownBy(() -> data.addGroup(new float[][] {{1, 2}}, 1))
        .hasMessageContaining("one of the group");
    assertThatThrownBy(() -> data.addGroup(new float[][] {{1, 2}, {1, 2, 3}}, 0))
        .hasMessageContaining("expected 2 features");
    // a rejected group leaves nothing behind
    assertThat(data.rows()).isZero();
    assertThat(data.groups()).isZero();
  }
}
