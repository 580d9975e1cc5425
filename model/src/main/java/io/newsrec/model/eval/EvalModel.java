package io.newsrec.model.eval;

import io.newsrec.model.algo.Scores;

/**
 * A recommender under evaluation: learns the clicks of a {@link G1Clicks} by row, and scores raw g1
 * article ids for a query. An untouched article scores 0; {@code -infinity} means "never
 * recommend". A model may score only its best few hundred articles: with metrics at 20, a target
 * beyond them ranks beyond 20 either way.
 */
interface EvalModel {
  String name();

  /** Learns click {@code row}; rows come in the protocol's order. */
  void learn(int row);

  /** Scores the catalogue for {@code q} into {@code out} (cleared by the caller). */
  void score(Query q, Scores out);

  /**
   * One prediction: from the clicks {@code prefixRows[0..n-1]} of a session, predict row {@code
   * targetRow}, at {@code nowMs} (the target's click time: the state holds what happened before).
   *
   * @param last whether the target is the session's last (truncated) click, the protocol's target
   */
  record Query(G1Clicks data, int[] prefixRows, int n, int targetRow, long nowMs, boolean last) {
    int lastArticle() {
      return data.article[prefixRows[n - 1]];
    }

    long session() {
      return data.session[targetRow];
    }

    int user() {
      return data.user[targetRow];
    }
  }
}
