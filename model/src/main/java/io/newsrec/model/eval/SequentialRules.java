package io.newsrec.model.eval;

import io.newsrec.model.algo.Scores;
import io.newsrec.model.algo.Transitions;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

/**
 * Baseline: sequential rules (Ludewig and Jannach 2018): last click → next, rules from a 3-step
 * window weighted 1/distance, no decay.
 */
final class SequentialRules implements EvalModel {
  private final G1Clicks data;
  private final Transitions rules = new Transitions(3, Double.POSITIVE_INFINITY, Integer.MAX_VALUE);
  private final Long2ObjectOpenHashMap<IntArrayList> sessions = new Long2ObjectOpenHashMap<>();

  SequentialRules(G1Clicks data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "seq-rules";
  }

  @Override
  public void learn(int row) {
    IntArrayList s = sessions.computeIfAbsent(data.session[row], k -> new IntArrayList(4));
    s.add(data.article[row]);
    rules.learn(s.elements(), s.size(), data.time[row], 1.0);
  }

  @Override
  public void score(Query q, Scores out) {
    rules.score(q.lastArticle(), 1.0, out);
  }
}
