package io.newsrec.model.eval;

import io.newsrec.model.algo.Scores;
import io.newsrec.model.algo.SessionKnn;
import io.newsrec.model.algo.SessionTrail;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

/**
 * Baseline: plain V-SkNN, k=100 of the 500 most recent sessions per clicked article, linear
 * position weights, no recency of the neighbour (as in quality.md's reference).
 */
final class VSkNN implements EvalModel {
  private final G1Clicks data;
  private final SessionKnn knn = new SessionKnn(100, 500, Double.POSITIVE_INFINITY);
  private final Long2ObjectOpenHashMap<SessionTrail> sessions = new Long2ObjectOpenHashMap<>();

  VSkNN(G1Clicks data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "v-sknn";
  }

  @Override
  public void learn(int row) {
    SessionTrail s = sessions.get(data.session[row]);
    if (s == null) {
      s = new SessionTrail(data.time[row]);
      sessions.put(data.session[row], s);
    }
    if (s.append(data.article[row], data.time[row])) {
      knn.learn(s, data.article[row]);
    }
  }

  @Override
  public void score(Query q, Scores out) {
    int[] items = new int[q.n()];
    for (int i = 0; i < q.n(); i++) {
      items[i] = data.article[q.prefixRows()[i]];
    }
    knn.score(items, q.n(), sessions.get(q.session()), q.nowMs(), out);
  }
}
