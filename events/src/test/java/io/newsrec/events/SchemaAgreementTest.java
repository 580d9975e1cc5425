package io.newsrec.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code pageview-v1.schema.json} and {@link PageviewValidator} in agreement: each example
 * document is hand-labelled valid or invalid, and both must say so.
 *
 * <p>Known, deliberate differences, not exercised here: the configured portal set and the
 * event-time window (deployment rules the schema cannot know), and numbers such as {@code 12.0} (an
 * "integer" to JSON Schema, refused by the validator).
 */
class SchemaAgreementTest {

  private static final Schema SCHEMA = loadSchema();

  static Stream<Arguments> examples() {
    return Stream.of(
        example("a complete event", true, n -> {}),
        example(
            "only the required fields",
            true,
            n -> n.remove(List.of("articleId", "referrer", "recommendationId"))),
        example("null optional fields", true, n -> n.putNull("referrer").putNull("articleId")),
        example("unknown extra fields", true, n -> n.put("screen", "1280x720")),
        example("an offset event time", true, n -> n.put("eventTime", "2026-11-27T06:59:58-03:00")),
        example(
            "an http URL with port and query",
            true,
            n -> n.put("url", "http://ge.globo.com:8080/x?y=1")),
        example(
            "edge values",
            true,
            n -> n.put("scrollDepthPct", 100).put("timeOnPageMs", 0).put("linkClicks", 10000)),
        example("no eventId", false, n -> n.remove("eventId")),
        example("a non-UUID eventId", false, n -> n.put("eventId", "not-a-uuid")),
        example("a short-form UUID", false, n -> n.put("eventId", "1-1-1-1-1")),
        example("an upper-case portal", false, n -> n.put("portal", "G1")),
        example("a blank userId", false, n -> n.put("userId", "  ")),
        example("an empty sessionId", false, n -> n.put("sessionId", "")),
        example("a numeric userId", false, n -> n.put("userId", 123)),
        example("a too-long userId", false, n -> n.put("userId", "x".repeat(129))),
        example("a relative url", false, n -> n.put("url", "/economia/a.ghtml")),
        example("an ftp url", false, n -> n.put("url", "ftp://g1.globo.com/a")),
        example(
            "a too-long url", false, n -> n.put("url", "https://g1.globo.com/" + "a".repeat(2048))),
        example("a date without time", false, n -> n.put("eventTime", "2026-11-27")),
        example(
            "a date-time without offset", false, n -> n.put("eventTime", "2026-11-27T09:59:58")),
        example("a negative timeOnPageMs", false, n -> n.put("timeOnPageMs", -5)),
        example("a timeOnPageMs above a day", false, n -> n.put("timeOnPageMs", 86_400_001L)),
        example("scrollDepthPct of 101", false, n -> n.put("scrollDepthPct", 101)),
        example("scrollDepthPct as a string", false, n -> n.put("scrollDepthPct", "50")),
        example("fractional linkClicks", false, n -> n.put("linkClicks", 1.5)),
        example("negative linkClicks", false, n -> n.put("linkClicks", -1)),
        example("a numeric referrer", false, n -> n.put("referrer", 1)),
        example("a too-long articleId", false, n -> n.put("articleId", "a".repeat(129))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theSchemaAndTheValidatorAgreeOn(String name, boolean valid, ObjectNode document) {
    List<Error> schemaErrors =
        SCHEMA.validate(document, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
    Validated verdict = Examples.validator().validate(document);

    assertThat(schemaErrors.isEmpty()).as("schema says valid (%s)", schemaErrors).isEqualTo(valid);
    assertThat(verdict instanceof Validated.Valid)
        .as("validator says valid (%s)", verdict)
        .isEqualTo(valid);
  }

  private static Arguments example(String name, boolean valid, Consumer<ObjectNode> change) {
    ObjectNode document = Examples.validJson();
    change.accept(document);
    return Arguments.of(name, valid, document);
  }

  private static Schema loadSchema() {
    try (InputStream in = PageviewJson.class.getResourceAsStream("/pageview-v1.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
