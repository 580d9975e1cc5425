package io.newsrec.model.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.model.RecommendRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvocationCodecTest {

  private static final long NOW = 1_700_000_000_000L;

  private static InvocationCodec.Parsed parse(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return InvocationCodec.parse(body, body.length, NOW);
  }

  private static RecommendRequest valid(String json) {
    assertThat(parse(json)).isInstanceOf(InvocationCodec.Parsed.Valid.class);
    return ((InvocationCodec.Parsed.Valid) parse(json)).request();
  }

  private static InvocationCodec.Parsed.Invalid invalid(String json) {
    assertThat(parse(json)).isInstanceOf(InvocationCodec.Parsed.Invalid.class);
    return (InvocationCodec.Parsed.Invalid) parse(json);
  }

  @Test
  void aFullRequestBecomesARecommendRequestWithEveryField() {
    RecommendRequest request =
        valid(
            """
            {"portal":"g1","userId":"u1","sessionClicks":["a1","a2"],"count":5,
             "exclude":["a3"],"currentArticle":"a2","now":"2017-10-01T03:00:00Z",
             "referrerType":"search"}""");

    assertThat(request)
        .isEqualTo(
            new RecommendRequest(
                "g1",
                "u1",
                List.of("a1", "a2"),
                5,
                Set.of("a3"),
                "a2",
                1_506_826_800_000L,
                "search"));
  }

  @Test
  void aMinimalRequestTakesTenItemsAtTheServersTime() {
    RecommendRequest request = valid("{\"portal\":\"g1\"}");

    assertThat(request.count()).isEqualTo(InvocationCodec.DEFAULT_COUNT);
    assertThat(request.nowMs()).isEqualTo(NOW);
    assertThat(request.userId()).isNull();
    assertThat(request.sessionClicks()).isEmpty();
  }

  @Test
  void numItemsIsAnAliasOfCountAndIntegerIdsAreTakenAsText() {
    RecommendRequest request =
        valid("{\"portal\":\"g1\",\"numItems\":3,\"sessionClicks\":[17,42],\"now\":5}");

    assertThat(request.count()).isEqualTo(3);
    assertThat(request.sessionClicks()).containsExactly("17", "42");
    assertThat(request.nowMs()).isEqualTo(5);
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(valid("{\"portal\":\"g1\",\"future\":{\"a\":[1,2]}}").portal()).isEqualTo("g1");
  }

  @Test
  void aMissingPortalIsRejectedNamingTheField() {
    assertThat(invalid("{\"count\":3}").field()).isEqualTo("portal");
  }

  @Test
  void aCountOutsideOneToTheMaximumIsRejected() {
    assertThat(invalid("{\"portal\":\"g1\",\"count\":0}").field()).isEqualTo("count");
    assertThat(invalid("{\"portal\":\"g1\",\"count\":201}").field()).isEqualTo("count");
    assertThat(invalid("{\"portal\":\"g1\",\"count\":2.5}").field()).isEqualTo("count");
    assertThat(invalid("{\"portal\":\"g1\",\"numItems\":\"3\"}").field()).isEqualTo("numItems");
  }

  @Test
  void sessionClicksMustBeAnArrayOfNonBlankIds() {
    assertThat(invalid("{\"portal\":\"g1\",\"sessionClicks\":\"a1\"}").field())
        .isEqualTo("sessionClicks");
    assertThat(invalid("{\"portal\":\"g1\",\"exclude\":[\"\"]}").field()).isEqualTo("exclude");
    assertThat(invalid("{\"portal\":\"g1\",\"exclude\":[{\"id\":1}]}").field())
        .isEqualTo("exclude");
  }

  @Test
  void malformedOrTrailingJsonIsRejectedAsABadBody() {
    assertThat(invalid("{\"portal\":").field()).isEqualTo("body");
    assertThat(invalid("[1,2]").field()).isEqualTo("body");
    assertThat(invalid("{\"portal\":\"g1\"} {}").field()).isEqualTo("body");
    assertThat(invalid("").field()).isEqualTo("body");
  }

  @Test
  void aReferrerTypeIsAShortClassAndEmptyIsUnknown() {
    assertThat(valid("{\"portal\":\"g1\",\"referrerType\":\"\"}").referrerType()).isNull();
    assertThat(valid("{\"portal\":\"g1\"}").referrerType()).isNull();
    assertThat(invalid("{\"portal\":\"g1\",\"referrerType\":\"https://" + "x".repeat(40) + "\"}"))
        .satisfies(i -> assertThat(i.field()).isEqualTo("referrerType"))
        .satisfies(i -> assertThat(i.message()).contains("at most 32"));
    assertThat(invalid("{\"portal\":\"g1\",\"referrerType\":[1]}").field())
        .isEqualTo("referrerType");
  }

  @Test
  void aBadTimeIsRejected() {
    assertThat(invalid("{\"portal\":\"g1\",\"now\":\"yesterday\"}").field()).isEqualTo("now");
  }
}
