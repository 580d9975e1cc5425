package io.newsrec.ingest.web;

import static io.newsrec.ingest.testing.Pageviews.event;
import static io.newsrec.ingest.testing.Pageviews.events;
import static io.newsrec.ingest.testing.Pageviews.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.events.Pageview;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input gets a clear 4xx, as {@code application/problem+json}, never a 5xx, and changes
 * nothing; the valid events of a mixed batch are still delivered.
 */
class BadInputSuiteTest extends EndpointTest {

  private static final String VALID = json(event("g1", "u-1", 1));

  static Stream<Arguments> badRequests() {
    return Stream.of(
        bad("malformed JSON", "application/json", "{\"eventId\": ", 400),
        bad("not JSON at all", "application/json", "hello", 400),
        bad("an empty body", "application/json", "", 400),
        bad("a JSON number", "application/json", "42", 400),
        bad("an empty batch", "application/json", "[]", 400),
        bad("trailing garbage", "application/json", VALID + " x", 400),
        bad("duplicate keys", "application/json", "{\"portal\":\"g1\"," + VALID.substring(1), 400),
        bad(
            "wrong types",
            "application/json",
            VALID.replace("\"scrollDepthPct\":1", "\"scrollDepthPct\":\"1\""),
            400),
        bad("missing fields", "application/json", "{\"portal\":\"g1\"}", 400),
        bad(
            "an unknown portal",
            "application/json",
            VALID.replace("\"portal\":\"g1\"", "\"portal\":\"g9\""),
            400),
        bad("an array of numbers", "application/json", "[1,2,3]", 400),
        bad("deep nesting", "application/json", "[".repeat(5000) + "]".repeat(5000), 400),
        bad("XML", "application/xml", "<pageview/>", 415),
        bad("no content type", null, VALID, 415),
        bad("form data", "application/x-www-form-urlencoded", "a=b", 415),
        bad("a Latin-1 charset", "application/json; charset=ISO-8859-1", VALID, 415),
        bad("an unknown charset", "text/plain; charset=klingon", VALID, 415),
        bad("a broken content type", "application/", VALID, 415));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void isAnsweredWithAClear4xx(String name, String contentType, byte[] body, int status) {
    HttpResponse<String> response = http.post("/pageview", contentType, body);

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"status\":" + status).contains("\"detail\"");
    assertThat(streams.puts()).isEmpty();
  }

  @Test
  void invalidUtf8IsA400() {
    byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
    int at = VALID.indexOf("u-1") + 1;
    body[at] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
    body[at + 1] = (byte) 0x28;

    HttpResponse<String> response = http.post("/pageview", "application/json", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("UTF-8");
    assertThat(streams.puts()).isEmpty();
  }

  @Test
  void aBodyOverTheSizeLimitIsA413() {
    byte[] huge =
        ("[" + (VALID + ",").repeat(5_000) + VALID + "]").getBytes(StandardCharsets.UTF_8);
    assertThat(huge.length).isGreaterThan(1024 * 1024);

    HttpResponse<String> response = http.post("/pageview", "application/json", huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(streams.puts()).isEmpty();
  }

  @Test
  void aBatchOfMoreThan500EventsIsA413NamingTheLimit() {
    HttpResponse<String> response = http.postJson("/pageview", json(events("g1", "u-1", 501)));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("at most 500 events, not 501");
    assertThat(streams.puts()).isEmpty();
  }

  @Test
  void theValidEventsOfAMixedBatchAreDeliveredAndEachBadFieldIsNamed() {
    Pageview first = event("g1", "u-1", 1);
    Pageview third = event("ge", "u-1", 3);
    String bad =
        json(event("g1", "u-1", 2)).replace("\"scrollDepthPct\":2", "\"scrollDepthPct\":101");
    String unknownPortal =
        json(event("g1", "u-1", 4)).replace("\"portal\":\"g1\"", "\"portal\":\"g9\"");
    String body = "[" + json(first) + "," + bad + "," + json(third) + "," + unknownPortal + ",7]";

    HttpResponse<String> response = http.postJson("/pageview", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"accepted\":2")
        .contains("{\"field\":\"[1].scrollDepthPct\",\"message\":\"must be between 0 and 100\"}")
        .contains("{\"field\":\"[3].portal\",\"message\":\"is not a known portal\"}")
        .contains("{\"field\":\"[4]\",\"message\":\"must be an object\"}")
        .doesNotContain("u-1"); // no user id echoed back
    assertThat(streams.stored("g1")).containsExactly(first);
    assertThat(streams.stored("ge")).containsExactly(third);
  }

  @Test
  void aBrokenChunkedBodyIsA4xxNotA5xx() throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /pageview HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\n[{\"a\"\r\nzz\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String statusLine =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();

      assertThat(statusLine).startsWith("HTTP/1.1 4");
    }
    assertThat(streams.puts()).isEmpty();
  }

  @Test
  void aWrongMethodIsA405NotA5xx() {
    assertThat(http.get("/pageview").statusCode()).isEqualTo(405);
  }

  private static Arguments bad(String name, String contentType, String body, int status) {
    return Arguments.of(name, contentType, body.getBytes(StandardCharsets.UTF_8), status);
  }
}
