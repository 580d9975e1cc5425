package io.newsrec.model.state;

import io.newsrec.model.HybridConfig;
import io.newsrec.model.Interaction;
import io.newsrec.model.algo.BloomSet;
import io.newsrec.model.rank.BoostedTrees;
import io.newsrec.model.rank.RankFeatures;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The model artifact, format version 5: gzip of a {@link DataOutputStream} holding the magic {@code
 * NEWSREC-HYBRID}, the version, the hyperparameters, the learned re-ranker if there is one, and per
 * portal the articles' first sighting, the interactions of the session horizon (with their referrer
 * types) and the readers' histories (the last reads by name, the earlier ones as the bits of a
 * {@link BloomSet}, and their profile's two means). Versions 1 (no re-ranker), 2 (no earlier
 * reads), 3 (no referrer types) and 4 (no readers' profiles) are still read: a model trained before
 * any of them existed serves as it did.
 *
 * <p>Why the interactions and not the structures: the state is a pure function of the recent
 * interactions (everything older has decayed to nothing or aged out), so replaying them on {@link
 * #read} rebuilds exactly the same state with no second serializer to keep in step; it costs a
 * replay at over 100,000 events/s on start-up. First sightings and histories outlive the horizon,
 * so they are written as such.
 */
public final class ArtifactCodec {
  static final String MAGIC = "NEWSREC-HYBRID";
  static final int VERSION = 5;

  /** The version before the readers' profiles were kept; read (profiles start with new reads). */
  static final int VERSION_WITHOUT_PROFILES = 4;

  /** The version before the interactions kept their referrer types; read. */
  static final int VERSION_WITHOUT_REFERRERS = 3;

  /** The version before readers' earlier reads were kept (a re-ranker, no sets); read. */
  static final int VERSION_WITHOUT_EARLIER_READS = 2;

  /** The version before the re-ranker; read, never written. */
  static final int VERSION_WITHOUT_RANKER = 1;

  private ArtifactCodec() {}

  /**
   * What an artifact holds.
   *
   * @param ranker the learned re-ranker, null when the artifact has none
   */
  public record Restored(
      HybridConfig config, BoostedTrees ranker, Map<String, PortalModel> portals) {}

  /**
   * Writes the artifact; the caller keeps writers out of the portals meanwhile.
   *
   * @param ranker the learned re-ranker, null for none
   */
  public static void write(
      HybridConfig config, BoostedTrees ranker, Map<String, PortalModel> portals, OutputStream out)
      throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(new BufferedOutputStream(out, 1 << 16));
    DataOutputStream d = new DataOutputStream(gzip);
    d.writeUTF(MAGIC);
    d.writeInt(VERSION);
    Map<String, String> hp = config.toMap();
    d.writeInt(hp.size());
    for (Map.Entry<String, String> e : hp.entrySet()) {
      d.writeUTF(e.getKey());
      d.writeUTF(e.getValue());
    }
    d.writeBoolean(ranker != null);
    if (ranker != null) {
      ranker.writeTo(d);
    }
    d.writeInt(portals.size());
    for (Map.Entry<String, PortalModel> p : portals.entrySet()) {
      d.writeUTF(p.getKey());
      writePortal(p.getValue(), d);
    }
    d.flush();
    gzip.finish();
    gzip.flush();
  }

  private static void writePortal(PortalModel m, DataOutputStream d) throws IOException {
    ArticleCatalog catalog = m.catalog;
    d.writeInt(catalog.size());
    for (int id = 0; id < catalog.size(); id++) {
      d.writeUTF(catalog.name(id));
      d.writeLong(catalog.firstSeen(id));
    }
    d.writeInt(m.log.size());
    for (PortalModel.Logged e : m.log) {
      d.writeUTF(e.sessionId());
      writeNullable(d, e.userId());
      d.writeUTF(catalog.name(e.article()));
      d.writeLong(e.timeMs());
      d.writeDouble(e.weight());
      writeNullable(d, e.referrerType());
    }
    Map<String, ReadHistory.Reader> users = m.history.all();
    d.writeInt(users.size());
    for (Map.Entry<String, ReadHistory.Reader> u : users.entrySet()) {
      d.writeUTF(u.getKey());
      ReadHistory.Reader read = u.getValue();
      d.writeInt(read.size());
      for (int k = 0; k < read.size(); k++) {
        d.writeUTF(catalog.name(read.getInt(k)));
      }
      // the set's bits stand for catalogue indices, which survive: the catalogue is written in
      // index order above and registered back in that order by readPortal
      d.writeBoolean(read.earlier != null);
      if (read.earlier != null) {
        read.earlier.writeTo(d);
      }
      d.writeFloat(read.meanAge);
      d.writeFloat(read.meanShare);
    }
  }

  /**
   * Reads an artifact written by {@link #write}.
   *
   * @throws IOException when it is not an artifact of a known version
   */
  public static Restored read(InputStream in) throws IOException {
    DataInputStream d =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
    String magic = d.readUTF();
    int version = d.readInt();
    if (!MAGIC.equals(magic) || version < VERSION_WITHOUT_RANKER || version > VERSION) {
      throw new IOException(
          "not a newsrec hybrid artifact of version " + VERSION_WITHOUT_RANKER + " to " + VERSION);
    }
    Map<String, String> hp = new LinkedHashMap<>();
    for (int n = d.readInt(); n > 0; n--) {
      hp.put(d.readUTF(), d.readUTF());
    }
    HybridConfig config = HybridConfig.parse(hp);
    BoostedTrees ranker = null;
    if (version > VERSION_WITHOUT_RANKER && d.readBoolean()) {
      ranker = BoostedTrees.readFrom(d);
      // an artifact of an earlier release keeps its re-ranker: features are only appended
      if (ranker.features() < RankFeatures.FIRST_COUNT || ranker.features() > RankFeatures.COUNT) {
        throw new IOException(
            "the artifact's re-ranker reads "
                + ranker.features()
                + " features, this model computes "
                + RankFeatures.COUNT
                + " (and reads re-rankers of "
                + RankFeatures.FIRST_COUNT
                + " or more)");
      }
      ranker = ranker.widened(RankFeatures.COUNT);
    }
    Map<String, PortalModel> portals = new LinkedHashMap<>();
    for (int n = d.readInt(); n > 0; n--) {
      String portal = d.readUTF();
      portals.put(portal, readPortal(config, portal, version, d));
    }
    return new Restored(config, ranker, portals);
  }

  private static PortalModel readPortal(
      HybridConfig config, String portal, int version, DataInputStream d) throws IOException {
    PortalModel m = new PortalModel(config);
    for (int n = d.readInt(); n > 0; n--) {
      m.catalog.register(d.readUTF(), d.readLong());
    }
    for (int n = d.readInt(); n > 0; n--) {
      String session = d.readUTF();
      String user = readNullable(d);
      String article = d.readUTF();
      long timeMs = d.readLong();
      double weight = d.readDouble();
      String referrer = version > VERSION_WITHOUT_REFERRERS ? readNullable(d) : null;
      m.learn(new Interaction(portal, user, session, article, timeMs, weight, referrer));
    }
    for (int n = d.readInt(); n > 0; n--) {
      String user = d.readUTF();
      ReadHistory.Reader read = new ReadHistory.Reader(4);
      for (int k = d.readInt(); k > 0; k--) {
        read.add(m.catalog.register(d.readUTF(), Long.MAX_VALUE));
      }
      if (version > VERSION_WITHOUT_EARLIER_READS && d.readBoolean()) {
        read.earlier = BloomSet.readFrom(d);
      }
      if (version > VERSION_WITHOUT_PROFILES) {
        read.meanAge = d.readFloat();
        read.meanShare = d.readFloat();
      }
      m.history.replace(user, read);
    }
    return m;
  }

  private static void writeNullable(DataOutputStream d, String s) throws IOException {
    d.writeBoolean(s != null);
    if (s != null) {
      d.writeUTF(s);
    }
  }

  private static String readNullable(DataInputStream d) throws IOException {
    return d.readBoolean() ? d.readUTF() : null;
  }
}
