package io.newsrec.model.serve.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsrec.model.Interaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestSamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Session {@code s} clicks {@code s-0, s-1, ...} one minute apart, starting at {@code start}; the
   * reader came to the first from a search, to the others from the portal's pages.
   */
  private static List<Interaction> session(String s, long start, int clicks) {
    List<Interaction> out = new ArrayList<>();
    for (int i = 0; i < clicks; i++) {
      String referrer = i == 0 ? "search" : "internal";
      out.add(new Interaction("g1", "u-" + s, s, s + "-" + i, start + i * 60_000L, 1, referrer));
    }
    return out;
  }

  @Test
  void eachRequestCarriesTheSessionsEarlierClicksTheirLastReferrerAndTheTimeOfTheClickItPredicts()
      throws Exception {
    List<Interaction> clicks = new ArrayList<>(session("a", 0, 3));
    clicks.addAll(session("b", 3 * 60_000L, 2));
    clicks.sort((x, y) -> Long.compare(x.timeMs(), y.timeMs()));

    List<byte[]> bodies = RequestSamples.sample(clicks, 60_000L, 10 * 60_000L, 100, 1);

    // clicks inside the window that are not first in their session: a-1, a-2, b-1
    assertThat(bodies).hasSize(3);
    List<String> seen = new ArrayList<>();
    for (byte[] body : bodies) {
      JsonNode request = JSON.readTree(body);
      assertThat(request.get("count").asInt()).isEqualTo(20);
      seen.add(
          request.get("sessionClicks").toString()
              + "@"
              + request.get("now").asLong()
              + " from "
              + request.get("referrerType").asText());
    }
    assertThat(seen)
        .containsExactlyInAnyOrder(
            "[\"a-0\"]@60000 from search",
            "[\"a-0\",\"a-1\"]@120000 from internal",
            "[\"b-0\"]@240000 from search");
  }

  @Test
  void theSameSeedGivesTheSameSample() {
    List<Interaction> clicks = new ArrayList<>();
    for (int s = 0; s < 50; s++) {
      clicks.addAll(session("s" + s, s * 1_000L, 4));
    }
    clicks.sort((x, y) -> Long.compare(x.timeMs(), y.timeMs()));

    List<byte[]> first = RequestSamples.sample(clicks, 0, Long.MAX_VALUE, 10, 7);
    List<byte[]> again = RequestSamples.sample(clicks, 0, Long.MAX_VALUE, 10, 7);

    assertThat(first).hasSize(10);
    assertThat(first).zipSatisfy(again, (a, b) -> assertThat(a).isEqualTo(b));
  }
}
