package io.newsrec.model.eval;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Small synthetic g1 click files, in the real format (no real data in tests). */
final class G1ClicksFixtures {
  static final String HEADER =
      "user_id,session_id,session_start,session_size,click_article_id,click_timestamp,"
          + "click_environment,click_deviceGroup,click_os,click_country,click_region,"
          + "click_referrer_type";

  private G1ClicksFixtures() {}

  record Click(long session, int user, int article, long timeMs) {}

  static Click click(long session, int user, int article, long timeMs) {
    return new Click(session, user, article, timeMs);
  }

  /** One hourly file's CSV text, session sizes counted from the clicks given. */
  static String csv(Click... clicks) {
    Map<Long, Integer> sizes = new HashMap<>();
    for (Click c : clicks) {
      sizes.merge(c.session(), 1, Integer::sum);
    }
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (Click c : clicks) {
      sb.append(c.user())
          .append(',')
          .append(c.session())
          .append(',')
          .append(c.timeMs() / 1000 * 1000)
          .append(',')
          .append(sizes.get(c.session()))
          .append(',')
          .append(c.article())
          .append(',')
          .append(c.timeMs())
          .append(",4,1,17,1,21,2\n");
    }
    return sb.toString();
  }

  /** The clicks as one hour of data, parsed by the real CSV reader. */
  static G1Clicks of(Click... clicks) {
    G1Clicks.Columns columns = new G1Clicks.Columns();
    try {
      G1Clicks.readCsv(
          new ByteArrayInputStream(csv(clicks).getBytes(StandardCharsets.US_ASCII)),
          (short) 0,
          columns);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return G1Clicks.of(columns, new int[] {0, columns.n});
  }
}
