package io.newsrec.model.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsrec.model.stream.kinesis.KinesisSourceConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServeConfigTest {

  @Test
  void withNothingSetItServesTheSageMakerDefaultsAndLearnsNothingOnline() {
    ServeConfig config = ServeConfig.from(Map.of(), new String[] {"serve"});

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.modelDir()).isEqualTo(Path.of("/opt/ml/model"));
    assertThat(config.threads()).isEqualTo(4);
    assertThat(config.streams()).isNull();
  }

  @Test
  void environmentVariablesConfigureStreamsAndOptionsWinOverThem() {
    Map<String, String> env =
        Map.of(
            "NEWSREC_SERVE_PORT", "9000",
            "NEWSREC_INTERACTION_STREAMS", "interactions-g1, interactions-ge",
            "NEWSREC_STREAM_START", "trim_horizon",
            "NEWSREC_STREAM_POLL_MS", "50",
            "NEWSREC_KINESIS_ENDPOINT", "http://localhost:4568",
            "AWS_REGION", "sa-east-1");

    ServeConfig config = ServeConfig.from(env, new String[] {"--port", "9100"});

    assertThat(config.port()).isEqualTo(9100);
    KinesisSourceConfig streams = config.streams();
    assertThat(streams.streams()).containsExactly("interactions-g1", "interactions-ge");
    assertThat(streams.startPosition()).isEqualTo(KinesisSourceConfig.StartPosition.TRIM_HORIZON);
    assertThat(streams.pollInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(streams.endpoint()).isEqualTo(URI.create("http://localhost:4568"));
    assertThat(streams.region()).isEqualTo("sa-east-1");
  }

  @Test
  void sageMakersPortVariableIsUsedWhenOursIsAbsent() {
    assertThat(ServeConfig.from(Map.of("SAGEMAKER_BIND_TO_PORT", "8081"), new String[0]).port())
        .isEqualTo(8081);
  }

  @Test
  void badSettingsAreRefusedAtStartUpNamingTheSetting() {
    assertThatThrownBy(() -> ServeConfig.from(Map.of("NEWSREC_SERVE_PORT", "http"), new String[0]))
        .hasMessageContaining("port");
    assertThatThrownBy(() -> ServeConfig.from(Map.of(), new String[] {"--threads", "0"}))
        .hasMessageContaining("threads");
    assertThatThrownBy(() -> ServeConfig.from(Map.of(), new String[] {"--colour", "red"}))
        .hasMessageContaining("colour");
    assertThatThrownBy(
            () ->
                ServeConfig.from(
                    Map.of(), new String[] {"--streams", "s", "--stream-start", "SOMETIME"}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServeConfig.from(Map.of(), new String[] {"--streams", "a,,b"}))
        .hasMessageContaining("stream name");
  }

  @Test
  void kinesisSettingsAreCheckedAsAWhole() {
    assertThatThrownBy(
            () ->
                new KinesisSourceConfig(
                    List.of("s"),
                    KinesisSourceConfig.StartPosition.LATEST,
                    Duration.ofSeconds(1),
                    Duration.ofMillis(10),
                    Duration.ofSeconds(30),
                    100,
                    null,
                    "us-east-1"))
        .hasMessageContaining("maxBackoff");
  }
}
