package io.newsrec.model.state;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each known reader has read, most recent last, bounded per reader and in readers (the least
 * recently active reader is forgotten first). Keys are the reader ids as given; they are never
 * logged.
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

  void record(String user, int article) {
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
      read.removeInt(0);
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
