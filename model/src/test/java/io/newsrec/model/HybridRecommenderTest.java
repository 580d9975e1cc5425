package io.newsrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    // knn, popularity and freshness off: only the rules speak. Learned: x→filler 1, x→early 1/2,
    // filler→early 1, y→late 1. Read from the last click "y" only, late = 1 (max-normalized) ×
    // weight 0.5; the earlier blend of the last clicks would also have listed filler (0.5 × 1)
    // and early (0.5 × 1/2) through "x"
    HybridRecommender model =
        HybridRecommender.create(
            Map.of("weight_knn", "0", "weight_popularity", "0", "weight_freshness", "0"));
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
    HybridRecommender model = HybridRecommender.create(Map.of("weight_popularity", "0.5"));
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
