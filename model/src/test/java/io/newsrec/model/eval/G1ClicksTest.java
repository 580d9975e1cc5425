package io.newsrec.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsrec.model.Interaction;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class G1ClicksTest {
  private static final long T0 = 1_506_800_000_000L;

  @TempDir Path folder;

  @Test
  void readsTheHourlyXzFilesWithPositionsHoursAndATimeOrderedReplay() throws IOException {
    write(
        0,
        G1ClicksFixtures.csv(
            G1ClicksFixtures.click(11, 1, 100, T0 + 5_000),
            G1ClicksFixtures.click(11, 1, 101, T0 + 90_000),
            G1ClicksFixtures.click(12, 2, 100, T0 + 10_000)));
    write(1, G1ClicksFixtures.csv(G1ClicksFixtures.click(13, 3, 102, T0 + 60_000)));
    List<Integer> progress = new ArrayList<>();

    G1Clicks data = G1Clicks.load(folder, progress::add);

    assertThat(progress).containsExactly(0, 1);
    assertThat(data.size()).isEqualTo(4);
    assertThat(data.hours()).isEqualTo(2);
    assertThat(data.position).containsExactly(1, 2, 1, 1);
    assertThat(data.sessionSize).containsExactly(2, 2, 1, 1);
    assertThat(data.hour).containsExactly(0, 0, 0, 1);
    assertThat(data.timeOrder()).containsExactly(0, 2, 3, 1);
    List<Interaction> replay = new ArrayList<>();
    data.forEachInTimeOrder("g1", replay::add);
    assertThat(replay.getFirst())
        .isEqualTo(new Interaction("g1", "1", "11", "100", T0 + 5_000, 1.0, "2"));
    assertThat(replay)
        .extracting(Interaction::articleId)
        .containsExactly("100", "100", "102", "101");
  }

  @Test
  void aFolderWithoutClicksIsAClearError() {
    assertThatThrownBy(() -> G1Clicks.load(folder, h -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("clicks_hour_000.csv.xz");
  }

  private void write(int hour, String csv) throws IOException {
    Files.createDirectories(folder.resolve("clicks"));
    try (OutputStream out =
        new XZOutputStream(
            Files.newOutputStream(folder.resolve("clicks").resolve(G1Clicks.fileName(hour))),
            new LZMA2Options(1))) {
      out.write(csv.getBytes(StandardCharsets.US_ASCII));
    }
  }
}
