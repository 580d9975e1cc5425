package io.newsrec.model.eval;

import io.newsrec.model.HybridConfig;
import io.newsrec.model.algo.Scores;
import io.newsrec.model.rank.BoostedTrees;
import io.newsrec.model.rank.Ranker;
import io.newsrec.model.rank.RankingExamples;
import io.newsrec.model.state.PortalModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The hybrid, driven through the same {@link PortalModel#learn} and {@link PortalModel#score} that
 * the served {@code HybridRecommender} uses (string ids in, scores out), translated back to raw g1
 * article ids for the evaluator.
 */
final class HybridUnderTest implements EvalModel {
  private final G1Clicks data;
  private final PortalModel model;
  private final boolean knowsSessionsAndUsers;
  private final String name;
  private RankingExamples examples;
  private Scores lastScores;
  private int[] rawOf = new int[0];
  private long learnNanos;
  private long learned;

  /**
   * @param knowsSessionsAndUsers protocol B: the current session is in the state (and is not its
   *     own neighbour), the reader is known and so is how they came to the page being read;
   *     protocol A passes none of them (session clicks only)
   */
  HybridUnderTest(String name, G1Clicks data, HybridConfig config, boolean knowsSessionsAndUsers) {
    this.name = name;
    this.data = data;
    this.model = new PortalModel(config);
    this.knowsSessionsAndUsers = knowsSessionsAndUsers;
  }

  /**
   * This hybrid's lists with their best {@link Ranker#CANDIDATES} re-ordered by {@code trees}, as a
   * model of its own. It learns nothing and scores nothing itself: it re-ranks this hybrid's list
   * of the same query, so it must come right after this hybrid in the runner's models (which
   * evaluates them in order, as {@link WeightedCombination} relies on too).
   */
  EvalModel reranked(String rerankedName, BoostedTrees trees) {
    return new EvalModel() {
      @Override
      public String name() {
        return rerankedName;
      }

      @Override
      public void learn(int row) {}

      @Override
      public void score(Query q, Scores out) {
        model.rerank(lastScores, trees, Ranker.CANDIDATES, q.n(), q.nowMs());
        emit(lastScores, out);
      }
    };
  }

  /**
   * Collects, for every prediction of a session's next click whose target is among the best {@link
   * io.newsrec.model.rank.Ranker#CANDIDATES}, their features and which one was clicked.
   */
  HybridUnderTest collecting(RankingExamples into) {
    this.examples = into;
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void learn(int row) {
    var interaction = data.interaction(row, "g1");
    long start = System.nanoTime();
    model.learn(interaction);
    learnNanos += System.nanoTime() - start;
    learned++;
  }

  @Override
  public void score(Query q, Scores out) {
    List<String> clicks = new ArrayList<>(q.n());
    for (int i = 0; i < q.n(); i++) {
      clicks.add(Integer.toString(data.article[q.prefixRows()[i]]));
    }
    String session = knowsSessionsAndUsers ? Long.toString(q.session()) : null;
    String user = knowsSessionsAndUsers ? Integer.toString(q.user()) : null;
    // how the reader came to the page being read: known to a live request, as the reader is
    String referrer = knowsSessionsAndUsers ? data.referrerType(q.prefixRows()[q.n() - 1]) : null;
    Scores scores = model.score(clicks, session, user, referrer, q.nowMs());
    if (examples != null) {
      collect(scores, q);
    }
    emit(scores, out);
    lastScores = scores;
  }

  private void emit(Scores scores, Scores out) {
    for (int k = 0; k < scores.size(); k++) {
      int id = scores.item(k);
      out.add(raw(id), scores.get(id));
    }
  }

  private void collect(Scores scores, Query q) {
    int target = model.idOf(Integer.toString(data.article[q.targetRow()]));
    model.addRankingExample(scores, target, q.n(), q.nowMs(), examples);
  }

  /** Events learned per second of time spent in {@code learn} (string ids included). */
  double learnEventsPerSecond() {
    return learned / (learnNanos / 1e9);
  }

  private int raw(int id) {
    if (id >= rawOf.length) {
      int old = rawOf.length;
      rawOf = Arrays.copyOf(rawOf, Math.max(id + 1, old * 2));
      Arrays.fill(rawOf, old, rawOf.length, -1);
    }
    if (rawOf[id] < 0) {
      rawOf[id] = Integer.parseInt(model.name(id));
    }
    return rawOf[id];
  }
}
