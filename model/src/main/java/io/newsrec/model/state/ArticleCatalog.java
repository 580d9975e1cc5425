package io.newsrec.model.state;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The articles of one portal: string id ↔ dense int index, first and last click time, and the list
 * of articles clicked within the horizon (the only ones recommended).
 *
 * <p>Indices are never reused, so a stale index held by a session stays meaningful; an aged-out
 * article costs only its name and two longs until it is clicked again.
 */
final class ArticleCatalog {
  private final Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
  private final List<String> names = new ArrayList<>();
  private long[] firstSeen = new long[1024];
  private long[] lastSeen = new long[1024];
  private boolean[] active = new boolean[1024];
  private final IntArrayList activeList = new IntArrayList();

  ArticleCatalog() {
    ids.defaultReturnValue(-1);
  }

  /** The index of {@code article}, registering it and its click at {@code timeMs}. */
  int touch(String article, long timeMs) {
    int id = ids.getInt(article);
    if (id < 0) {
      id = names.size();
      ids.put(article, id);
      names.add(article);
      if (id == firstSeen.length) {
        int n = id * 2;
        firstSeen = Arrays.copyOf(firstSeen, n);
        lastSeen = Arrays.copyOf(lastSeen, n);
        active = Arrays.copyOf(active, n);
      }
      firstSeen[id] = timeMs;
      lastSeen[id] = timeMs;
    }
    firstSeen[id] = Math.min(firstSeen[id], timeMs);
    lastSeen[id] = Math.max(lastSeen[id], timeMs);
    if (!active[id]) {
      active[id] = true;
      activeList.add(id);
    }
    return id;
  }

  /** Registers {@code article} first seen at {@code firstSeenMs} without making it active. */
  int register(String article, long firstSeenMs) {
    int id = ids.getInt(article);
    if (id < 0) {
      id = touch(article, firstSeenMs);
      active[id] = false;
      activeList.removeInt(activeList.size() - 1);
    }
    firstSeen[id] = Math.min(firstSeen[id], firstSeenMs);
    return id;
  }

  /** The index of {@code article}, or -1 when never seen. */
  int idOf(String article) {
    return ids.getInt(article);
  }

  String name(int id) {
    return names.get(id);
  }

  int size() {
    return names.size();
  }

  long firstSeen(int id) {
    return firstSeen[id];
  }

  long lastSeen(int id) {
    return lastSeen[id];
  }

  /** Articles clicked within the horizon (as of the last {@link #expire}), in no order. */
  IntArrayList active() {
    return activeList;
  }

  /** Drops from the active list every article last clicked before {@code cutoffMs}. */
  void expire(long cutoffMs, IntConsumer forget) {
    int[] a = activeList.elements();
    int n = activeList.size();
    int kept = 0;
    for (int i = 0; i < n; i++) {
      int id = a[i];
      if (lastSeen[id] < cutoffMs) {
        active[id] = false;
        forget.accept(id);
      } else {
        a[kept++] = id;
      }
    }
    activeList.size(kept);
  }
}
