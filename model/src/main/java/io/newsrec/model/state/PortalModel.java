package io.newsrec.model.state;

import io.newsrec.model.HybridConfig;
import io.newsrec.model.Interaction;
import io.newsrec.model.algo.Decay;
import io.newsrec.model.algo.DecayedPopularity;
import io.newsrec.model.algo.Fusion;
import io.newsrec.model.algo.Scores;
import io.newsrec.model.algo.SessionKnn;
import io.newsrec.model.algo.SessionTrail;
import io.newsrec.model.algo.TimeKernelCounts;
import io.newsrec.model.algo.TopK;
import io.newsrec.model.algo.Transitions;
import io.newsrec.model.algo.Trending;
import io.newsrec.model.rank.BoostedTrees;
import io.newsrec.model.rank.RankFeatures;
import io.newsrec.model.rank.RankingExamples;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The online state and hybrid scoring of one portal.
 *
 * <p>{@link #learn} costs O(session length + transitions window): it appends to the session, counts
 * the click in its minute (popularity, read around the request's time) and in the decayed counts of
 * trending, strengthens the rules from the session's last clicks, counts the step from its previous
 * click (co-visitation) and files the session under the article for session-kNN. Every minute of
 * event time, articles not clicked within the article horizon and sessions older than the session
 * horizon are dropped, which bounds memory.
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

  /**
   * Half-lives of "most read" read around a request: beyond 3 a click counts under 1/8, and reading
   * 12 ranked the same on g1 (protocol A).
   */
  static final double POPULARITY_SPAN = 3;

  /**
   * Half-lives of co-visitation read around a request: a path taken once two hours ago still says
   * where readers of the article go next when nothing fresher does (protocol A: +0.0015 NDCG@20
   * over 3 half-lives; 144, the whole day, ranked the same as 12).
   */
  static final double COVISIT_SPAN = 12;

  private static final long MINUTE = 60_000L;

  /** Clicks it takes to move the clock that ages the state out (see {@link EventClock}). */
  static final int CLOCK_QUORUM = 1_000;

  /** How far past a request an article may first have been clicked and still be recommended. */
  static final long NOT_YET_TOLERANCE_MS = 10 * MINUTE;

  private static final long REFRESH_MS = 60_000L;

  /**
   * The popularity counts' source for clicks that follow another click of their session (every
   * click is also counted under {@link TimeKernelCounts#ANY}): on g1 what readers go on to read
   * predicts the next click better than what brings them in (popularity of the last 15 minutes
   * alone, protocol B: 0.3429 counting every click, 0.3485 counting these only).
   */
  private static final int WITHIN_SESSION = -2;

  /**
   * The popularity counts' source of the clicks of readers who came to the page the same way: class
   * {@code k} of {@link Interaction#referrerType} is counted under {@code REFERRER_SOURCE - k}.
   */
  private static final int REFERRER_SOURCE = -16;

  /** {@link #logShare} of an article read a billion times less than the most read one, or never. */
  private static final float LEAST_SHARE = -20f;

  /**
   * Referrer classes told apart per portal; the classes beyond it are not counted (a producer that
   * sends URLs instead of classes would otherwise grow the state without bound).
   */
  static final int MAX_REFERRER_TYPES = 64;

  private static final String[] SOURCES = {
    "session-knn", "transitions", "popularity", "co-visitation", "trending"
  };

  private final HybridConfig config;
  final ArticleCatalog catalog = new ArticleCatalog();
  final ReadHistory history;
  final ArrayDeque<Logged> log = new ArrayDeque<>();
  private final Map<String, Session> sessions = new HashMap<>();
  private final ArrayDeque<String> sessionOrder = new ArrayDeque<>();
  private final TimeKernelCounts popularity;
  private final DecayedPopularity baseline;
  private final DecayedPopularity recent;
  private final Transitions transitions;
  private final TimeKernelCounts covisit;

  /**
   * Every later click of a session under the article it entered at: where readers who came in
   * through an article went on to read, however many clicks later. The article a reader arrived at
   * says what brought them (a push, a search, a story shared) and stays in the session's context
   * when its last click has moved on. Read by the re-ranker only, so kept only when there is one.
   */
  private final TimeKernelCounts entryPaths;

  /** Co-visitation keyed by the later article: the paths into an article (re-ranker only). */
  private final TimeKernelCounts pathsInto;

  /**
   * Referrer classes, numbered in the order first learned (only {@link #learn} adds; a request's
   * unknown class reads -1); their clicks are counted only with a re-ranker, their only reader.
   */
  private final Object2IntOpenHashMap<String> referrerTypes = new Object2IntOpenHashMap<>();

  /**
   * Each class's name, one string for all its logged clicks: records decoded from a stream bring a
   * new string each, and the log holds a day of clicks.
   */
  private final String[] referrerNames = new String[MAX_REFERRER_TYPES];

  private final SessionKnn knn;
  private final double[] weights;

  /**
   * Fusion floors: co-visitation (clicks counted around the request's time) and trending (clicks
   * per ms) are divided by at least one click's worth, so that thin or distant evidence (a quiet
   * hour, paths taken hours from the request) stays small instead of being max-normalized to 1; 0
   * for the others, which are relative.
   */
  private final double[] floors;

  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
  private final Scores refreshScratch = new Scores();
  private int[] popular = new int[0];
  private long clockMs = Long.MIN_VALUE;
  private final EventClock expiryClock = new EventClock(CLOCK_QUORUM);
  private long lastExpireMs = Long.MIN_VALUE;
  private long lastRefreshMs = Long.MIN_VALUE;

  public PortalModel(HybridConfig config) {
    this.config = config;
    this.history = new ReadHistory(config.userHistorySize(), config.maxUsers());
    this.popularity =
        new TimeKernelCounts(config.popularityHalfLifeMinutes() * MINUTE, POPULARITY_SPAN);
    this.baseline =
        new DecayedPopularity(
            Trending.BASELINE_HALF_LIVES * config.trendingHalfLifeMinutes() * MINUTE);
    this.transitions =
        new Transitions(
            config.transitionsWindow(), config.transitionsHalfLifeMinutes() * MINUTE, 500);
    this.knn =
        new SessionKnn(
            config.knnNeighbours(), config.knnSample(), config.knnHalfLifeMinutes() * MINUTE);
    this.recent = new DecayedPopularity(config.trendingHalfLifeMinutes() * MINUTE);
    // co-visitation: next clicks only, counted around the request's time with a short half-life
    this.covisit = new TimeKernelCounts(config.covisitHalfLifeMinutes() * MINUTE, COVISIT_SPAN);
    this.entryPaths = new TimeKernelCounts(config.covisitHalfLifeMinutes() * MINUTE, COVISIT_SPAN);
    this.pathsInto = new TimeKernelCounts(config.covisitHalfLifeMinutes() * MINUTE, COVISIT_SPAN);
    this.referrerTypes.defaultReturnValue(-1);
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
    expiryClock.observe(t);
    int article = catalog.touch(e.articleId(), t);
    int referrer = referrerClass(e.referrerType());
    Session known = sessions.get(e.sessionId());
    if (known == null) {
      known = new Session(e.sessionId(), new SessionTrail(t));
      sessions.put(known.id, known);
      sessionOrder.addLast(known.id);
    }
    SessionTrail session = known.trail;
    if (session.append(article, t)) {
      popularity.add(TimeKernelCounts.ANY, article, t, e.weight());
      if (session.size() >= 2) {
        popularity.add(WITHIN_SESSION, article, t, e.weight());
      }
      if (config.rankerTrees() > 0 && referrer >= 0) {
        popularity.add(REFERRER_SOURCE - referrer, article, t, e.weight());
      }
      baseline.add(article, t, e.weight());
      transitions.learn(session.items(), session.size(), t, e.weight());
      knn.learn(session, article);
      // components switched off cost nothing
      if (config.weightCovisit() > 0 && session.size() >= 2) {
        covisit.add(session.items()[session.size() - 2], article, t, e.weight());
      }
      if (config.weightTrending() > 0) {
        recent.add(article, t, e.weight());
      }
      if (config.rankerTrees() > 0 && session.size() >= 2) {
        entryPaths.add(session.items()[0], article, t, e.weight());
        pathsInto.add(article, session.items()[session.size() - 2], t, e.weight());
      }
    }
    if (config.userHistory() && e.userId() != null) {
      // the profile is the re-ranker's only: without one, the reads are kept for exclusion alone
      if (config.rankerTrees() > 0) {
        history.record(
            e.userId(), article, logMinutes(t - catalog.firstSeen(article)), logShare(article));
      } else {
        history.record(e.userId(), article);
      }
    }
    // the log shares the session id and article index with the state: ~100 bytes a click
    String referrerType = referrer >= 0 ? referrerNames[referrer] : e.referrerType();
    log.addLast(new Logged(known.id, e.userId(), article, t, e.weight(), referrerType));
    if (due(lastExpireMs, MINUTE) || sessions.size() > config.maxSessions()) {
      expire();
    }
    // a small catalogue is re-ranked on every click, so a new portal answers at once
    if (due(lastRefreshMs, REFRESH_MS)
        || popular.length < Math.min(POPULAR_CANDIDATES, catalog.active().size())) {
      refreshPopular();
    }
  }

  /** The number of referrer class {@code type}, numbering a new one; -1 for none or too many. */
  private int referrerClass(String type) {
    if (type == null) {
      return -1;
    }
    int known = referrerTypes.getInt(type);
    if (known >= 0 || referrerTypes.size() >= MAX_REFERRER_TYPES) {
      return known;
    }
    int next = referrerTypes.size();
    referrerTypes.put(type, next);
    referrerNames[next] = type;
    return next;
  }

  /** {@link #score} of a request whose referrer is unknown. */
  public Scores score(List<String> sessionClicks, String sessionId, String userId, long nowMs) {
    return score(sessionClicks, sessionId, userId, null, nowMs);
  }

  /**
   * Scores the catalogue for a session at {@code nowMs}. Articles never to recommend (the session's
   * clicks, what the reader already read) get -infinity; untouched articles score 0.
   *
   * @param referrerType how the reader came to the page being read ({@link
   *     Interaction#referrerType}), null when unknown; read by the re-ranker only
   * @return this thread's scratch scores, valid until its next call
   */
  public Scores score(
      List<String> sessionClicks,
      String sessionId,
      String userId,
      String referrerType,
      long nowMs) {
    Scratch s = scratch.get();
    s.clear();
    s.referrer = referrerType == null ? -1 : referrerTypes.getInt(referrerType);
    int n = 0;
    int[] prefix = new int[sessionClicks.size()];
    for (String click : sessionClicks) {
      int id = catalog.idOf(click);
      if (id >= 0) {
        prefix[n++] = id;
      }
    }
    s.prefix = prefix;
    s.known = n;
    s.entry = n > 0 ? prefix[0] : -1;
    s.previous = n > 1 ? prefix[n - 2] : -1;
    s.last = n > 0 ? prefix[n - 1] : -1;
    Session known = sessionId == null ? null : sessions.get(sessionId);
    SessionTrail self = known == null ? null : known.trail;
    knn.score(prefix, n, self, nowMs, s.parts[0]);
    // rules are learned from a window of earlier clicks but read from the last click only: on g1
    // the paths out of the article being read predict the next click better than a 1/d blend of
    // the last three (+0.005 NDCG@20 in A and in B on two disjoint sets of evaluated hours, see
    // bench/README.md), and the older clicks already speak through session-kNN
    double[] w = s.weights;
    System.arraycopy(weights, 0, w, 0, weights.length);
    if (n > 0) {
      transitions.score(s.last, 1.0, s.parts[1]);
      if (weights[3] > 0) {
        covisit.scoreAround(s.last, nowMs, s.parts[3]);
      }
    }
    // most read around the request's time; when nothing was read near it (a quiet portal, a
    // request long after the last click), most read lately, in stored form: the articles share
    // one decay factor, which max-normalization cancels
    Scores pop = s.parts[2];
    popularity.scoreAround(TimeKernelCounts.ANY, nowMs, pop);
    s.popularityAround = pop.size() > 0;
    if (pop.size() == 0) {
      for (int id : popular) {
        pop.add(id, baseline.stored(id));
      }
    }
    if (weights[4] > 0) {
      // trending is one-sided (a rise up to now), so it decays to the later of the request's time
      // and the last learned click, never weighing clicks "in the future" up by 2^(age/half-life),
      // and counts only as far as the state is in step with the request: out of step by its
      // half-life either way (a stream consumer that lags, protocol A's state hours away from its
      // requests), it weighs half
      long at = Math.max(nowMs, clockMs);
      w[4] *= Decay.factor(Math.abs(nowMs - clockMs), config.trendingHalfLifeMinutes() * MINUTE);
      double shortFactor = recent.factorAt(at);
      double longFactor = baseline.factorAt(at);
      double shortHalfLife = config.trendingHalfLifeMinutes() * MINUTE;
      for (int k = 0; k < pop.size(); k++) {
        int id = pop.item(k);
        double trend =
            Trending.rateIncrease(
                recent.stored(id) * shortFactor,
                shortHalfLife,
                baseline.stored(id) * longFactor,
                Trending.BASELINE_HALF_LIVES * shortHalfLife);
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
      // an article first clicked well after the request's time may not have existed yet at it (a
      // state that runs ahead of its requests, as in protocol A); the tolerance keeps a new article
      // that trackers with clocks a few minutes fast report "in the future" for live requests
      if (catalog.lastSeen(id) < cutoff || catalog.firstSeen(id) > nowMs + NOT_YET_TOLERANCE_MS) {
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
    ReadHistory.Reader read = config.userHistory() && userId != null ? history.of(userId) : null;
    s.reader = read;
    if (read != null) {
      for (int k = 0; k < read.size(); k++) {
        s.fused.set(read.getInt(k), Double.NEGATIVE_INFINITY);
      }
      // reads older than the list are only in a set that cannot be listed: test each candidate
      if (read.earlier != null) {
        for (int k = 0; k < s.fused.size(); k++) {
          int id = s.fused.item(k);
          if (read.earlier.mightContain(id)) {
            s.fused.set(id, Double.NEGATIVE_INFINITY);
          }
        }
      }
    }
    return s.fused;
  }

  /**
   * Re-ranks the best {@code candidates} articles of the last {@link #score} on this thread by
   * {@code ranker} over their {@link RankFeatures}: they keep their places above every other
   * article, in the ranker's order.
   *
   * @param n the session's clicks in the request
   * @return how many articles it re-ordered (the first ones of the list now)
   */
  public int rerank(Scores fused, BoostedTrees ranker, int candidates, int n, long nowMs) {
    int[] top = TopK.select(fused, candidates);
    if (top.length == 0) {
      return 0;
    }
    float[][] features = rankFeatures(fused, top, n, nowMs);
    double floor = fused.get(top[0]);
    double[] learned = new double[top.length];
    ranker.scoreAll(features, learned);
    double lowest = Double.POSITIVE_INFINITY;
    for (double v : learned) {
      lowest = Math.min(lowest, v);
    }
    // above the best fused score, so the rest of the catalogue stays below the re-ranked ones
    for (int r = 0; r < top.length; r++) {
      fused.set(top[r], floor + 1.0 + (learned[r] - lowest));
    }
    return top.length;
  }

  /**
   * Adds the ranker's training example of the last {@link #score} on this thread to {@code into}:
   * the best {@link io.newsrec.model.rank.Ranker#CANDIDATES} articles' features and which of them
   * is {@code clicked}. A list without the clicked article teaches the order of nothing and is not
   * added.
   *
   * @param clicked index of the article that was clicked next (-1 when unknown)
   * @param n the session's clicks in the request
   * @return whether the example was added
   */
  public boolean addRankingExample(
      Scores fused, int clicked, int n, long nowMs, RankingExamples into) {
    int[] top = TopK.select(fused, io.newsrec.model.rank.Ranker.CANDIDATES);
    for (int r = 0; r < top.length; r++) {
      if (top[r] == clicked) {
        into.addGroup(rankFeatures(fused, top, n, nowMs), r);
        return true;
      }
    }
    return false;
  }

  /**
   * The features of {@code candidates} (best first, as {@link TopK#select} returns them) after the
   * last {@link #score} on this thread, one row per candidate; see {@link RankFeatures} for their
   * meaning and order.
   *
   * @param n the session's clicks in the request
   */
  public float[][] rankFeatures(Scores fused, int[] candidates, int n, long nowMs) {
    Scratch s = scratch.get();
    // what is the same for every candidate of the request is computed once
    double[] max = new double[SOURCES.length];
    for (int c = 0; c < SOURCES.length; c++) {
      max[c] = s.parts[c].max();
    }
    float[] knnRank = logRanks(s.parts[0], candidates);
    float[] popularityRank = logRanks(s.parts[2], candidates);
    float[] covisitRank = logRanks(s.parts[3], candidates);
    float knnEvidence = (float) Math.log1p(max[0]);
    float covisitEvidence = (float) Math.log1p(max[3]);
    Scores within = s.withinSession;
    within.clear();
    popularity.scoreAround(WITHIN_SESSION, nowMs, within);
    Scores fromEntry = s.fromEntry;
    float[] fromEntryRank = ranksAround(entryPaths, s.entry, nowMs, fromEntry, candidates);
    Scores fromPrevious = s.fromPrevious;
    float[] fromPreviousRank = ranksAround(covisit, s.previous, nowMs, fromPrevious, candidates);
    Scores toLast = s.toLast;
    float[] toLastRank = ranksAround(pathsInto, s.last, nowMs, toLast, candidates);
    Scores sameWay = s.sameReferrer;
    sameWay.clear();
    if (s.referrer >= 0) {
      popularity.scoreAround(REFERRER_SOURCE - s.referrer, nowMs, sameWay);
    }
    float[] sameWayRank = logRanks(sameWay, candidates);
    boolean referrerKnown = s.referrer >= 0;
    ReadHistory.Reader reader = s.reader;
    float readerReads =
        reader == null ? -1f : (float) Math.log1p(readsBefore(reader, s.prefix, s.known));
    boolean profiled = reader != null && reader.profiled();
    float[][] rows = new float[candidates.length][];
    for (int r = 0; r < candidates.length; r++) {
      int id = candidates[r];
      float[] f = new float[RankFeatures.COUNT];
      for (int c = 0; c < SOURCES.length; c++) {
        double scale = Math.max(max[c], floors[c]);
        f[RankFeatures.COMPONENT + c] = scale > 0 ? (float) (s.parts[c].get(id) / scale) : 0f;
      }
      f[RankFeatures.FUSED] = (float) fused.get(id);
      f[RankFeatures.RANK] = r;
      f[RankFeatures.SESSION_LENGTH] = n;
      f[RankFeatures.AGE] = logMinutes(nowMs - catalog.firstSeen(id));
      f[RankFeatures.SINCE_LAST_CLICK] = logMinutes(nowMs - catalog.lastSeen(id));
      f[RankFeatures.POPULARITY] = (float) Math.log1p(s.parts[2].get(id));
      f[RankFeatures.RULES] = (float) Math.log1p(s.parts[1].get(id));
      f[RankFeatures.KNN_EVIDENCE] = knnEvidence;
      f[RankFeatures.COVISIT_EVIDENCE] = covisitEvidence;
      f[RankFeatures.KNN_RANK] = knnRank[r];
      f[RankFeatures.POPULARITY_RANK] = popularityRank[r];
      f[RankFeatures.COVISIT_RANK] = covisitRank[r];
      double inside = within.get(id);
      double all = s.parts[2].get(id);
      f[RankFeatures.WITHIN_SESSION_POPULARITY] = (float) Math.log1p(inside);
      f[RankFeatures.WITHIN_SESSION_SHARE] =
          s.popularityAround && all > 0 ? (float) Math.min(1.0, inside / all) : -1f;
      f[RankFeatures.FROM_ENTRY] = (float) Math.log1p(fromEntry.get(id));
      f[RankFeatures.FROM_ENTRY_RANK] = fromEntryRank[r];
      f[RankFeatures.FROM_PREVIOUS] = (float) Math.log1p(fromPrevious.get(id));
      f[RankFeatures.FROM_PREVIOUS_RANK] = fromPreviousRank[r];
      f[RankFeatures.TO_LAST] = (float) Math.log1p(toLast.get(id));
      f[RankFeatures.TO_LAST_RANK] = toLastRank[r];
      double sameWayClicks = sameWay.get(id);
      f[RankFeatures.SAME_REFERRER_POPULARITY] =
          referrerKnown ? (float) Math.log1p(sameWayClicks) : -1f;
      f[RankFeatures.SAME_REFERRER_RANK] = sameWayRank[r];
      f[RankFeatures.SAME_REFERRER_SHARE] =
          referrerKnown && s.popularityAround && all > 0
              ? (float) Math.min(1.0, sameWayClicks / all)
              : -1f;
      f[RankFeatures.READER_READS] = readerReads;
      f[RankFeatures.READER_AGE] = profiled ? reader.meanAge : -1f;
      f[RankFeatures.READER_AGE_GAP] = profiled ? f[RankFeatures.AGE] - reader.meanAge : 0f;
      f[RankFeatures.READER_SHARE_GAP] = profiled ? logShare(id) - reader.meanShare : 0f;
      rows[r] = f;
    }
    return rows;
  }

  /**
   * The reader's reads other than the session's own clicks: those in the list, and, for a reader
   * whose older reads went into the set (which cannot count them), as many again as the list holds.
   */
  private static int readsBefore(ReadHistory.Reader reader, int[] prefix, int n) {
    int before = 0;
    for (int k = 0; k < reader.size(); k++) {
      int id = reader.getInt(k);
      boolean inSession = false;
      for (int j = 0; j < n && !inSession; j++) {
        inSession = prefix[j] == id;
      }
      before += inSession ? 0 : 1;
    }
    return reader.earlier != null ? before + reader.size() : before;
  }

  /**
   * Fills {@code into} with {@code counts} of {@code key}'s targets around {@code nowMs} (empty for
   * key -1, a request without such a click) and returns the candidates' {@link #logRanks} there.
   */
  private static float[] ranksAround(
      TimeKernelCounts counts, int key, long nowMs, Scores into, int[] candidates) {
    into.clear();
    if (key >= 0) {
      counts.scoreAround(key, nowMs, into);
    }
    return logRanks(into, candidates);
  }

  /**
   * ln(the article's decayed "most read" count / that of the portal's most read article at the last
   * refresh), at most 0, {@link #LEAST_SHARE} for an article never counted. The two counts share
   * one decay factor, so the ratio needs no time; the most read article is up to a minute stale
   * ({@link #REFRESH_MS}), and the cap keeps an article that overtook it at 0.
   */
  private float logShare(int article) {
    double top = popular.length > 0 ? baseline.stored(popular[0]) : 0;
    double mine = baseline.stored(article);
    if (!(top > 0) || !(mine > 0)) {
      return LEAST_SHARE;
    }
    return (float) Math.max(LEAST_SHARE, Math.log(Math.min(1.0, mine / top)));
  }

  private static float logMinutes(long ms) {
    return (float) Math.log1p(Math.max(0, ms) / (double) MINUTE);
  }

  /**
   * For each candidate, ln(1 + the scores of {@code part} above its own), {@link
   * RankFeatures#ABSENT} when the component did not score it. One pass over the component's scores
   * (often a thousand or more) with a binary search among the candidates' few sorted values, where
   * sorting the whole component per request had cost an array and O(m log m).
   */
  static float[] logRanks(Scores part, int[] candidates) {
    double[] sorted = new double[candidates.length];
    int scored = 0;
    for (int id : candidates) {
      double v = part.get(id);
      if (v > 0) {
        sorted[scored++] = v;
      }
    }
    Arrays.sort(sorted, 0, scored);
    // above[i]: scores x of the component with exactly i candidate values below x
    int[] above = new int[scored + 2];
    for (int k = 0; k < part.size(); k++) {
      double x = part.get(part.item(k));
      if (scored > 0 && x > sorted[0]) {
        above[lowerBound(sorted, scored, x)]++;
      }
    }
    // a score is above v exactly when every candidate value <= v lies below it: suffix sums
    for (int i = scored; i >= 0; i--) {
      above[i] += above[i + 1];
    }
    float[] out = new float[candidates.length];
    for (int r = 0; r < candidates.length; r++) {
      double v = part.get(candidates[r]);
      out[r] =
          v > 0 ? (float) Math.log1p(above[upperBound(sorted, scored, v)]) : RankFeatures.ABSENT;
    }
    return out;
  }

  /** The number of the first {@code n} values of {@code sorted} below {@code x}. */
  private static int lowerBound(double[] sorted, int n, double x) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The number of the first {@code n} values of {@code sorted} at or below {@code x}. */
  private static int upperBound(double[] sorted, int n, double x) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
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

  /**
   * Whether {@code periodMs} of event time passed since {@code lastMs}. Never-yet ({@link
   * Long#MIN_VALUE}) is due: {@code clockMs - Long.MIN_VALUE} overflows to a negative number, which
   * had kept the time-based expiry from ever running (nothing aged out below {@code max_sessions}).
   */
  private boolean due(long lastMs, long periodMs) {
    return lastMs == Long.MIN_VALUE || clockMs - lastMs >= periodMs;
  }

  private void expire() {
    lastExpireMs = clockMs;
    // the horizons count back from the quorum clock, not from the latest click
    long clock = expiryClock.nowMs();
    long articleCutoff = clock - (long) (config.articleHorizonHours() * 60 * MINUTE);
    catalog.expire(
        articleCutoff,
        id -> {
          baseline.forget(id);
          recent.forget(id);
          transitions.forget(id);
          knn.forget(id);
        });
    long sessionCutoff = clock - (long) (config.sessionHorizonHours() * 60 * MINUTE);
    popularity.expireBefore(sessionCutoff);
    covisit.expireBefore(sessionCutoff);
    entryPaths.expireBefore(sessionCutoff);
    pathsInto.expireBefore(sessionCutoff);
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
      all.add(id, baseline.stored(id));
    }
    popular = TopK.select(all, POPULAR_CANDIDATES);
  }

  private record Session(String id, SessionTrail trail) {}

  /** A learned click as kept for the artifact. */
  record Logged(
      String sessionId,
      String userId,
      int article,
      long timeMs,
      double weight,
      String referrerType) {}

  private static final class Scratch {
    final Scores[] parts = {new Scores(), new Scores(), new Scores(), new Scores(), new Scores()};
    final Scores fused = new Scores();
    final double[] weights = new double[SOURCES.length];

    /**
     * Clicks within sessions around the request's time: filled (and cleared) by {@code
     * rankFeatures} only, so a request without re-ranker never reads them.
     */
    final Scores withinSession = new Scores();

    /**
     * Later clicks of the sessions that entered at the request's first click, around the request's
     * time: filled (and cleared) by {@code rankFeatures} only.
     */
    final Scores fromEntry = new Scores();

    /**
     * Co-visitation from the request's click before the last, around the request's time: filled
     * (and cleared) by {@code rankFeatures} only.
     */
    final Scores fromPrevious = new Scores();

    /**
     * The paths into the request's last click, around the request's time: filled (and cleared) by
     * {@code rankFeatures} only.
     */
    final Scores toLast = new Scores();

    /**
     * Clicks around the request's time of readers who came to their page the way this one did:
     * filled (and cleared) by {@code rankFeatures} only.
     */
    final Scores sameReferrer = new Scores();

    /** The request's referrer class, -1 when unknown (set by score). */
    int referrer = -1;

    /** The request's reader's reads and profile, null when unknown (set by score). */
    ReadHistory.Reader reader;

    /** The request's clicks of known articles, the first {@link #known} of it (set by score). */
    int[] prefix = new int[0];

    int known;

    /**
     * Whether the popularity part holds counts around the request, not the fallback (set by score).
     */
    boolean popularityAround;

    /** The request's first known click, -1 for none (set by score). */
    int entry = -1;

    /** The request's known click before the last, -1 for fewer than two (set by score). */
    int previous = -1;

    /** The request's last known click, -1 for none (set by score). */
    int last = -1;

    void clear() {
      for (Scores p : parts) {
        p.clear();
      }
      fused.clear();
    }
  }
}
