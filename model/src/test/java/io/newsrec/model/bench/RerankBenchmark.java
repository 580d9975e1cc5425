package io.newsrec.model.bench;

import io.newsrec.model.HybridRecommender;
import io.newsrec.model.RecommendRequest;
import io.newsrec.model.Recommendations;
import io.newsrec.model.algo.Scores;
import io.newsrec.model.algo.TopK;
import io.newsrec.model.rank.BoostedTrees;
import io.newsrec.model.rank.Ranker;
import io.newsrec.model.state.ArtifactCodec;
import io.newsrec.model.state.PortalModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one request costs in the model, with the learned re-ranker and without it, and which part of
 * the re-ranker's cost is the trees and which the features. Every benchmark cycles through the same
 * requests (session prefixes of the history's last hour) against the same state, an artifact that
 * {@link RerankBench} trained and passes in {@value #ARTIFACT}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RerankBenchmark {
  static final String ARTIFACT = "newsrec.bench.artifact";
  static final String SEED = "newsrec.bench.seed";

  private HybridRecommender served;
  private HybridRecommender withoutRanker;
  private PortalModel portal;
  private BoostedTrees trees;
  private NestedWalk nested;
  private RecommendRequest[] requests;
  private float[][][] rows;
  private double[] learned;
  private int next;

  @Setup
  public void setUp() throws IOException {
    Path artifact = Path.of(System.getProperty(ARTIFACT));
    try (InputStream in = Files.newInputStream(artifact)) {
      served = HybridRecommender.read(in);
    }
    if (!served.hasRanker()) {
      throw new IllegalStateException("the artifact has no re-ranker to measure");
    }
    withoutRanker = served.withoutRanker();
    ArtifactCodec.Restored restored;
    try (InputStream in = Files.newInputStream(artifact)) {
      restored = ArtifactCodec.read(in);
    }
    portal = restored.portals().get(SyntheticNews.PORTAL);
    trees = restored.ranker();
    nested = NestedWalk.of(trees);
    SyntheticNews.Day day = RerankBench.day(Long.getLong(SEED, RerankBench.DEFAULT_SEED));
    List<RecommendRequest> list = new ArrayList<>();
    List<float[][]> features = new ArrayList<>();
    for (int i = 0; i < day.lastHourPrefixes().size(); i++) {
      List<String> prefix = day.lastHourPrefixes().get(i);
      RecommendRequest q =
          new RecommendRequest(
              SyntheticNews.PORTAL,
              null,
              prefix,
              20,
              Set.of(),
              null,
              day.endMs(),
              day.lastHourReferrers().get(i));
      list.add(q);
      Scores scores = portal.score(prefix, null, null, q.referrerType(), q.nowMs());
      features.add(
          portal.rankFeatures(
              scores, TopK.select(scores, Ranker.CANDIDATES), prefix.size(), q.nowMs()));
    }
    requests = list.toArray(RecommendRequest[]::new);
    rows = features.toArray(float[][][]::new);
    learned = new double[Ranker.CANDIDATES];
  }

  private int nextIndex() {
    int i = next;
    next = i + 1 == requests.length ? 0 : i + 1;
    return i;
  }

  /** A request as served: the hybrid's scores, its best 50 re-ordered by the trees. */
  @Benchmark
  public Recommendations recommendWithRanker() {
    return served.recommend(requests[nextIndex()]);
  }

  /** The same request answered by the fixed-weight hybrid alone: the baseline. */
  @Benchmark
  public Recommendations recommendWithoutRanker() {
    return withoutRanker.recommend(requests[nextIndex()]);
  }

  /** The trees alone, scoring the request's 50 candidates' feature rows. */
  @Benchmark
  public double[] treesOnly() {
    trees.scoreAll(rows[nextIndex()], learned);
    return learned;
  }

  /** The same trees, one row at a time ({@link BoostedTrees#score}): the plainest walk. */
  @Benchmark
  public double[] treesRowByRow() {
    float[][] request = rows[nextIndex()];
    for (int r = 0; r < request.length; r++) {
      learned[r] = trees.score(request[r]);
    }
    return learned;
  }

  /** The same trees and rows in the layout served before (nested arrays per tree): the baseline. */
  @Benchmark
  public double[] treesNested() {
    nested.scoreAll(rows[nextIndex()], learned);
    return learned;
  }

  /** The hybrid's scores and its best 50, as the re-ranker starts. */
  @Benchmark
  public int[] scoreAndSelect() {
    RecommendRequest q = requests[nextIndex()];
    Scores scores = portal.score(q.sessionClicks(), null, null, q.referrerType(), q.nowMs());
    return TopK.select(scores, Ranker.CANDIDATES);
  }

  /** That, and the 50 candidates' feature rows: the features' cost is the difference. */
  @Benchmark
  public float[][] scoreSelectAndFeatures() {
    RecommendRequest q = requests[nextIndex()];
    Scores scores = portal.score(q.sessionClicks(), null, null, q.referrerType(), q.nowMs());
    int[] top = TopK.select(scores, Ranker.CANDIDATES);
    return portal.rankFeatures(scores, top, q.sessionClicks().size(), q.nowMs());
  }
}
