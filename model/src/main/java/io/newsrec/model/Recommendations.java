package io.newsrec.model;

import java.util.List;

/**
 * Ranked recommendations, best first.
 *
 * @param items the ranked items
 */
public record Recommendations(List<Item> items) {

  public Recommendations {
    items = List.copyOf(items);
  }

  /**
   * One recommended article.
   *
   * @param articleId article id
   * @param score the hybrid's score (higher is better; comparable within one response only)
   * @param sources the algorithms that contributed to the score, e.g. {@code session-knn}
   */
  public record Item(String articleId, double score, List<String> sources) {
    public Item {
      sources = List.copyOf(sources);
    }
  }
}
