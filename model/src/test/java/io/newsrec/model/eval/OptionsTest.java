package io.newsrec.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionsTest {
  private static String hours(boolean[] marked) {
    StringBuilder s = new StringBuilder();
    for (int h = 0; h < marked.length; h++) {
      if (marked[h]) {
        s.append(s.isEmpty() ? "" : ",").append(h);
      }
    }
    return s.toString();
  }

  @Test
  void theReferenceHoursRunToTheEndOfWhateverDataThereIs() {
    Options o = Options.parse(new String[0]);
    // 288 hours here; the held-back days make 385, and the same command then evaluates them too
    assertThat(o.resolvedHours(288)).isEqualTo("6:288:6");
    assertThat(o.resolvedHours(385)).isEqualTo("6:385:6");
    assertThat(hours(o.evaluatedHours(20))).isEqualTo("6,12,18");
    assertThat(hours(o.evaluatedHours(26))).isEqualTo("6,12,18,24");
    assertThat(o.split(288)).isEqualTo(144);
  }

  @Test
  void theRerankerLearnsHalfAStepAfterEachEvaluatedHour() {
    Options o = Options.parse(new String[] {"--hours=6:30:6"});
    assertThat(hours(o.evaluatedHours(40))).isEqualTo("6,12,18,24");
    assertThat(hours(o.trainingHours(40))).isEqualTo("9,15,21,27");
    assertThat(hours(Options.parse(new String[] {"--hours=all"}).trainingHours(40))).isEmpty();
    assertThat(hours(Options.parse(new String[] {"--hours=1:40:1"}).trainingHours(40))).isEmpty();
  }

  @Test
  void rankerHoursMayBeChosenButNeverAnEvaluatedOne() {
    Options past = Options.parse(new String[] {"--hours=6:40:6", "--ranker-hours=3:20:6"});
    assertThat(hours(past.trainingHours(40))).isEqualTo("3,9,15");
    assertThat(past.rankerHoursSpec()).isEqualTo("3:20:6");

    Options overlapping = Options.parse(new String[] {"--hours=6:40:6", "--ranker-hours=3:40:3"});
    assertThatThrownBy(() -> overlapping.trainingHours(40))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evaluated hour 6");
  }

  @Test
  void theSplitPutsLaterHoursApart() {
    assertThat(Options.parse(new String[] {"--split=288"}).split(385)).isEqualTo(288);
    assertThat(Options.parse(new String[0]).split(385)).isEqualTo(192);
  }

  @Test
  void malformedHoursAreRefusedWithTheReason() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--hours=6:288"}))
        .hasMessageContaining("start:end:step");
    assertThatThrownBy(() -> Options.parse(new String[] {"--hours=6:x:6"}))
        .hasMessageContaining("start:end:step");
    assertThatThrownBy(() -> Options.parse(new String[] {"--hours=6:288:0"}))
        .hasMessageContaining("step >= 1");
    assertThatThrownBy(() -> Options.parse(new String[] {"--ranker-hours=3"}))
        .hasMessageContaining("start:end:step");
    assertThatThrownBy(() -> Options.parse(new String[] {"--split=0"}))
        .hasMessageContaining("--split");
  }
}
