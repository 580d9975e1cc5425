package io.newsrec.model.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsrec.model.HybridConfig;
import io.newsrec.model.Interaction;
import io.newsrec.model.algo.Scores;
import io.newsrec.model.rank.BoostedTrees;
import io.newsrec.model.rank.RankFeatures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalModelTest {
  /** Real epoch milliseconds, as the g1 data and the trackers send them. */
  private static final long T0 = 1_506_800_000_000L;

  private static final long MINUTE = 60_000L;
  private static final long HOUR = 60 * MINUTE;

  @Test
  void sessionsAndArticlesPastTheHorizonAgeOutWithRealTimestamps() {
    // the default caps (2,000,000 sessions) are never reached here: only the time-based expiry,
    // due every minute of event time, can drop anything
    PortalModel model = new PortalModel(HybridConfig.parse(Map.of()));
    for (int i = 0; i < 100; i++) {
      model.learn(new Interaction("g1", "u" + i, "s" + i, "old" + i, T0 + i * 1_000L, 1.0));
    }
    assertThat(model.sessionCount()).isEqualTo(100);

    // one reader, a click a minute for 42 h: the clock that ages the state out (1,000 clicks back)
    // ends at about 25 h 20 min, past the old sessions' 24 h horizon
    for (int i = 1; i <= 42 * 60; i++) {
      model.learn(new Interaction("g1", "u", "late", "new", T0 + i * MINUTE, 1.0));
    }

    assertThat(model.sessionCount()).isEqualTo(1);
    assertThat(model.activeArticles()).isEqualTo(1);
  }

  @Test
  void aClickStampedDaysAheadDoesNotAgeTheStateOut() {
    PortalModel model = new PortalModel(HybridConfig.parse(Map.of()));
    for (int i = 0; i < 100; i++) {
      model.learn(new Interaction("g1", "u" + i, "s" + i, "old" + i, T0 + i * 1_000L, 1.0));
    }

    model.learn(new Interaction("g1", "u", "odd", "future", T0 + 9 * 24 * HOUR, 1.0));

    assertThat(model.sessionCount()).isEqualTo(101);
    assertThat(model.activeArticles()).isEqualTo(101);
    var scores = model.score(List.of(), null, null, T0 + 2 * MINUTE);
    assertThat(model.top(scores, 200)).hasSize(100); // the old ones; "future" is not yet
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

  @Test
  void aLearnedRankerReordersTheBestCandidatesAndKeepsThemOnTop() {
    // "a" read by five readers, "b" by three, "c" by one: the hybrid ranks a, b, c
    PortalModel model = new PortalModel(HybridConfig.parse(Map.of()));
    int reader = 0;
    for (String article : List.of("a", "a", "a", "a", "a", "b", "b", "b", "c")) {
      reader++;
      model.learn(new Interaction("g1", "u" + reader, "s" + reader, article, T0, 1.0));
    }
    var scores = model.score(List.of(), null, null, T0 + MINUTE);
    assertThat(model.top(scores, 3))
        .extracting(PortalModel.Ranked::articleId)
        .containsExactly("a", "b", "c");
    float[] second =
        model.rankFeatures(scores, new int[] {model.idOf("a"), model.idOf("b")}, 0, T0 + MINUTE)[1];
    assertThat(second[RankFeatures.RANK]).isEqualTo(1f);
    assertThat(second[RankFeatures.COMPONENT + 2]).isEqualTo(0.6f); // popularity 3 of 5
    assertThat(second[RankFeatures.POPULARITY_RANK]).isEqualTo((float) Math.log(2)); // 1 above

    // a one-stump ranker that prefers the hybrid's second place: of the best two, b now leads
    BoostedTrees preferSecond =
        new BoostedTrees(
            RankFeatures.COUNT,
            1,
            new int[][] {{RankFeatures.RANK}},
            new float[][] {{0.5f}},
            new double[][] {{0.0, 1.0}});
    model.rerank(scores, preferSecond, 2, 0, T0 + MINUTE);

    assertThat(model.top(scores, 3))
        .extracting(PortalModel.Ranked::articleId)
        .containsExactly("b", "a", "c");
  }

  @Test
  void theRankerSeesWhichClicksFollowedAnotherClickOfTheirSession() {
    // sessions (x), (x), (y, x), (y, z), all in one instant: x has 3 clicks, 1 within a session; y
    // 2, none (both are entries); z 1, within
    PortalModel model = modelOfSessionsAtT0(new String[][] {{"x"}, {"x"}, {"y", "x"}, {"y", "z"}});
    int[] xyz = {model.idOf("x"), model.idOf("y"), model.idOf("z")};

    float[][] now = model.rankFeatures(model.score(List.of(), null, null, T0), xyz, 0, T0);

    float ln2 = (float) Math.log(2);
    assertThat(now[0][RankFeatures.POPULARITY]).isCloseTo((float) Math.log(4), within(1e-5f));
    assertThat(now[0][RankFeatures.WITHIN_SESSION_POPULARITY]).isCloseTo(ln2, within(1e-5f));
    assertThat(now[0][RankFeatures.WITHIN_SESSION_SHARE]).isCloseTo(1f / 3, within(1e-5f));
    assertThat(now[1][RankFeatures.WITHIN_SESSION_POPULARITY]).isZero();
    assertThat(now[1][RankFeatures.WITHIN_SESSION_SHARE]).isZero();
    assertThat(now[2][RankFeatures.WITHIN_SESSION_POPULARITY]).isCloseTo(ln2, within(1e-5f));
    assertThat(now[2][RankFeatures.WITHIN_SESSION_SHARE]).isCloseTo(1f, within(1e-5f));

    // two hours on nothing was read around the request: popularity falls back to the decayed
    // counts, of which no share is known
    long later = T0 + 2 * HOUR;
    float[][] quiet = model.rankFeatures(model.score(List.of(), null, null, later), xyz, 0, later);
    for (float[] row : quiet) {
      assertThat(row[RankFeatures.WITHIN_SESSION_POPULARITY]).isZero();
      assertThat(row[RankFeatures.WITHIN_SESSION_SHARE]).isEqualTo(-1f);
    }
  }

  @Test
  void theRankerSeesWhereReadersWhoEnteredAtTheSameArticleWentOn() {
    // sessions (e, a, b), (e, b), (g, e, a): under entry e, a was read later once and b twice; the
    // third session read a after e too, but entered at g, so it counts under g only
    PortalModel model =
        modelOfSessionsAtT0(new String[][] {{"e", "a", "b"}, {"e", "b"}, {"g", "e", "a"}});
    int[] abg = {model.idOf("a"), model.idOf("b"), model.idOf("g")};

    float[][] enteredAtE =
        model.rankFeatures(model.score(List.of("e"), null, null, T0), abg, 1, T0);

    assertThat(enteredAtE[0][RankFeatures.FROM_ENTRY])
        .isCloseTo((float) Math.log(2), within(1e-5f));
    assertThat(enteredAtE[0][RankFeatures.FROM_ENTRY_RANK])
        .isCloseTo((float) Math.log(2), within(1e-5f)); // b above it
    assertThat(enteredAtE[1][RankFeatures.FROM_ENTRY])
        .isCloseTo((float) Math.log(3), within(1e-5f));
    assertThat(enteredAtE[1][RankFeatures.FROM_ENTRY_RANK]).isZero();
    assertThat(enteredAtE[2][RankFeatures.FROM_ENTRY]).isZero();
    assertThat(enteredAtE[2][RankFeatures.FROM_ENTRY_RANK]).isEqualTo(RankFeatures.ABSENT);

    // a session that entered at g and is reading e now: its entry, not its last click, is the key
    // (under g: e and a once each, tied, so neither is above the other)
    float[][] enteredAtG =
        model.rankFeatures(model.score(List.of("g", "e"), null, null, T0), abg, 2, T0);

    assertThat(enteredAtG[0][RankFeatures.FROM_ENTRY])
        .isCloseTo((float) Math.log(2), within(1e-5f));
    assertThat(enteredAtG[0][RankFeatures.FROM_ENTRY_RANK]).isZero();
    assertThat(enteredAtG[1][RankFeatures.FROM_ENTRY]).isZero();
    assertThat(enteredAtG[1][RankFeatures.FROM_ENTRY_RANK]).isEqualTo(RankFeatures.ABSENT);

    // and a request with no clicks has no entry
    float[][] none = model.rankFeatures(model.score(List.of(), null, null, T0), abg, 0, T0);
    assertNoneScored(none, RankFeatures.FROM_ENTRY, RankFeatures.FROM_ENTRY_RANK);
  }

  @Test
  void theRankerSeesWhereReadersWentFromTheClickBeforeTheLast() {
    // straight after p: a twice, b once; after q: c once. A session reading p then q: its click
    // before the last is p, so a and b are scored from p, and c (reached from q only) is not
    PortalModel model =
        modelOfSessionsAtT0(new String[][] {{"p", "a"}, {"p", "a"}, {"p", "b"}, {"q", "c"}});
    int[] abc = {model.idOf("a"), model.idOf("b"), model.idOf("c")};

    float[][] afterPq =
        model.rankFeatures(model.score(List.of("p", "q"), null, null, T0), abc, 2, T0);

    assertTwiceOnceNever(afterPq, RankFeatures.FROM_PREVIOUS, RankFeatures.FROM_PREVIOUS_RANK);
    // while the last click's own co-visitation sees only c
    assertThat(afterPq[0][RankFeatures.COVISIT_RANK]).isEqualTo(RankFeatures.ABSENT);
    assertThat(afterPq[2][RankFeatures.COVISIT_RANK]).isZero();

    // a session of one click has no click before its last
    float[][] afterP = model.rankFeatures(model.score(List.of("p"), null, null, T0), abc, 1, T0);
    assertNoneScored(afterP, RankFeatures.FROM_PREVIOUS, RankFeatures.FROM_PREVIOUS_RANK);
  }

  @Test
  void theRankerSeesThePathsIntoTheArticleBeingRead() {
    // into x: from a twice, from b once; out of x: to c once. A session reading x: a and b are
    // scored by how often readers came from them to x, c (reached from x, not into it) is not
    PortalModel model =
        modelOfSessionsAtT0(new String[][] {{"a", "x"}, {"a", "x"}, {"b", "x"}, {"x", "c"}});
    int[] abc = {model.idOf("a"), model.idOf("b"), model.idOf("c")};

    float[][] readingX = model.rankFeatures(model.score(List.of("x"), null, null, T0), abc, 1, T0);
    assertTwiceOnceNever(readingX, RankFeatures.TO_LAST, RankFeatures.TO_LAST_RANK);
    // while the co-visitation out of x sees c only
    assertThat(readingX[2][RankFeatures.COVISIT_RANK]).isZero();
    assertThat(readingX[0][RankFeatures.COVISIT_RANK]).isEqualTo(RankFeatures.ABSENT);

    // a request with no clicks reads no paths
    float[][] none = model.rankFeatures(model.score(List.of(), null, null, T0), abc, 0, T0);
    assertNoneScored(none, RankFeatures.TO_LAST, RankFeatures.TO_LAST_RANK);
  }

  @Test
  void theRankerSeesWhatReadersWhoCameTheSameWayRead() {
    // readers who came from a search read a twice and b once; from social media a, c and x once
    PortalModel model = new PortalModel(HybridConfig.parse(Map.of()));
    String[][] clicks = {
      {"a", "search"},
      {"a", "search"},
      {"b", "search"},
      {"a", "social"},
      {"c", "social"},
      {"x", "social"}
    };
    for (int k = 0; k < clicks.length; k++) {
      model.learn(new Interaction("g1", "u" + k, "s" + k, clicks[k][0], T0, 1.0, clicks[k][1]));
    }
    int[] abc = {model.idOf("a"), model.idOf("b"), model.idOf("c")};

    float[][] fromSearch =
        model.rankFeatures(model.score(List.of("x"), null, null, "search", T0), abc, 1, T0);
    assertTwiceOnceNever(
        fromSearch, RankFeatures.SAME_REFERRER_POPULARITY, RankFeatures.SAME_REFERRER_RANK);
    // of all clicks around the request: a 2 of 3, b 1 of 1, c none of 1
    assertThat(fromSearch[0][RankFeatures.SAME_REFERRER_SHARE]).isCloseTo(2f / 3, within(1e-6f));
    assertThat(fromSearch[1][RankFeatures.SAME_REFERRER_SHARE]).isEqualTo(1f);
    assertThat(fromSearch[2][RankFeatures.SAME_REFERRER_SHARE]).isZero();

    // the same clicks seen from social media: a, c once each, b never
    float[][] fromSocial =
        model.rankFeatures(model.score(List.of("x"), null, null, "social", T0), abc, 1, T0);
    assertThat(fromSocial[0][RankFeatures.SAME_REFERRER_POPULARITY])
        .isCloseTo((float) Math.log(2), within(1e-5f));
    assertThat(fromSocial[1][RankFeatures.SAME_REFERRER_RANK]).isEqualTo(RankFeatures.ABSENT);

    // a request that does not say, or names a way nobody came, knows nothing of it
    for (String unknown : new String[] {null, "email"}) {
      float[][] rows =
          model.rankFeatures(model.score(List.of("x"), null, null, unknown, T0), abc, 1, T0);
      for (float[] row : rows) {
        assertThat(row[RankFeatures.SAME_REFERRER_POPULARITY]).isEqualTo(-1f);
        assertThat(row[RankFeatures.SAME_REFERRER_RANK]).isEqualTo(RankFeatures.ABSENT);
        assertThat(row[RankFeatures.SAME_REFERRER_SHARE]).isEqualTo(-1f);
      }
    }
  }

  @Test
  void theRankerSeesWhatKindOfArticlesTheReaderReads() {
    // "most read" is counted with a 30-minute half-life (6 × trending's 5 minutes), so c, clicked
    // once an hour before T0, counts 1/4 at T0
    PortalModel model = new PortalModel(HybridConfig.parse(Map.of()));
    model.learn(new Interaction("g1", "o6", "o6", "c", T0 - 60 * MINUTE, 1.0));
    for (int k = 1; k <= 4; k++) {
      model.learn(new Interaction("g1", "o" + k, "o" + k, "a", T0, 1.0));
    }
    model.learn(new Interaction("g1", "o5", "o5", "b", T0, 1.0));
    // reader r reads b (then counted 2 against a's 4; age 0) and c (1.25 against 4; age 60 min)
    model.learn(new Interaction("g1", "r", "r1", "b", T0, 1.0));
    model.learn(new Interaction("g1", "r", "r1", "c", T0, 1.0));
    model.learn(new Interaction("g1", "o7", "o7", "x", T0, 1.0));
    int[] x = {model.idOf("x")};
    double meanAge = Math.log(61) / 2;
    double meanShare = (Math.log(2.0 / 4) + Math.log(1.25 / 4)) / 2;

    // r, now reading a in a new session: two earlier reads (b, c), x fresh and counted 1 of 4
    float[] forR = model.rankFeatures(model.score(List.of("a"), "r2", "r", T0), x, 1, T0)[0];
    assertThat(forR[RankFeatures.READER_READS]).isCloseTo((float) Math.log(3), within(1e-6f));
    assertThat(forR[RankFeatures.READER_AGE]).isCloseTo((float) meanAge, within(1e-5f));
    assertThat(forR[RankFeatures.READER_AGE_GAP]).isCloseTo((float) -meanAge, within(1e-5f));
    assertThat(forR[RankFeatures.READER_SHARE_GAP])
        .isCloseTo((float) (Math.log(1.0 / 4) - meanShare), within(1e-5f));

    // the session's own clicks are not earlier reads: r's session r1 asks again
    float[] inR1 = model.rankFeatures(model.score(List.of("b", "c"), "r1", "r", T0), x, 2, T0)[0];
    assertThat(inR1[RankFeatures.READER_READS]).isZero();

    // a request that names no reader, or one never seen, knows nothing of one
    for (String unknown : new String[] {null, "nobody"}) {
      float[] row = model.rankFeatures(model.score(List.of("a"), null, unknown, T0), x, 1, T0)[0];
      assertThat(row[RankFeatures.READER_READS]).isEqualTo(-1f);
      assertThat(row[RankFeatures.READER_AGE]).isEqualTo(-1f);
      assertThat(row[RankFeatures.READER_AGE_GAP]).isZero();
      assertThat(row[RankFeatures.READER_SHARE_GAP]).isZero();
    }
  }

  @Test
  void theLogKeepsOneStringPerReferrerType() {
    // records decoded from a stream bring a new string each; a day of logged clicks shares one
    PortalModel model = new PortalModel(HybridConfig.parse(Map.of()));
    model.learn(new Interaction("g1", "u1", "s1", "a", T0, 1.0, new String("search")));
    model.learn(new Interaction("g1", "u2", "s2", "b", T0, 1.0, new String("search")));

    assertThat(model.log.getLast().referrerType())
        .isEqualTo("search")
        .isSameAs(model.log.getFirst().referrerType());
  }

  @Test
  void referrerClassesBeyondTheLimitAreNotCounted() {
    // a producer that sent URLs instead of classes: the first MAX_REFERRER_TYPES are counted, the
    // rest are not (the state stays bounded) and read as unknown
    PortalModel model = new PortalModel(HybridConfig.parse(Map.of()));
    for (int k = 0; k <= PortalModel.MAX_REFERRER_TYPES; k++) {
      model.learn(new Interaction("g1", "u" + k, "s" + k, "a", T0, 1.0, "https://r" + k));
    }
    int[] a = {model.idOf("a")};
    String last = "https://r" + (PortalModel.MAX_REFERRER_TYPES - 1);
    String beyond = "https://r" + PortalModel.MAX_REFERRER_TYPES;
    assertThat(
            model
                .rankFeatures(model.score(List.of(), null, null, last, T0), a, 0, T0)[0][
                RankFeatures.SAME_REFERRER_POPULARITY])
        .isCloseTo((float) Math.log(2), within(1e-5f));
    assertThat(
            model
                .rankFeatures(model.score(List.of(), null, null, beyond, T0), a, 0, T0)[0][
                RankFeatures.SAME_REFERRER_POPULARITY])
        .isEqualTo(-1f);
  }

  /**
   * Rows 0, 1 and 2 are of candidates counted twice (+1: ln 3, rank 0), once (ln 2, one above it:
   * rank ln 2) and never (0, {@link RankFeatures#ABSENT}).
   */
  private static void assertTwiceOnceNever(float[][] rows, int count, int rank) {
    assertThat(rows[0][count]).isCloseTo((float) Math.log(3), within(1e-5f));
    assertThat(rows[0][rank]).isZero();
    assertThat(rows[1][count]).isCloseTo((float) Math.log(2), within(1e-5f));
    assertThat(rows[1][rank]).isCloseTo((float) Math.log(2), within(1e-5f));
    assertThat(rows[2][count]).isZero();
    assertThat(rows[2][rank]).isEqualTo(RankFeatures.ABSENT);
  }

  /** Every row has a count feature of 0 and its rank feature {@link RankFeatures#ABSENT}. */
  private static void assertNoneScored(float[][] rows, int count, int rank) {
    for (float[] row : rows) {
      assertThat(row[count]).isZero();
      assertThat(row[rank]).isEqualTo(RankFeatures.ABSENT);
    }
  }

  @Test
  void aCandidatesRankCountsTheComponentsScoresAboveItsOwn() {
    // scores 5, 3, 3, 1 and an untouched article: the candidates 3 (one above), 1 (three above),
    // 5 (none) and the unscored one (absent); ties are not above each other
    Scores part = new Scores();
    part.set(0, 5);
    part.set(1, 3);
    part.set(2, 3);
    part.set(3, 1);

    float[] ranks = PortalModel.logRanks(part, new int[] {1, 3, 0, 9});

    assertThat(ranks)
        .containsExactly((float) Math.log1p(1), (float) Math.log1p(3), 0f, RankFeatures.ABSENT);
  }

  @Test
  void ranksAgreeWithCountingEveryScoreOnRandomComponents() {
    java.util.Random random = new java.util.Random(5);
    for (int round = 0; round < 200; round++) {
      Scores part = new Scores();
      int m = random.nextInt(300);
      for (int k = 0; k < m; k++) {
        // few distinct values: many ties; some zeros, which never count as scored
        part.set(random.nextInt(400), random.nextInt(20) * 0.5);
      }
      int[] candidates = random.ints(random.nextInt(60), 0, 420).toArray();

      float[] ranks = PortalModel.logRanks(part, candidates);

      for (int r = 0; r < candidates.length; r++) {
        double v = part.get(candidates[r]);
        int above = 0;
        for (int k = 0; k < part.size(); k++) {
          if (part.get(part.item(k)) > v) {
            above++;
          }
        }
        float expected = v > 0 ? (float) Math.log1p(above) : RankFeatures.ABSENT;
        assertThat(ranks[r]).as("round %d candidate %d", round, r).isEqualTo(expected);
      }
    }
  }

  /** A default model that learned {@code sessions} (session s read by user s), all at T0. */
  private static PortalModel modelOfSessionsAtT0(String[][] sessions) {
    PortalModel model = new PortalModel(HybridConfig.parse(Map.of()));
    for (int s = 0; s < sessions.length; s++) {
      for (String article : sessions[s]) {
        model.learn(new Interaction("g1", "u" + s, "s" + s, article, T0, 1.0));
      }
    }
    return model;
  }
}
