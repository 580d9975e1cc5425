package io.newsrec.model.state;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * What each known reader has read, most recent last, bounded per reader and in readers (the least
 * recently active reader is forgotten first). Keys are the reader ids as given; they are never
 * logged.
 *
 * <p>A full history drops the oldest read of an article that can no longer be recommended (not
 * clicked within the horizon) before any other: only reads of recommendable articles need
 * remembering, so a heavy reader (59 of g1's readers read more than 200 articles in 12 days) is not
 * shown an article read long ago that is being read again.
 */
final class ReadHistory {
  private final int perUser;
  private final LinkedHashMap<String, IntArrayList> users;

  ReadHistory(int perUser, int maxUsers) {
    this.perUser = perUser;
    this.users =
        new LinkedHashMap<>(1024, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, IntArrayList> eldest) {
            return size() > maxUsers;
          }
        };
  }

  /**
   * Records that {@code user} read {@code article}.
   *
   * @param recommendable whether an article can still be recommended (its reads come first)
   */
  void record(String user, int article, IntPredicate recommendable) {
    // remove and put again: the reader becomes the most recent, without an access-ordered map
    // (whose get() would reorder it under concurrent readers)
    IntArrayList read = users.remove(user);
    if (read == null) {
      read = new IntArrayList(4);
    }
    users.put(user, read);
    if (read.contains(article)) {
      return;
    }
    if (read.size() == perUser) {
      int drop = 0;
      while (drop < read.size() && recommendable.test(read.getInt(drop))) {
        drop++;
      }
      read.removeInt(drop < read.size() ? drop : 0);
    }
    read.add(article);
  }

  /** The articles {@code user} read, oldest first; empty when unknown. Not a copy. */
  IntArrayList of(String user) {
    return users.getOrDefault(user, EMPTY);
  }

  void replace(String user, IntArrayList read) {
    users.remove(user);
    users.put(user, read);
  }

  Map<String, IntArrayList> all() {
    return users;
  }

  private static final IntArrayList EMPTY = new IntArrayList(0);
}
