package io.newsrec.delivery;

import static io.newsrec.testsupport.TestPageviews.big;
import static io.newsrec.testsupport.TestPageviews.pageview;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsrec.events.Pageview;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryMessageTest {

  @Test
  void eventsArePackedOneMessagePerPortalAndDecodeBackInOrder() {
    List<Pageview> events =
        List.of(pageview("g1", "a", 1), pageview("ge", "b", 2), pageview("g1", "c", 3));

    List<String> bodies = RetryMessage.pack(events, RetryMessage.MAX_BODY_BYTES);

    assertThat(bodies).hasSize(2);
    assertThat(RetryMessage.decode(bodies.get(0)))
        .isEqualTo(new RetryMessage("g1", List.of(events.get(0), events.get(2))));
    assertThat(RetryMessage.decode(bodies.get(1)))
        .isEqualTo(new RetryMessage("ge", List.of(events.get(1))));
  }

  @Test
  void aBodyIsTheContractBatchFormAJsonArrayOfPageviews() {
    String body = RetryMessage.pack(List.of(pageview("g1", "a", 1)), 10_000).get(0);

    assertThat(body).startsWith("[{").endsWith("}]").contains("\"eventId\"", "\"userId\":\"a\"");
  }

  @Test
  void bodiesNeverExceedTheLimitAndTogetherHoldEveryEventOnce() {
    List<Pageview> events =
        IntStream.range(0, 50).mapToObj(i -> big("g1", "u" + i, i, 2_000)).toList();

    List<String> bodies = RetryMessage.pack(events, 10_000);

    assertThat(bodies).hasSizeGreaterThan(5);
    assertThat(bodies)
        .allSatisfy(
            b -> assertThat(b.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(10_000));
    assertThat(bodies.stream().flatMap(b -> RetryMessage.decode(b).events().stream()))
        .containsExactlyElementsOf(events);
  }

  @Test
  void anEventLargerThanAMessageIsRefused() {
    assertThatThrownBy(() -> RetryMessage.pack(List.of(big("g1", "u", 1, 4_000)), 1_000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBodyThatIsNotPageviewsIsPoison() {
    assertThatThrownBy(() -> RetryMessage.decode("not json"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryMessage.decode("[]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryMessage.decode("[{\"eventId\":\"x\"}]"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMessageHoldsTheEventsOfOnePortalOnly() {
    String mixed =
        "["
            + new String(
                io.newsrec.events.PageviewJson.encode(pageview("g1", "a", 1)),
                StandardCharsets.UTF_8)
            + ","
            + new String(
                io.newsrec.events.PageviewJson.encode(pageview("ge", "a", 1)),
                StandardCharsets.UTF_8)
            + "]";

    assertThatThrownBy(() -> RetryMessage.decode(mixed))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
