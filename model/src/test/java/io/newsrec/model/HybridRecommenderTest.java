package io.newsrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.newsrec.model.rank.BoostedTrees;
import io.newsrec.model.rank.RankFeatures;
import io.newsrec.model.state.ArtifactCodec;
import io.newsrec.model.state.PortalModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HybridRecommenderTest {
  private static final long T0 = 1_506_800_000_000L;
  private static final long MINUTE = 60_000L;

  @Test
  void unknownHyperparametersAreRejectedByName() {
    assertThatThrownBy(() -> HybridRecommender.create(Map.of("knn_neigbours", "10")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("knn_neigbours")
        .hasMessageContaining("knn_neighbours");
  }

  @Test
  void badValuesAreRejectedWithTheKey() {
    assertThatThrownBy(() -> HybridRecommender.create(Map.of("weight_knn", "lots")))
        .hasMessageContaining("weight_knn");
  }

  @Test
  void aRequestsReferrerTypeReachesTheReranker() throws IOException {
    // three readers from social media read a, one from a search read b; x is the page being read.
    // A one-split re-ranker puts first what readers who came the request's way read
    PortalModel state = new PortalModel(HybridConfig.parse(Map.of()));
    for (int k = 0; k < 3; k++) {
      state.learn(new Interaction("g1", "u" + k, "s" + k, "a", T0, 1.0, "social"));
    }
    state.learn(new Interaction("g1", "u3", "s3", "b", T0, 1.0, "search"));
    state.learn(new Interaction("g1", "u4", "s4", "x", T0, 1.0, "search"));
    BoostedTrees sameWayFirst =
        new BoostedTrees(
            RankFeatures.COUNT,
            1,
            new int[][] {{RankFeatures.SAME_REFERRER_POPULARITY}},
            new float[][] {{0.5f}},
            new double[][] {{0.0, 1.0}});
    ByteArrayOutputStream artifact = new ByteArrayOutputStream();
    ArtifactCodec.write(HybridConfig.parse(Map.of()), sameWayFirst, Map.of("g1", state), artifact);
    HybridRecommender model =
        HybridRecommender.read(new ByteArrayInputStream(artifact.toByteArray()));

    for (String[] wayAndFirst : new String[][] {{"search", "b"}, {"social", "a"}}) {
      Recommendations answer =
          model.recommend(
              new RecommendRequest(
                  "g1", null, List.of("x"), 2, Set.of(), null, T0, wayAndFirst[0]));
      assertThat(answer.items().getFirst().articleId()).isEqualTo(wayAndFirst[1]);
      assertThat(answer.items().getFirst().sources()).contains("ranker");
    }
  }

  @Test
  void aNewArticleIsRecommendedAfterItsFirstClicksWithoutRetraining() {
    HybridRecommender model = HybridRecommender.create(Map.of());
    click(model, "s1", "u1", "old", T0);
    click(model, "s1", "u1", "fresh", T0 + MINUTE);
    click(model, "s2", "u2", "old", T0 + 2 * MINUTE);

    Recommendations recs = model.recommend(request("u3", List.of("old"), T0 + 3 * MINUTE));

    assertThat(recs.items()).extracting(Recommendations.Item::articleId).containsExactly("fresh");
    assertThat(recs.items().getFirst().sources()).contains("session-knn", "transitions");
  }

  @Test
  void sequentialRulesAreReadFromTheLastClickOnly() {
    // knn, popularity, freshness, co-visitation and trending off: only the rules speak. Learned:
    // x→filler 1, x→early 1/2, filler→early 1, y→late 1. Read from the last click "y" only, late =
    // 1 (max-normalized) × weight 0.5; the earlier blend of the last clicks would also have listed
    // filler (0.5 × 1) and early (0.5 × 1/2) through "x"
    HybridRecommender model =
        HybridRecommender.create(
            Map.of(
                "weight_knn", "0",
                "weight_popularity", "0",
                "weight_freshness", "0",
                "weight_covisit", "0",
                "weight_trending", "0"));
    click(model, "s1", "u1", "x", T0);
    click(model, "s1", "u1", "filler", T0 + MINUTE);
    click(model, "s1", "u1", "early", T0 + 2 * MINUTE);
    click(model, "s2", "u2", "y", T0 + 3 * MINUTE);
    click(model, "s2", "u2", "late", T0 + 4 * MINUTE);

    Recommendations recs = model.recommend(request("u3", List.of("x", "y"), T0 + 5 * MINUTE));

    assertThat(recs.items()).extracting(Recommendations.Item::articleId).containsExactly("late");
    assertThat(recs.items().getFirst().score()).isEqualTo(0.5);
  }

  @Test
  void coVisitationReadsWhatOthersClickedRightAfterTheLastClickWithAShortHalfLife() {
    // only co-visitation speaks (half-life 10 min, next click only), decayed to the request's time:
    // x→a of 10 min before counts 0.5, x→b and x→y of now 1 each; y→c is not x→c. The strongest
    // is one click, the floor, so the scores stay: b 1, y 1, a 0.5
    HybridRecommender model = coVisitationOnly();
    click(model, "s1", "u1", "x", T0);
    click(model, "s1", "u1", "a", T0);
    click(model, "s2", "u2", "x", T0 + 10 * MINUTE);
    click(model, "s2", "u2", "b", T0 + 10 * MINUTE);
    click(model, "s3", "u3", "x", T0 + 10 * MINUTE);
    click(model, "s3", "u3", "y", T0 + 10 * MINUTE);
    click(model, "s3", "u3", "c", T0 + 10 * MINUTE);

    Recommendations recs = model.recommend(request("u9", List.of("x"), T0 + 10 * MINUTE));

    assertThat(recs.items())
        .extracting(Recommendations.Item::articleId)
        .containsExactly("b", "y", "a");
    assertThat(recs.items()).extracting(Recommendations.Item::score).containsExactly(1.0, 1.0, 0.5);
    assertThat(recs.items().getFirst().sources()).containsExactly("co-visitation");
  }

  @Test
  void staleCoVisitationStaysSmallInsteadOfBeingNormalizedToOne() {
    // the only path x→a is two half-lives (20 min) old at the request: 0.25 of a click, divided by
    // the one-click floor, not by itself
    HybridRecommender model = coVisitationOnly();
    click(model, "s1", "u1", "x", T0);
    click(model, "s1", "u1", "a", T0);

    Recommendations recs = model.recommend(request("u9", List.of("x"), T0 + 20 * MINUTE));

    assertThat(recs.items().getFirst().score()).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void coVisitationFromClicksLaterThanTheRequestCountsByItsDistance() {
    // a state 10 min ahead of the request (protocol A's past sessions run on into the hour): the
    // path counts as a click one half-life away, 0.5, not 2 for being "in the future"
    HybridRecommender model = coVisitationOnly();
    click(model, "s1", "u1", "x", T0 + 10 * MINUTE);
    click(model, "s1", "u1", "a", T0 + 10 * MINUTE);

    Recommendations recs = model.recommend(request("u9", List.of("x"), T0));

    assertThat(recs.items().getFirst().score()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void mostReadIsReadAroundTheRequestsTimeNotTheStatesClock() {
    // popularity only (half-life 10 min): "then" was read twice at the request's time, "later" 3
    // times 10 min after it (a state that runs ahead: a replayed backlog, protocol A). Decayed to
    // the state's clock, later would lead 3 to 1; around the request, then leads 2 to 1.5
    HybridRecommender model =
        HybridRecommender.create(
            Map.of(
                "weight_knn", "0",
                "weight_transitions", "0",
                "weight_popularity", "1",
                "popularity_half_life_minutes", "10",
                "weight_freshness", "0",
                "weight_covisit", "0",
                "weight_trending", "0"));
    click(model, "s0", "u0", "then", T0);
    click(model, "s4", "u4", "then", T0);
    for (int i = 1; i <= 3; i++) {
      click(model, "s" + i, "u" + i, "later", T0 + 10 * MINUTE);
    }

    Recommendations recs = model.recommend(request("u9", List.of(), T0));

    assertThat(recs.items())
        .extracting(Recommendations.Item::articleId)
        .containsExactly("then", "later");
    assertThat(recs.items().get(1).score()).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void anArticleFirstClickedWellAfterTheRequestIsNotRecommended() {
    // "unborn" is first clicked 30 min after the request: it may not have existed at it; "skewed"
    // 5 min after, within the tolerance for trackers whose clocks run fast
    HybridRecommender model = HybridRecommender.create(Map.of("weight_freshness", "0"));
    click(model, "s1", "u1", "now", T0);
    click(model, "s2", "u2", "skewed", T0 + 5 * MINUTE);
    click(model, "s3", "u3", "unborn", T0 + 30 * MINUTE);

    Recommendations recs = model.recommend(request("u9", List.of(), T0));

    assertThat(recs.items())
        .extracting(Recommendations.Item::articleId)
        .containsExactlyInAnyOrder("now", "skewed");
  }

  private static HybridRecommender coVisitationOnly() {
    return HybridRecommender.create(
        Map.of(
            "weight_knn", "0",
            "weight_transitions", "0",
            "weight_popularity", "0",
            "weight_freshness", "0",
            "weight_covisit", "1",
            "covisit_half_life_minutes", "10",
            "weight_trending", "0"));
  }

  @Test
  void aTrendingArticleOutranksABiggerOneWhoseReadersAreGone() {
    // "old": 4 clicks an hour ago; "rising": 2 clicks now. At 5 vs 30 min half-lives old's recent
    // rate is below its usual pace (no trend), rising's is above it
    HybridRecommender model =
        HybridRecommender.create(
            Map.of(
                "weight_knn", "0",
                "weight_transitions", "0",
                "weight_popularity", "0",
                "weight_freshness", "0",
                "weight_trending", "1",
                "trending_half_life_minutes", "5",
                "popularity_half_life_minutes", "30"));
    for (int i = 0; i < 4; i++) {
      click(model, "old" + i, "u" + i, "old", T0);
    }
    click(model, "new1", "v1", "rising", T0 + 60 * MINUTE);
    click(model, "new2", "v2", "rising", T0 + 60 * MINUTE);

    Recommendations recs = model.recommend(request("u9", List.of(), T0 + 60 * MINUTE));

    assertThat(recs.items()).extracting(Recommendations.Item::articleId).containsExactly("rising");
    assertThat(recs.items().getFirst().sources()).containsExactly("trending");
  }

  @Test
  void whatTheReaderAlreadyReadIsNeverRecommended() {
    HybridRecommender model = HybridRecommender.create(Map.of());
    click(model, "s1", "u1", "a", T0);
    click(model, "s1", "u1", "b", T0 + MINUTE);
    click(model, "s2", "u2", "a", T0 + 2 * MINUTE);
    click(model, "s2", "u2", "c", T0 + 3 * MINUTE);
    click(model, "s3", "reader", "b", T0 + 4 * MINUTE);

    Recommendations recs = model.recommend(request("reader", List.of("a"), T0 + 5 * MINUTE));

    assertThat(recs.items()).extracting(Recommendations.Item::articleId).containsExactly("c");
  }

  @Test
  void explicitExclusionsAndOtherPortalsAreRespected() {
    HybridRecommender model = HybridRecommender.create(Map.of());
    click(model, "s1", "u1", "a", T0);
    click(model, "s1", "u1", "b", T0 + MINUTE);
    RecommendRequest excluding =
        new RecommendRequest("g1", null, List.of(), 5, Set.of("b"), null, T0 + 2 * MINUTE);

    assertThat(model.recommend(excluding).items())
        .extracting(Recommendations.Item::articleId)
        .containsExactly("a");
    assertThat(model.recommend(request("ge", null, List.of(), T0)).items()).isEmpty();
  }

  @Test
  void anArtifactRestoresTheSameRecommendations() throws IOException {
    HybridRecommender model =
        HybridRecommender.create(
            Map.of(
                "weight_popularity", "0.5",
                "weight_covisit", "0.5",
                "weight_trending", "0.3"));
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      String article = "a" + (int) Math.abs(random.nextGaussian() * 30);
      click(model, "s" + random.nextInt(300), "u" + random.nextInt(100), article, T0 + i * 1_000L);
    }
    ByteArrayOutputStream artifact = new ByteArrayOutputStream();
    model.writeTo(artifact);

    HybridRecommender restored =
        HybridRecommender.read(new ByteArrayInputStream(artifact.toByteArray()));

    assertThat(restored.config()).isEqualTo(model.config());
    for (String user : List.of("u1", "u7", "nobody")) {
      RecommendRequest r = request(user, List.of("a3", "a1"), T0 + 2_100_000L);
      assertThat(restored.recommend(r)).isEqualTo(model.recommend(r));
      assertThat(model.recommend(r).items()).hasSize(10);
    }
  }

  @Test
  void oneWriterAndConcurrentReadersNeverSeeABrokenState() throws Exception {
    HybridRecommender model = HybridRecommender.create(Map.of());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?> writer =
          pool.submit(
              () -> {
                Random random = new Random(7);
                for (int i = 0; i < 20_000; i++) {
                  String article = "a" + random.nextInt(500);
                  click(
                      model,
                      "s" + random.nextInt(2_000),
                      "u" + random.nextInt(300),
                      article,
                      T0 + i * 100L);
                }
              });
      List<Future<Integer>> readers = new java.util.ArrayList<>();
      for (int r = 0; r < 3; r++) {
        int seed = r;
        readers.add(
            pool.submit(
                () -> {
                  Random random = new Random(seed);
                  int answered = 0;
                  while (!writer.isDone() || answered < 50) {
                    List<String> clicks = List.of("a" + random.nextInt(500));
                    Recommendations recs =
                        model.recommend(
                            request("u" + random.nextInt(300), clicks, T0 + 2_000_000L));
                    assertThat(recs.items())
                        .extracting(Recommendations.Item::articleId)
                        .doesNotContain(clicks.getFirst());
                    answered++;
                  }
                  return answered;
                }));
      }
      writer.get(60, TimeUnit.SECONDS);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCorruptArtifactIsRefused() {
    assertThatThrownBy(() -> HybridRecommender.read(new ByteArrayInputStream(new byte[] {1, 2})))
        .isInstanceOf(IOException.class);
  }

  private static void click(HybridRecommender m, String s, String u, String a, long t) {
    m.update(new Interaction("g1", u, s, a, t, 1.0));
  }

  private static RecommendRequest request(String user, List<String> clicks, long now) {
    return request("g1", user, clicks, now);
  }

  private static RecommendRequest request(
      String portal, String user, List<String> clicks, long now) {
    return new RecommendRequest(portal, user, clicks, 10, Set.of(), null, now);
  }
}
