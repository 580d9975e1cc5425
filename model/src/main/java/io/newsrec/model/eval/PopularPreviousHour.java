package io.newsrec.model.eval;

import io.newsrec.model.algo.Scores;
import it.unimi.dsi.fastutil.ints.Int2IntMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;

/**
 * Baseline (protocol A): the most clicked articles in the sessions of the latest hour learned, i.e.
 * the previous hour's sessions when hour h is evaluated.
 */
final class PopularPreviousHour implements EvalModel {
  private final G1Clicks data;
  private Int2IntOpenHashMap counts = new Int2IntOpenHashMap();
  private int hour = -1;

  PopularPreviousHour(G1Clicks data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "pop-prev-hour";
  }

  @Override
  public void learn(int row) {
    int h = data.hour[row];
    if (h > hour) {
      hour = h;
      counts = new Int2IntOpenHashMap();
    }
    if (h == hour) {
      counts.addTo(data.article[row], 1);
    }
  }

  @Override
  public void score(Query q, Scores out) {
    for (Int2IntMap.Entry e : counts.int2IntEntrySet()) {
      out.add(e.getIntKey(), e.getIntValue());
    }
  }
}
