package io.newsrec.model.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.model.Interaction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InteractionRecordsTest {

  private static InteractionRecords.Decoded decode(String json) {
    return InteractionRecords.decode(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String rejection(String json) {
    assertThat(decode(json)).isInstanceOf(InteractionRecords.Decoded.Rejected.class);
    return ((InteractionRecords.Decoded.Rejected) decode(json)).reason();
  }

  @Test
  void aRecordWithAnIsoTimeDecodesToAnInteraction() {
    InteractionRecords.Decoded decoded =
        decode(
            """
            {"eventId":"e1","portal":"g1","userId":"u1","sessionId":"s1","articleId":"a1",
             "eventTime":"2017-10-01T03:00:00.250Z","weight":2.5,"extra":[1],
             "referrerType":"search"}""");

    assertThat(decoded)
        .isEqualTo(
            new InteractionRecords.Decoded.Accepted(
                "e1", new Interaction("g1", "u1", "s1", "a1", 1_506_826_800_250L, 2.5, "search")));
  }

  @Test
  void epochMillisIntegerIdsAndAMissingWeightAreAccepted() {
    InteractionRecords.Decoded decoded =
        decode("{\"portal\":\"g1\",\"userId\":7,\"sessionId\":8,\"articleId\":9,\"eventTime\":42}");

    assertThat(decoded)
        .isEqualTo(
            new InteractionRecords.Decoded.Accepted(
                null, new Interaction("g1", "7", "8", "9", 42, 1.0)));
  }

  @Test
  void anAnonymousReaderIsRepresentedByTheSession() {
    InteractionRecords.Decoded decoded =
        decode("{\"portal\":\"g1\",\"sessionId\":\"s1\",\"articleId\":\"a\",\"eventTime\":1}");

    assertThat(((InteractionRecords.Decoded.Accepted) decoded).interaction().userId())
        .isEqualTo("s1");
  }

  @Test
  void recordsMissingRequiredFieldsAreRejectedWithTheReason() {
    assertThat(rejection("{\"sessionId\":\"s\",\"articleId\":\"a\",\"eventTime\":1}"))
        .contains("portal");
    assertThat(rejection("{\"portal\":\"g1\",\"articleId\":\"a\",\"eventTime\":1}"))
        .contains("sessionId");
    assertThat(rejection("{\"portal\":\"g1\",\"sessionId\":\"s\",\"eventTime\":1}"))
        .contains("articleId");
    assertThat(rejection("{\"portal\":\"g1\",\"sessionId\":\"s\",\"articleId\":\"a\"}"))
        .contains("eventTime");
    assertThat(
            rejection(
                "{\"portal\":\"g1\",\"sessionId\":\"s\",\"articleId\":\"a\",\"eventTime\":\"soon\"}"))
        .contains("eventTime");
  }

  @Test
  void aNonPositiveWeightOrBrokenJsonIsRejected() {
    assertThat(
            rejection(
                "{\"portal\":\"g1\",\"sessionId\":\"s\",\"articleId\":\"a\",\"eventTime\":1,"
                    + "\"weight\":0}"))
        .contains("weight");
    assertThat(rejection("{\"portal\":")).isEqualTo("malformed JSON");
    assertThat(rejection("[]")).isEqualTo("not a JSON object");
  }

  @Test
  void encodeWritesWhatDecodeReads() {
    for (String referrer : new String[] {"social", null}) {
      Interaction interaction = new Interaction("ge", "u\"1", "s1", "a1", 1_234, 0.5, referrer);

      assertThat(InteractionRecords.decode(InteractionRecords.encode("e9", interaction)))
          .isEqualTo(new InteractionRecords.Decoded.Accepted("e9", interaction));
    }
  }

  @Test
  void anEmptyOrNullReferrerTypeIsUnknownAndAUrlOrANumberIsRejected() {
    String base = "{\"portal\":\"g1\",\"sessionId\":\"s\",\"articleId\":\"a\",\"eventTime\":1,";
    for (String unknown : new String[] {"\"\"", "null"}) {
      InteractionRecords.Decoded decoded = decode(base + "\"referrerType\":" + unknown + "}");
      assertThat(((InteractionRecords.Decoded.Accepted) decoded).interaction().referrerType())
          .isNull();
    }
    assertThat(rejection(base + "\"referrerType\":\"https://www.google.com/search?q=x\"}"))
        .contains("referrerType")
        .contains("at most 32");
    assertThat(rejection(base + "\"referrerType\":2}")).contains("referrerType");
  }
}
