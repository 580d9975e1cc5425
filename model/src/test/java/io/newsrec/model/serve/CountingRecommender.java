package io.newsrec.model.serve;

import io.newsrec.model.Interaction;
import io.newsrec.model.RecommendRequest;
import io.newsrec.model.Recommendations;
import io.newsrec.model.Recommender;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A fake model for the serving tests: ranks a portal's articles by how often they were clicked. */
final class CountingRecommender implements Recommender {

  private final Map<String, Map<String, Double>> clicksByPortal = new ConcurrentHashMap<>();

  @Override
  public void update(Interaction interaction) {
    clicksByPortal
        .computeIfAbsent(interaction.portal(), p -> new ConcurrentHashMap<>())
        .merge(interaction.articleId(), interaction.weight(), Double::sum);
  }

  @Override
  public Recommendations recommend(RecommendRequest request) {
    List<Recommendations.Item> items =
        clicksByPortal.getOrDefault(request.portal(), Map.of()).entrySet().stream()
            .filter(e -> !request.exclude().contains(e.getKey()))
            .filter(e -> !request.sessionClicks().contains(e.getKey()))
            .sorted(
                Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(request.count())
            .map(e -> new Recommendations.Item(e.getKey(), e.getValue(), List.of("counting")))
            .toList();
    return new Recommendations(items);
  }

  @Override
  public void writeTo(OutputStream out) {
    throw new UnsupportedOperationException("not needed by the serving tests");
  }
}
