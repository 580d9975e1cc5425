package io.newsrec.model.state;

import io.newsrec.model.HybridConfig;
import io.newsrec.model.Interaction;
import io.newsrec.model.algo.Decay;
import io.newsrec.model.algo.DecayedPopularity;
import io.newsrec.model.algo.Fusion;
import io.newsrec.model.algo.Scores;
import io.newsrec.model.algo.SessionKnn;
import io.newsrec.model.algo.SessionTrail;
import io.newsrec.model.algo.TopK;
import io.newsrec.model.algo.Transitions;
import io.newsrec.model.algo.Trending;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The online state and hybrid scoring of one portal.
 *
 * <p>{@link #learn} costs O(session length + transitions window): it appends to the session, bumps
 * the article's decayed popularity (and its short-half-life count for trending), strengthens the
 * rules from the session's last clicks and the co-visitation from its previous click, and files the
 * session under the article for session-kNN. Every minute of event time, articles not clicked
 * within the article horizon and sessions older than the session horizon are dropped, which bounds
 * memory.
 *
 * <p>Not thread-safe by itself: one writer, and readers that do not overlap the writer (the facade
 * holds a read-write lock per portal). Readers may run concurrently with each other: the scoring
 * scratch space is per thread.
 */
public final class PortalModel {
  /**
   * Popular candidates considered besides those of kNN and rules, refreshed every 10 s of event
   * time.
   */
  static final int POPULAR_CANDIDATES = 200;

  private static final long MINUTE = 60_000L;
  private static final long REFRESH_MS = 60_000L;
  private static final String[] SOURCES = {
    "session-knn", "transitions", "popularity", "co-visitation", "trending"
  };

  private final HybridConfig config;
  final ArticleCatalog catalog = new ArticleCatalog();
  final ReadHistory history;
  final ArrayDeque<Logged> log = new ArrayDeque<>();
  private final Map<String, Session> sessions = new HashMap<>();
  private final ArrayDeque<String> sessionOrder = new ArrayDeque<>();
  private final DecayedPopularity popularity;
  private final DecayedPopularity recent;
  private final Transitions transitions;
  private final Transitions covisit;
  private final SessionKnn knn;
  private final double[] weights;

  /**
   * Fusion floors: co-visitation (clicks decayed to now) and trending (clicks per ms) are divided
   * by at least one click's worth, so that thin or stale evidence (a quiet hour, or protocol A's
   * past-only state) stays small instead of being max-normalized to 1; 0 for the others, which are
   * ranked in stored form.
   */
  private final double[] floors;

  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
  private final Scores refreshScratch = new Scores();
  private int[] popular = new int[0];
  private long clockMs = Long.MIN_VALUE;
  private long lastExpireMs = Long.MIN_VALUE;
  private long lastRefreshMs = Long.MIN_VALUE;

  public PortalModel(HybridConfig config) {
    this.config = config;
    this.history = new ReadHistory(config.userHistorySize(), config.maxUsers());
    this.popularity = new DecayedPopularity(config.popularityHalfLifeMinutes() * MINUTE);
    this.transitions =
        new Transitions(
            config.transitionsWindow(), config.transitionsHalfLifeMinutes() * MINUTE, 500);
    this.knn =
        new SessionKnn(
            config.knnNeighbours(), config.knnSample(), config.knnHalfLifeMinutes() * MINUTE);
    this.recent = new DecayedPopularity(config.trendingHalfLifeMinutes() * MINUTE);
    // co-visitation: the rules' structure with the next click only and a half-life of minutes
    this.covisit = new Transitions(1, config.covisitHalfLifeMinutes() * MINUTE, 500);
    this.weights =
        new double[] {
          config.weightKnn(),
          config.weightTransitions(),
          config.weightPopularity(),
          config.weightCovisit(),
          config.weightTrending()
        };
    this.floors =
        new double[] {0, 0, 0, 1.0, Math.log(2.0) / (config.trendingHalfLifeMinutes() * MINUTE)};
  }

  /** Learns from one interaction. */
  public void learn(Interaction e) {
    long t = e.timeMs();
    clockMs = Math.max(clockMs, t);
    int article = catalog.touch(e.articleId(), t);
    Session known = sessions.get(e.sessionId());
    if (known == null) {
      known = new Session(e.sessionId(), new SessionTrail(t));
      sessions.put(known.id, known);
      sessionOrder.addLast(known.id);
    }
    SessionTrail session = known.trail;
    if (session.append(article, t)) {
      popularity.add(article, t, e.weight());
      transitions.learn(session.items(), session.size(), t, e.weight());
      knn.learn(session, article);
      // components switched off cost nothing
      if (config.weightCovisit() > 0) {
        covisit.learn(session.items(), session.size(), t, e.weight());
      }
      if (config.weightTrending() > 0) {
        recent.add(article, t, e.weight());
      }
    }
    if (config.userHistory() && e.userId() != null) {
      history.record(e.userId(), article);
    }
    // the log shares the session id and article index with the state: ~100 bytes a click
    log.addLast(new Logged(known.id, e.userId(), article, t, e.weight()));
    if (clockMs - lastExpireMs >= MINUTE || sessions.size() > config.maxSessions()) {
      expire();
    }
    // a small catalogue is re-ranked on every click, so a new portal answers at once
    if (clockMs - lastRefreshMs >= REFRESH_MS
        || popular.length < Math.min(POPULAR_CANDIDATES, catalog.active().size())) {
      refreshPopular();
    }
  }

  /**
   * Scores the catalogue for a session at {@code nowMs}. Articles never to recommend (the session's
   * clicks, what the reader already read) get -infinity; untouched articles score 0.
   *
   * @return this thread's scratch scores, valid until its next call
   */
  public Scores score(List<String> sessionClicks, String sessionId, String userId, long nowMs) {
    Scratch s = scratch.get();
    s.clear();
    int n = 0;
    int[] prefix = new int[sessionClicks.size()];
    for (String click : sessionClicks) {
      int id = catalog.idOf(click);
      if (id >= 0) {
        prefix[n++] = id;
      }
    }
    Session known = sessionId == null ? null : sessions.get(sessionId);
    SessionTrail self = known == null ? null : known.trail;
    knn.score(prefix, n, self, nowMs, s.parts[0]);
    // rules are learned from a window of earlier clicks but read from the last click only: on g1
    // the paths out of the article being read predict the next click better than a 1/d blend of
    // the last three (+0.005 NDCG@20 in A and in B on two disjoint sets of evaluated hours, see
    // bench/README.md), and the older clicks already speak through session-kNN
    // the real-time components decay to the later of the request's time and the last learned
    // click: a state that already holds later clicks (protocol A's past sessions run on into the
    // evaluated hour) must not weigh them up by 2^(age / half-life) for being "in the future"
    long at = Math.max(nowMs, clockMs);
    double[] w = s.weights;
    System.arraycopy(weights, 0, w, 0, weights.length);
    // ... and they count only as far as the state is in step with the request: out of step by
    // their half-life either way (a stream consumer that lags, or protocol A's state, hours away
    // from its requests), they weigh half
    long outOfStep = Math.abs(nowMs - clockMs);
    w[3] *= Decay.factor(outOfStep, config.covisitHalfLifeMinutes() * MINUTE);
    w[4] *= Decay.factor(outOfStep, config.trendingHalfLifeMinutes() * MINUTE);
    if (n > 0) {
      transitions.score(prefix[n - 1], 1.0, s.parts[1]);
      if (weights[3] > 0) {
        covisit.scoreAt(prefix[n - 1], at, 1.0, s.parts[3]);
      }
    }
    // stored values, not decayed to now: they share one factor, which max-normalization cancels
    Scores pop = s.parts[2];
    for (int id : popular) {
      pop.add(id, popularity.stored(id));
    }
    for (int c : new int[] {0, 1, 3}) {
      for (int k = 0; k < s.parts[c].size(); k++) {
        int id = s.parts[c].item(k);
        if (!pop.contains(id)) {
          pop.add(id, popularity.stored(id));
        }
      }
    }
    if (weights[4] > 0) {
      double shortFactor = recent.factorAt(at);
      double longFactor = popularity.factorAt(at);
      for (int k = 0; k < pop.size(); k++) {
        int id = pop.item(k);
        double trend =
            Trending.rateIncrease(
                recent.stored(id) * shortFactor,
                config.trendingHalfLifeMinutes() * MINUTE,
                pop.get(id) * longFactor,
                config.popularityHalfLifeMinutes() * MINUTE);
        if (trend > 0) {
          s.parts[4].add(id, trend);
        }
      }
    }
    Fusion.maxNormalizedSum(s.parts, w, floors, s.fused);
    long cutoff = nowMs - (long) (config.articleHorizonHours() * 60 * MINUTE);
    double freshHalfLife = config.freshnessHalfLifeHours() * 60 * MINUTE;
    for (int k = 0; k < s.fused.size(); k++) {
      int id = s.fused.item(k);
      if (catalog.lastSeen(id) < cutoff) {
        s.fused.set(id, 0.0);
      } else if (config.weightFreshness() > 0) {
        double boost =
            Fusion.freshness(
                nowMs - catalog.firstSeen(id), freshHalfLife, config.weightFreshness());
        s.fused.set(id, s.fused.get(id) * boost);
      }
    }
    for (int k = 0; k < n; k++) {
      s.fused.set(prefix[k], Double.NEGATIVE_INFINITY);
    }
    if (config.userHistory() && userId != null) {
      IntArrayList read = history.of(userId);
      for (int k = 0; k < read.size(); k++) {
        s.fused.set(read.getInt(k), Double.NEGATIVE_INFINITY);
      }
    }
    return s.fused;
  }

  /** The best {@code count} articles of the last {@link #score} on this thread, with sources. */
  public List<Ranked> top(Scores fused, int count) {
    Scratch s = scratch.get();
    int[] best = TopK.select(fused, count);
    Ranked[] out = new Ranked[best.length];
    for (int r = 0; r < best.length; r++) {
      List<String> sources = new java.util.ArrayList<>(SOURCES.length);
      for (int c = 0; c < SOURCES.length; c++) {
        if (weights[c] > 0 && s.parts[c].get(best[r]) > 0) {
          sources.add(SOURCES[c]);
        }
      }
      out[r] = new Ranked(catalog.name(best[r]), fused.get(best[r]), sources);
    }
    return List.of(out);
  }

  /** One ranked article. */
  public record Ranked(String articleId, double score, List<String> sources) {}

  /** Index of {@code article}, -1 when unknown. */
  public int idOf(String article) {
    return catalog.idOf(article);
  }

  /** Article id of index {@code id}. */
  public String name(int id) {
    return catalog.name(id);
  }

  /** Articles ever seen (aged-out ones included). */
  public int catalogSize() {
    return catalog.size();
  }

  /** Sessions currently held. */
  public int sessionCount() {
    return sessions.size();
  }

  /** Articles currently recommendable. */
  public int activeArticles() {
    return catalog.active().size();
  }

  HybridConfig config() {
    return config;
  }

  private void expire() {
    lastExpireMs = clockMs;
    long articleCutoff = clockMs - (long) (config.articleHorizonHours() * 60 * MINUTE);
    catalog.expire(
        articleCutoff,
        id -> {
          popularity.forget(id);
          recent.forget(id);
          transitions.forget(id);
          covisit.forget(id);
          knn.forget(id);
        });
    long sessionCutoff = clockMs - (long) (config.sessionHorizonHours() * 60 * MINUTE);
    while (!sessionOrder.isEmpty()) {
      String head = sessionOrder.peekFirst();
      Session known = sessions.get(head);
      if (known != null
          && known.trail().startMs() >= sessionCutoff
          && sessions.size() <= config.maxSessions()) {
        break;
      }
      sessionOrder.pollFirst();
      sessions.remove(head);
    }
    while (!log.isEmpty() && log.peekFirst().timeMs() < sessionCutoff) {
      log.pollFirst();
    }
  }

  /** Re-ranks the popular candidates; O(active articles), every few seconds of event time. */
  void refreshPopular() {
    lastRefreshMs = clockMs;
    Scores all = refreshScratch;
    all.clear();
    IntArrayList active = catalog.active();
    for (int k = 0; k < active.size(); k++) {
      int id = active.getInt(k);
      all.add(id, popularity.stored(id));
    }
    popular = TopK.select(all, POPULAR_CANDIDATES);
  }

  private record Session(String id, SessionTrail trail) {}

  /** A learned click as kept for the artifact. */
  record Logged(String sessionId, String userId, int article, long timeMs, double weight) {}

  private static final class Scratch {
    final Scores[] parts = {new Scores(), new Scores(), new Scores(), new Scores(), new Scores()};
    final Scores fused = new Scores();
    final double[] weights = new double[SOURCES.length];

    void clear() {
      for (Scores p : parts) {
        p.clear();
      }
      fused.clear();
    }
  }
}
