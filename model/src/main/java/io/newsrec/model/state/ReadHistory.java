package io.newsrec.model.state;

import io.newsrec.model.algo.BloomSet;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each known reader has read: the last {@code perUser} articles as a list, most recent last,
 * and every earlier one in a {@link BloomSet} (1 KiB, made when the list first overflows), so that
 * no article a reader read is recommended to them again however long ago they read it. Bounded in
 * readers (the least recently active reader is forgotten first). Keys are the reader ids as given;
 * they are never logged.
 *
 * <p>Why not only a list: the heaviest readers of g1 read up to 832 articles in 12 days (59 of
 * 293,743 over 200); with the list alone their oldest reads came back as recommendations. A longer
 * list would cost every reader's worst case; the set costs 1 KiB for the few who need it, and its
 * mistakes only hide an unread article (0.3% of articles at 632 earlier reads).
 *
 * <p>Each reader also has a profile of what kind of article they read, for the re-ranker: the mean,
 * over their last {@link #PROFILE_READS} reads, of how old the article was and how its "most read"
 * count compared with the portal's most read one when they read it (see {@link Reader#meanAge}).
 */
final class ReadHistory {
  /**
   * Reads the profile's means run over: a moving mean (each new read weighs 1/20 once a reader has
   * read 20), so that it follows what the reader reads now rather than a month ago.
   */
  static final int PROFILE_READS = 20;

  private final int perUser;
  private final LinkedHashMap<String, Reader> users;

  /**
   * One reader's reads: the last ones as the list itself, oldest first, and {@link #earlier} the
   * ones pushed out of it (null until one is).
   *
   * <p>Why a list subclass and not a record of a list and a set: g1 has ~300,000 readers, and a
   * 24-byte wrapper each is 7 MB (the state after GC in {@code bench/run-model-serving.sh} went
   * from 135 to 140 MB with one); the extra field fits in the list's own object padding.
   */
  static final class Reader extends IntArrayList {
    BloomSet earlier;

    /**
     * Mean of ln(1 + minutes since the article's first click) at the reader's reads: whether they
     * read the breaking story or the older piece. NaN until a read is profiled (readers restored
     * from an artifact older than the profile).
     */
    float meanAge = Float.NaN;

    /**
     * Mean of ln(the article's decayed "most read" count / the portal's most read article's, at
     * most 1) at the reader's reads: whether they read what everybody reads or the niche. NaN with
     * {@link #meanAge}.
     */
    float meanShare = Float.NaN;

    Reader(int capacity) {
      super(capacity);
    }

    /** Whether the profile has seen a read. */
    boolean profiled() {
      return !Float.isNaN(meanAge);
    }

    /** Folds one new read into the profile's moving means. */
    void profile(float logAge, float logShare) {
      if (!profiled()) {
        meanAge = logAge;
        meanShare = logShare;
        return;
      }
      // size() counts this read already; a restored reader with reads but no profile starts at it
      int weight = Math.min(size(), PROFILE_READS);
      meanAge += (logAge - meanAge) / weight;
      meanShare += (logShare - meanShare) / weight;
    }
  }

  ReadHistory(int perUser, int maxUsers) {
    this.perUser = perUser;
    this.users =
        new LinkedHashMap<>(1024, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Reader> eldest) {
            return size() > maxUsers;
          }
        };
  }

  /** Records a read without folding it into a profile (a model without re-ranker keeps none). */
  void record(String user, int article) {
    record(user, article, Float.NaN, Float.NaN);
  }

  /**
   * Records {@code user}'s read of {@code article} and, when {@code logAge} is a number, folds it
   * into their profile ({@link Reader#meanAge}, {@link Reader#meanShare}). A read again changes
   * neither.
   */
  void record(String user, int article, float logAge, float logShare) {
    // remove and put again: the reader becomes the most recent, without an access-ordered map
    // (whose get() would reorder it under concurrent readers)
    Reader read = users.remove(user);
    if (read == null) {
      read = new Reader(4);
    }
    users.put(user, read);
    if (read.contains(article)) {
      return;
    }
    if (read.size() == perUser) {
      if (read.earlier == null) {
        read.earlier = new BloomSet();
      }
      read.earlier.add(read.removeInt(0));
    }
    read.add(article);
    if (!Float.isNaN(logAge)) {
      read.profile(logAge, logShare);
    }
  }

  /** {@code user}'s reads; null when unknown. Not a copy. */
  Reader of(String user) {
    return users.get(user);
  }

  void replace(String user, Reader read) {
    users.remove(user);
    users.put(user, read);
  }

  Map<String, Reader> all() {
    return users;
  }
}
