package io.newsrec.model;

import io.newsrec.model.rank.RankFeatures;
import io.newsrec.model.rank.RankingExamples;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The replay that collects a re-ranker's training lists: the history is learned click by click, and
 * before a sampled click is learned, the model's list for its session so far is taken as an
 * example. Which clicks: those with an earlier click in their session (a list needs a session to
 * follow, as protocol A's do), every {@code stride}-th of them so that at most {@code maxLists} are
 * scored and they spread evenly over the history, whatever its length.
 */
final class RankerTraining {
  private RankerTraining() {}

  /** Adds a click's list to the examples, if the clicked article is among its candidates. */
  @FunctionalInterface
  interface Collector {
    void collect(
        Interaction click, List<String> sessionSoFar, String referrerType, RankingExamples into);
  }

  /**
   * @param learn learns one interaction
   * @param collector adds the list for a click given the session's earlier article ids and the
   *     referrer type of the last of them (how the reader came to the page a request is made from)
   */
  static RankingExamples replay(
      List<Interaction> inTimeOrder,
      int maxLists,
      Consumer<Interaction> learn,
      Collector collector) {
    // clicks left per session, so that a session's prefix is dropped after its last click and the
    // prefixes held are those of sessions still running, not of the whole history
    Map<SessionKey, int[]> left = new HashMap<>();
    for (Interaction e : inTimeOrder) {
      left.computeIfAbsent(SessionKey.of(e), k -> new int[1])[0]++;
    }
    long followers = inTimeOrder.size() - (long) left.size();
    long stride = Math.max(1, (followers + maxLists - 1) / maxLists);
    RankingExamples examples = new RankingExamples(RankFeatures.COUNT);
    Map<SessionKey, SoFar> soFar = new HashMap<>();
    long follower = 0;
    for (Interaction e : inTimeOrder) {
      SessionKey key = SessionKey.of(e);
      SoFar session = soFar.computeIfAbsent(key, k -> new SoFar());
      if (!session.articles.isEmpty() && follower++ % stride == 0 && examples.groups() < maxLists) {
        collector.collect(e, List.copyOf(session.articles), session.lastReferrer, examples);
      }
      learn.accept(e);
      session.articles.add(e.articleId());
      session.lastReferrer = e.referrerType();
      if (--left.get(key)[0] == 0) {
        soFar.remove(key);
        left.remove(key);
      }
    }
    return examples;
  }

  /** A running session's article ids so far and the referrer type of the last of them. */
  private static final class SoFar {
    final List<String> articles = new ArrayList<>(4);
    String lastReferrer;
  }

  /** Sessions are per portal: the same id on two portals is two sessions. */
  private record SessionKey(String portal, String sessionId) {
    static SessionKey of(Interaction e) {
      return new SessionKey(e.portal(), e.sessionId());
    }
  }
}
