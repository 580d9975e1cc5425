package io.newsrec.model.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.model.HybridConfig;
import io.newsrec.model.Interaction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalModelTest {
  /** Real epoch milliseconds, as the g1 data and the trackers send them. */
  private static final long T0 = 1_506_800_000_000L;

  private static final long HOUR = 3_600_000L;

  @Test
  void sessionsAndArticlesPastTheHorizonAgeOutWithRealTimestamps() {
    // the default caps (2,000,000 sessions) are never reached here: only the time-based expiry,
    // due every minute of event time, can drop anything
    PortalModel model = new PortalModel(HybridConfig.parse(Map.of()));
    for (int i = 0; i < 100; i++) {
      model.learn(new Interaction("g1", "u" + i, "s" + i, "old" + i, T0 + i * 1_000L, 1.0));
    }
    assertThat(model.sessionCount()).isEqualTo(100);

    model.learn(new Interaction("g1", "u", "late", "new", T0 + 25 * HOUR, 1.0));

    assertThat(model.sessionCount()).isEqualTo(1);
    assertThat(model.activeArticles()).isEqualTo(1);
    assertThat(model.log).hasSize(1);
  }

  @Test
  void mostReadLatelyIsReRankedAsTimeGoesOn() {
    // 250 articles read 20 h ago fill the 200 popular candidates; "new" is read now. Two hours
    // later
    // nothing was read around the request, so "most read lately" answers: it must lead with "new",
    // not with the list as it stood 20 h ago (where it is missing)
    PortalModel model = new PortalModel(HybridConfig.parse(Map.of()));
    for (int i = 0; i < 250; i++) {
      model.learn(new Interaction("g1", "u" + i, "s" + i, "old" + i, T0 + i * 1_000L, 1.0));
    }
    model.learn(new Interaction("g1", "u", "late", "new", T0 + 20 * HOUR, 1.0));

    var scores = model.score(List.of(), null, null, T0 + 22 * HOUR);

    assertThat(model.top(scores, 5)).extracting(PortalModel.Ranked::articleId).startsWith("new");
  }
}
