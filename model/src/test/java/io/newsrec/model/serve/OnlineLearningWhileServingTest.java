package io.newsrec.model.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsrec.model.Interaction;
import io.newsrec.model.stream.InteractionRecords;
import io.newsrec.model.train.HybridModelFactory;
import io.newsrec.testsupport.KinesisLocal;
import io.newsrec.testsupport.KinesisTestStreams;
import io.newsrec.testsupport.TestAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Invariant 6 ("fresh"): a click on the stream changes what {@code serve} recommends. */
class OnlineLearningWhileServingTest {

  @RegisterExtension static final KinesisLocal KINESIS = new KinesisLocal();

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path emptyModelDir;

  @Test
  void clicksOnTheInteractionStreamChangeTheRecommendationsWithinSeconds() throws Exception {
    // serve builds its Kinesis client from the default credentials chain, as in production.
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    try (KinesisClient kinesis = TestAws.kinesis(KINESIS.endpoint())) {
      KinesisTestStreams.create(kinesis, "interactions-g1", 1);
      ServeConfig config =
          ServeConfig.from(
              Map.of(),
              new String[] {
                "serve",
                "--port",
                "0",
                "--model-dir",
                emptyModelDir.toString(),
                "--threads",
                "2",
                "--streams",
                "interactions-g1",
                "--stream-start",
                "TRIM_HORIZON",
                "--stream-poll-ms",
                "100",
                "--kinesis-endpoint",
                KINESIS.endpoint().toString(),
                "--region",
                TestAws.REGION.id()
              });
      Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
      try (ServeMain.Running running = ServeMain.start(config, new HybridModelFactory(), clock);
          HttpClient http = HttpClient.newHttpClient()) {
        String request = "{\"portal\":\"g1\",\"sessionClicks\":[\"breaking\"],\"count\":5}";
        assertThat(invoke(http, running.port(), request).get("items")).isEmpty();

        long t = NOW.toEpochMilli() - 600_000;
        for (int s = 0; s < 5; s++, t += 60_000) {
          put(kinesis, "e" + s + "a", new Interaction("g1", "u" + s, "s" + s, "breaking", t, 1));
          put(
              kinesis,
              "e" + s + "b",
              new Interaction("g1", "u" + s, "s" + s, "follow-up", t + 5_000, 1));
        }

        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  JsonNode answer = invoke(http, running.port(), request);
                  assertThat(answer.at("/items/0/articleId").asText()).isEqualTo("follow-up");
                  assertThat(answer.at("/model/onlineUpdates").asLong()).isEqualTo(10);
                });
      }
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  private static void put(KinesisClient kinesis, String eventId, Interaction click) {
    kinesis.putRecord(
        b ->
            b.streamName("interactions-g1")
                .partitionKey(click.sessionId())
                .data(SdkBytes.fromUtf8String(InteractionRecords.encode(eventId, click))));
  }

  private static JsonNode invoke(HttpClient http, int port, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/invocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
