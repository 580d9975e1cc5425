package io.newsrec.model.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.newsrec.model.HybridConfig;
import io.newsrec.model.Interaction;
import io.newsrec.model.algo.Scores;
import io.newsrec.model.rank.BoostedTrees;
import io.newsrec.model.rank.RankFeatures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ArtifactCodecTest {
  private static final long T0 = 1_506_800_000_000L;

  @Test
  void anArtifactOfVersionOneIsStillReadAndHasNoRanker() throws IOException {
    // written field by field as version 1 had it: magic, version, hyperparameters (one), portals:
    // catalogue (two articles), log (two clicks of one session), readers (none)
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream d = new DataOutputStream(new GZIPOutputStream(bytes))) {
      d.writeUTF("NEWSREC-HYBRID");
      d.writeInt(1);
      d.writeInt(1);
      d.writeUTF("knn_neighbours");
      d.writeUTF("50");
      d.writeInt(1);
      writeCatalogueAndSessionS1(d, 2, false);
      d.writeInt(0);
    }

    ArtifactCodec.Restored restored =
        ArtifactCodec.read(new ByteArrayInputStream(bytes.toByteArray()));

    assertThat(restored.ranker()).isNull();
    assertThat(restored.config().knnNeighbours()).isEqualTo(50);
    assertThat(restored.config().rankerTrees()).isEqualTo(200); // a default, though no trees came
    PortalModel g1 = restored.portals().get("g1");
    assertThat(g1.sessionCount()).isEqualTo(1);
    Scores scores = g1.score(List.of("a"), null, null, T0 + 2_000);
    assertThat(scores.get(g1.idOf("b"))).isPositive();
  }

  @Test
  void anArtifactOfVersionTwoIsStillReadWithItsReadersLastReads() throws IOException {
    PortalModel g1 = ArtifactCodec.read(readerROfVersion(2)).portals().get("g1");

    List<PortalModel.Ranked> forR = g1.top(g1.score(List.of(), null, "r", T0 + 3_000), 5);
    assertThat(forR).extracting(PortalModel.Ranked::articleId).containsExactly("b");
    assertThat(g1.history.of("r").earlier).isNull();
  }

  @Test
  void anArtifactOfVersionThreeIsStillReadWithoutReferrerTypes() throws IOException {
    PortalModel g1 = ArtifactCodec.read(readerROfVersion(3)).portals().get("g1");

    List<PortalModel.Ranked> forR = g1.top(g1.score(List.of(), null, "r", T0 + 3_000), 5);
    assertThat(forR).extracting(PortalModel.Ranked::articleId).containsExactly("b");
    float[][] rows =
        g1.rankFeatures(g1.score(List.of(), null, null, "search", T0), new int[] {0}, 0, T0);
    assertThat(rows[0][RankFeatures.SAME_REFERRER_POPULARITY]).isEqualTo(-1f);
  }

  @Test
  void anArtifactOfVersionFourIsStillReadAndItsReadersProfilesStartWithTheirNextRead()
      throws IOException {
    PortalModel g1 = ArtifactCodec.read(readerROfVersion(4)).portals().get("g1");

    List<PortalModel.Ranked> forR = g1.top(g1.score(List.of(), null, "r", T0 + 3_000), 5);
    assertThat(forR).extracting(PortalModel.Ranked::articleId).containsExactly("b");
    ReadHistory.Reader r = g1.history.of("r");
    assertThat(r.profiled()).isFalse();
    float[][] rows = g1.rankFeatures(g1.score(List.of(), null, "r", T0), new int[] {1}, 0, T0);
    assertThat(rows[0][RankFeatures.READER_READS]).isCloseTo((float) Math.log(2), within(1e-6f));
    assertThat(rows[0][RankFeatures.READER_AGE]).isEqualTo(-1f);
    assertThat(rows[0][RankFeatures.READER_AGE_GAP]).isZero();

    // b, first clicked at T0 + 1 s, read a minute later: the profile starts at that read
    g1.learn(new Interaction("g1", "r", "s3", "b", T0 + 61_000, 1.0));
    assertThat(r.profiled()).isTrue();
    assertThat(r.meanAge).isCloseTo((float) Math.log(2), within(1e-6f));
  }

  /**
   * An artifact written field by field as version 2, 3 or 4 had it: as version 1, then whether a
   * re-ranker follows (none), and readers' lists (version 3 and 4: each followed by whether a set
   * of earlier reads follows, none); its clicks carry no referrer type (version 4: each says so).
   * Reader r read a, and b was read by another session.
   */
  private static ByteArrayInputStream readerROfVersion(int version) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream d = new DataOutputStream(new GZIPOutputStream(bytes))) {
      d.writeUTF("NEWSREC-HYBRID");
      d.writeInt(version);
      d.writeInt(0);
      d.writeBoolean(false);
      d.writeInt(1);
      writeCatalogueAndSessionS1(d, 3, version == 4);
      d.writeUTF("s2");
      d.writeBoolean(true);
      d.writeUTF("r");
      d.writeUTF("a");
      d.writeLong(T0 + 2_000);
      d.writeDouble(1.0);
      if (version == 4) {
        d.writeBoolean(false);
      }
      d.writeInt(1);
      d.writeUTF("r");
      d.writeInt(1);
      d.writeUTF("a");
      if (version >= 3) {
        d.writeBoolean(false);
      }
    }
    return new ByteArrayInputStream(bytes.toByteArray());
  }

  @Test
  void theReferrerTypesTravelWithTheState() throws IOException {
    HybridConfig config = HybridConfig.parse(Map.of());
    PortalModel model = new PortalModel(config);
    model.learn(new Interaction("g1", "u1", "s1", "a", T0, 1.0, "search"));
    model.learn(new Interaction("g1", "u2", "s2", "a", T0, 1.0, "social"));
    model.learn(new Interaction("g1", "u3", "s3", "b", T0, 1.0, "search"));
    model.learn(new Interaction("g1", "u4", "s4", "b", T0, 1.0, null));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ArtifactCodec.write(config, null, Map.of("g1", model), bytes);

    PortalModel restored =
        ArtifactCodec.read(new ByteArrayInputStream(bytes.toByteArray())).portals().get("g1");

    int[] ab = {model.idOf("a"), model.idOf("b")};
    for (String way : new String[] {"search", "social", null}) {
      float[][] before = model.rankFeatures(model.score(List.of(), null, null, way, T0), ab, 0, T0);
      float[][] after =
          restored.rankFeatures(restored.score(List.of(), null, null, way, T0), ab, 0, T0);
      assertThat(after).isDeepEqualTo(before);
    }
    // and they were there to travel: from a search, a and b once each of two clicks each
    float[][] fromSearch =
        restored.rankFeatures(restored.score(List.of(), null, null, "search", T0), ab, 0, T0);
    assertThat(fromSearch[1][RankFeatures.SAME_REFERRER_SHARE]).isEqualTo(0.5f);
  }

  @Test
  void theReadersProfilesTravelWithTheState() throws IOException {
    HybridConfig config = HybridConfig.parse(Map.of());
    PortalModel model = new PortalModel(config);
    model.learn(new Interaction("g1", "u1", "s1", "a", T0, 1.0));
    model.learn(new Interaction("g1", "u1", "s1", "b", T0, 1.0));
    model.learn(new Interaction("g1", "r", "s2", "a", T0 + 30 * 60_000, 1.0));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ArtifactCodec.write(config, null, Map.of("g1", model), bytes);

    PortalModel restored =
        ArtifactCodec.read(new ByteArrayInputStream(bytes.toByteArray())).portals().get("g1");

    ReadHistory.Reader before = model.history.of("r");
    ReadHistory.Reader after = restored.history.of("r");
    // r read a 30 minutes after its first click
    assertThat(before.meanAge).isCloseTo((float) Math.log(31), within(1e-6f));
    assertThat(after.meanAge).isEqualTo(before.meanAge);
    assertThat(after.meanShare).isEqualTo(before.meanShare);
  }

  @Test
  void theRankerTravelsWithTheState() throws IOException {
    HybridConfig config = HybridConfig.parse(Map.of());
    PortalModel model = new PortalModel(config);
    model.learn(new Interaction("g1", null, "s1", "a", T0, 1.0));
    BoostedTrees stump = ageStump(RankFeatures.COUNT);
    Map<String, PortalModel> portals = new LinkedHashMap<>();
    portals.put("g1", model);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ArtifactCodec.write(config, stump, portals, bytes);

    ArtifactCodec.Restored restored =
        ArtifactCodec.read(new ByteArrayInputStream(bytes.toByteArray()));

    float[] young = new float[RankFeatures.COUNT];
    float[] old = new float[RankFeatures.COUNT];
    old[RankFeatures.AGE] = 3f;
    assertThat(restored.ranker().trees()).isEqualTo(1);
    assertThat(restored.ranker().score(young)).isEqualTo(0.25);
    assertThat(restored.ranker().score(old)).isEqualTo(-0.75);
    assertThat(restored.portals().get("g1").idOf("a")).isZero();
  }

  @Test
  void aRankerOfOtherFeaturesIsRefused() throws IOException {
    HybridConfig config = HybridConfig.parse(Map.of());
    BoostedTrees foreign =
        new BoostedTrees(
            3, 1, new int[][] {{0}}, new float[][] {{0f}}, new double[][] {{0.0, 1.0}});
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ArtifactCodec.write(config, foreign, Map.of(), bytes);

    assertThatThrownBy(() -> ArtifactCodec.read(new ByteArrayInputStream(bytes.toByteArray())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("3 features");
  }

  @Test
  void aRankerFittedBeforeTheLastFeaturesWereAppendedStillServes() throws IOException {
    // an artifact of the release before 9a95e76: its re-ranker was fitted on 17 features
    HybridConfig config = HybridConfig.parse(Map.of());
    BoostedTrees earlier = ageStump(RankFeatures.FIRST_COUNT);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ArtifactCodec.write(config, earlier, Map.of(), bytes);

    BoostedTrees restored =
        ArtifactCodec.read(new ByteArrayInputStream(bytes.toByteArray())).ranker();

    float[] old = new float[RankFeatures.COUNT];
    old[RankFeatures.AGE] = 3f;
    old[RankFeatures.WITHIN_SESSION_SHARE] = 1f; // a column it never reads
    assertThat(restored.features()).isEqualTo(RankFeatures.COUNT);
    assertThat(restored.score(new float[RankFeatures.COUNT])).isEqualTo(0.25);
    assertThat(restored.score(old)).isEqualTo(-0.75);
  }

  @Test
  void aRankerOfMoreFeaturesThanThisModelComputesIsRefused() throws IOException {
    // an artifact of a later release, rolled back to this one
    BoostedTrees later =
        new BoostedTrees(
            RankFeatures.COUNT + 1,
            1,
            new int[][] {{RankFeatures.COUNT}},
            new float[][] {{0f}},
            new double[][] {{0.0, 1.0}});
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ArtifactCodec.write(HybridConfig.parse(Map.of()), later, Map.of(), bytes);

    assertThatThrownBy(() -> ArtifactCodec.read(new ByteArrayInputStream(bytes.toByteArray())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining((RankFeatures.COUNT + 1) + " features");
  }

  @Test
  void anUnknownVersionIsRefused() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream d = new DataOutputStream(new GZIPOutputStream(bytes))) {
      d.writeUTF("NEWSREC-HYBRID");
      d.writeInt(6);
    }
    assertThatThrownBy(() -> ArtifactCodec.read(new ByteArrayInputStream(bytes.toByteArray())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version 1 to 5");
  }

  /**
   * Portal g1 as formats 1 to 3 write it up to its log: the catalogue (a, b), the log's length
   * {@code clicks}, and its first two entries, session s1 reading a then b.
   */
  private static void writeCatalogueAndSessionS1(
      DataOutputStream d, int clicks, boolean withReferrers) throws IOException {
    d.writeUTF("g1");
    d.writeInt(2);
    d.writeUTF("a");
    d.writeLong(T0);
    d.writeUTF("b");
    d.writeLong(T0 + 1_000);
    d.writeInt(clicks);
    for (String article : List.of("a", "b")) {
      d.writeUTF("s1");
      d.writeBoolean(false);
      d.writeUTF(article);
      d.writeLong(article.equals("a") ? T0 : T0 + 1_000);
      d.writeDouble(1.0);
      if (withReferrers) {
        d.writeBoolean(false);
      }
    }
  }

  /** One stump over rows of {@code features}: 0.25 for an article aged ≤ 2.5, else -0.75. */
  private static BoostedTrees ageStump(int features) {
    return new BoostedTrees(
        features,
        1,
        new int[][] {{RankFeatures.AGE}},
        new float[][] {{2.5f}},
        new double[][] {{0.25, -0.75}});
  }
}
