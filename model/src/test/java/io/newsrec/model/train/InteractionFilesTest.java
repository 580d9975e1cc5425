package io.newsrec.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsrec.model.Interaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionFilesTest {

  @TempDir Path channel;

  @Test
  void jsonLinesAndG1CsvAreMergedInEventTimeOrder() throws Exception {
    ChannelFixtures.writeJsonLinesGz(
        channel.resolve("archive/part-0"),
        List.of(
            new Interaction("ge", "u1", "s1", "a1", 300, 2.0),
            new Interaction("ge", "u1", "s1", "a2", 100, 1.0)));
    ChannelFixtures.writeG1CsvXz(
        channel.resolve("clicks_hour_000.csv.xz"),
        List.of(
            new Interaction("g1", "7", "8", "9", 200, 1.0, "2"),
            new Interaction("g1", "7", "8", "10", 250, 1.0)));

    InteractionFiles.Read read = InteractionFiles.read(channel);

    assertThat(read.interactions())
        .containsExactly(
            new Interaction("ge", "u1", "s1", "a2", 100, 1.0),
            new Interaction("g1", "7", "8", "9", 200, 1.0, "2"),
            new Interaction("g1", "7", "8", "10", 250, 1.0),
            new Interaction("ge", "u1", "s1", "a1", 300, 2.0));
    assertThat(read.files()).isEqualTo(2);
    assertThat(read.rejected()).isZero();
  }

  @Test
  void invalidLinesAreCountedAndMarkerFilesSkipped() throws Exception {
    Files.writeString(
        channel.resolve("part.jsonl"),
        """
        {"portal":"g1","sessionId":"s","articleId":"a","eventTime":5}
        {"portal":"g1","sessionId":"s"}
        not json at all but starts with text

        """
            .replace("not json", "{not json"));
    Files.writeString(channel.resolve("_SUCCESS"), "");
    Files.writeString(channel.resolve(".crc"), "xx");

    InteractionFiles.Read read = InteractionFiles.read(channel);

    assertThat(read.interactions()).hasSize(1);
    assertThat(read.rejected()).isEqualTo(2);
    assertThat(read.files()).isEqualTo(1);
  }

  @Test
  void aCsvWithoutTheG1ColumnsIsRefusedByName() throws Exception {
    Files.writeString(channel.resolve("other.csv"), "a,b,c\n1,2,3\n");

    assertThatThrownBy(() -> InteractionFiles.read(channel))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other.csv");
  }

  @Test
  void aMissingChannelIsRefused() {
    assertThatThrownBy(() -> InteractionFiles.read(channel.resolve("nope")))
        .hasMessageContaining("does not exist");
  }
}
