package io.newsrec.model.eval;

import io.newsrec.model.algo.Scores;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.Arrays;

/**
 * Baseline: the most clicked articles of all time. Keeps the top {@code size} by count
 * incrementally (counts only grow, so an article only ever moves up).
 */
final class PopularAllTime implements EvalModel {
  private final G1Clicks data;
  private final int[] count = new int[1 << 19];
  private final int[] top;
  private final Int2IntOpenHashMap slot = new Int2IntOpenHashMap();
  private int filled;

  PopularAllTime(G1Clicks data, int size) {
    this.data = data;
    this.top = new int[size];
    slot.defaultReturnValue(-1);
  }

  @Override
  public String name() {
    return "pop-all-time";
  }

  @Override
  public void learn(int row) {
    int a = data.article[row];
    count[a]++;
    int at = slot.get(a);
    if (at < 0) {
      if (filled < top.length) {
        at = filled++;
      } else if (count[a] > count[top[top.length - 1]]) {
        at = top.length - 1;
        slot.remove(top[at]);
      } else {
        return;
      }
      top[at] = a;
      slot.put(a, at);
    }
    while (at > 0 && count[top[at - 1]] < count[a]) {
      top[at] = top[at - 1];
      slot.put(top[at], at);
      at--;
    }
    top[at] = a;
    slot.put(a, at);
  }

  @Override
  public void score(Query q, Scores out) {
    for (int i = 0; i < filled; i++) {
      out.add(top[i], count[top[i]]);
    }
  }

  int[] topForTest() {
    return Arrays.copyOf(top, filled);
  }
}
