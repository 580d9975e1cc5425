package io.newsrec.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContainerPathsTest {

  @Test
  void withoutOptionsItIsTheSageMakerLayoutUnderOptMl() {
    ContainerPaths paths = ContainerPaths.fromArgs(new String[] {"train"});

    assertThat(paths)
        .isEqualTo(
            new ContainerPaths(
                Path.of("/opt/ml/input/config/hyperparameters.json"),
                Path.of("/opt/ml/input/data/interactions"),
                Path.of("/opt/ml/model"),
                Path.of("/opt/ml/output")));
  }

  @Test
  void aRootAndAChannelMoveTheWholeLayout() {
    ContainerPaths paths =
        ContainerPaths.fromArgs(new String[] {"--root", "/tmp/ml", "--channel", "train"});

    assertThat(paths.data()).isEqualTo(Path.of("/tmp/ml/input/data/train"));
    assertThat(paths.outputDir()).isEqualTo(Path.of("/tmp/ml/output"));
  }

  @Test
  void unknownOrDanglingOptionsAreRefused() {
    assertThatThrownBy(() -> ContainerPaths.fromArgs(new String[] {"--epochs", "3"}))
        .hasMessageContaining("--epochs");
    assertThatThrownBy(() -> ContainerPaths.fromArgs(new String[] {"--root"}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBadCommandLineExitsWithTwo() {
    assertThat(TrainMain.run(new String[] {"--epochs", "3"}, new HybridModelFactory()))
        .isEqualTo(2);
  }
}
