package io.newsrec.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsrec.model.Interaction;
import io.newsrec.model.serve.ServeConfig;
import io.newsrec.model.serve.ServeMain;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;

/**
 * The training container contract in a temporary {@code /opt/ml}-shaped folder: hyperparameters and
 * channel data in, artifact out, and the served artifact recommends what the data implies.
 */
class TrainContractTest {

  private static final Instant START = Instant.parse("2026-01-01T06:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  /**
   * Sessions of one reader each: an optional random background click, then a "lead" article and the
   * article it is always followed by. Pattern A/B go to the JSON archive, pattern C (integer ids,
   * as in g1) to a g1 CSV.
   */
  private long writeChannel() throws Exception {
    return writeChannel(120);
  }

  private long writeChannel(int sessions) throws Exception {
    Random random = new Random(42);
    List<Interaction> archive = new ArrayList<>();
    List<Interaction> csv = new ArrayList<>();
    long t = START.toEpochMilli();
    for (int s = 0; s < sessions; s++, t += 60_000) {
      int pattern = s % 3;
      String lead =
          switch (pattern) {
            case 0 -> "lead-a";
            case 1 -> "lead-b";
            default -> "101";
          };
      String follow =
          switch (pattern) {
            case 0 -> "follow-a";
            case 1 -> "follow-b";
            default -> "102";
          };
      List<Interaction> into = pattern == 2 ? csv : archive;
      String session = Integer.toString(1_000 + s);
      String user = Integer.toString(s);
      if (random.nextBoolean()) {
        into.add(
            new Interaction("g1", user, session, Integer.toString(200 + random.nextInt(8)), t, 1));
      }
      into.add(new Interaction("g1", user, session, lead, t + 10_000, 1));
      into.add(new Interaction("g1", user, session, follow, t + 20_000, 1));
    }
    ChannelFixtures.writeJsonLinesGz(
        root.resolve("input/data/interactions/archive.jsonl.gz"), archive);
    ChannelFixtures.writeG1CsvXz(
        root.resolve("input/data/interactions/clicks_hour_000.csv.xz"), csv);
    return t;
  }

  private void writeHyperparameters(String json) throws Exception {
    Files.createDirectories(root.resolve("input/config"));
    Files.writeString(root.resolve("input/config/hyperparameters.json"), json);
  }

  @Test
  void trainWritesAnArtifactThatServeLoadsAndThatRecommendsWhatTheDataImplies() throws Exception {
    long end = writeChannel();
    writeHyperparameters("{\"knn_neighbours\":\"50\"}");

    int exit =
        TrainMain.run(new String[] {"train", "--root", root.toString()}, new HybridModelFactory());

    assertThat(exit).isZero();
    assertThat(root.resolve("model/model.bin")).isNotEmptyFile();
    assertThat(root.resolve("output/failure")).doesNotExist();

    Clock clock = Clock.fixed(Instant.ofEpochMilli(end), ZoneOffset.UTC);
    ServeConfig config = new ServeConfig(0, root.resolve("model"), 2, null, 0);
    try (ServeMain.Running running = ServeMain.start(config, new HybridModelFactory(), clock);
        SageMakerRuntimeClient sagemaker = client(running.port())) {
      JsonNode afterA =
          invoke(sagemaker, "{\"portal\":\"g1\",\"sessionClicks\":[\"lead-a\"],\"count\":3}");
      JsonNode afterB =
          invoke(sagemaker, "{\"portal\":\"g1\",\"sessionClicks\":[\"lead-b\"],\"count\":3}");
      JsonNode afterC =
          invoke(sagemaker, "{\"portal\":\"g1\",\"sessionClicks\":[101],\"count\":3}");

      assertThat(afterA.at("/items/0/articleId").asText()).isEqualTo("follow-a");
      assertThat(afterB.at("/items/0/articleId").asText()).isEqualTo("follow-b");
      assertThat(afterC.at("/items/0/articleId").asText()).isEqualTo("102");
      assertThat(afterA.at("/items/0/sources")).isNotEmpty();
      assertThat(afterA.at("/model/version").asText()).matches("[0-9a-f]{12}");
    }
  }

  @Test
  void aLongEnoughHistoryTrainsTheReRankerThatServeThenUses() throws Exception {
    // 1,200 sessions: ~1,200 lists whose next click is among the candidates, over the 500 it takes
    long end = writeChannel(1_200);
    writeHyperparameters("{\"ranker_trees\":\"20\"}");

    int exit = TrainMain.run(new String[] {"--root", root.toString()}, new HybridModelFactory());

    assertThat(exit).isZero();
    Clock clock = Clock.fixed(Instant.ofEpochMilli(end), ZoneOffset.UTC);
    ServeConfig config = new ServeConfig(0, root.resolve("model"), 2, null, 0);
    try (ServeMain.Running running = ServeMain.start(config, new HybridModelFactory(), clock);
        SageMakerRuntimeClient sagemaker = client(running.port())) {
      JsonNode afterA =
          invoke(sagemaker, "{\"portal\":\"g1\",\"sessionClicks\":[\"lead-a\"],\"count\":3}");

      assertThat(afterA.at("/items/0/articleId").asText()).isEqualTo("follow-a");
      assertThat(afterA.at("/items/0/sources").toString()).contains("\"ranker\"");
    }
  }

  @Test
  void aBadHyperparameterWritesTheReasonToFailureAndExitsNonZero() throws Exception {
    writeChannel();
    writeHyperparameters("{\"knn_neighbours\":\"0\"}");

    int exit = TrainMain.run(new String[] {"--root", root.toString()}, new HybridModelFactory());

    assertThat(exit).isNotZero();
    assertThat(Files.readString(root.resolve("output/failure"))).contains("knn_neighbours");
    assertThat(root.resolve("model/model.bin")).doesNotExist();
  }

  @Test
  void anEmptyChannelFailsTheJobWithAReason() throws Exception {
    Files.createDirectories(root.resolve("input/data/interactions"));

    int exit = TrainMain.run(new String[] {"--root", root.toString()}, new HybridModelFactory());

    assertThat(exit).isEqualTo(1);
    assertThat(Files.readString(root.resolve("output/failure"))).contains("no valid interactions");
  }

  @Test
  void plainPathsOnTheCommandLineReplaceTheContainerLayout() throws Exception {
    writeChannel();
    Path models = root.resolve("elsewhere");

    int exit =
        TrainMain.run(
            new String[] {
              "--data", root.resolve("input/data/interactions").toString(),
              "--model-dir", models.toString(),
              "--hyperparameters", root.resolve("missing.json").toString(),
              "--output-dir", root.resolve("out").toString()
            },
            new HybridModelFactory());

    assertThat(exit).isZero();
    assertThat(models.resolve("model.bin")).isNotEmptyFile();
  }

  private static SageMakerRuntimeClient client(int port) {
    return SageMakerRuntimeClient.builder()
        .endpointOverride(URI.create("http://localhost:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build();
  }

  private static JsonNode invoke(SageMakerRuntimeClient sagemaker, String body) throws Exception {
    String answer =
        sagemaker
            .invokeEndpoint(
                InvokeEndpointRequest.builder()
                    .endpointName("newsrec")
                    .contentType("application/json")
                    .body(SdkBytes.fromUtf8String(body))
                    .build())
            .body()
            .asUtf8String();
    return JSON.readTree(answer);
  }
}
