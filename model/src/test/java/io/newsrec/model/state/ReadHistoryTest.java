package io.newsrec.model.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class ReadHistoryTest {
  /** Article 9 is no longer recommendable (not clicked within the horizon); the rest are. */
  private static final IntPredicate RECOMMENDABLE = article -> article != 9;

  @Test
  void aFullHistoryDropsAReadThatCannotBeRecommendedBeforeAnyOther() {
    ReadHistory history = new ReadHistory(3, 10);
    history.record("u", 1, RECOMMENDABLE);
    history.record("u", 9, RECOMMENDABLE);
    history.record("u", 2, RECOMMENDABLE);

    history.record("u", 3, RECOMMENDABLE);

    // 1 is older than 9, but 9 can no longer be recommended: forgetting it costs nothing
    assertThat(history.of("u").toIntArray()).containsExactly(1, 2, 3);
  }

  @Test
  void whenEveryReadIsRecommendableTheOldestGoes() {
    ReadHistory history = new ReadHistory(3, 10);
    for (int article = 1; article <= 4; article++) {
      history.record("u", article, RECOMMENDABLE);
    }

    assertThat(history.of("u").toIntArray()).containsExactly(2, 3, 4);
  }

  @Test
  void aRepeatedReadIsKeptOnceAndTheLeastRecentReaderIsForgotten() {
    ReadHistory history = new ReadHistory(3, 2);
    history.record("a", 1, RECOMMENDABLE);
    history.record("a", 1, RECOMMENDABLE);
    history.record("b", 2, RECOMMENDABLE);
    history.record("c", 3, RECOMMENDABLE);

    assertThat(history.of("a").toIntArray()).isEmpty();
    assertThat(history.of("b").toIntArray()).containsExactly(2);
    assertThat(history.of("c").toIntArray()).containsExactly(3);
  }
}
