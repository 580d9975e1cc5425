package io.newsrec.model.train;

import io.newsrec.model.Interaction;
import io.newsrec.model.stream.InteractionRecords;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Writes small training channels in the formats {@code train} reads. */
final class ChannelFixtures {

  static final String G1_HEADER =
      "user_id,session_id,session_start,session_size,click_article_id,click_timestamp,"
          + "click_environment,click_deviceGroup,click_os,click_country,click_region,"
          + "click_referrer_type";

  private ChannelFixtures() {}

  /** JSON lines, gzip-compressed. */
  static void writeJsonLinesGz(Path file, List<Interaction> interactions) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
        Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      int n = 0;
      for (Interaction interaction : interactions) {
        writer.write(InteractionRecords.encode("e-" + file.getFileName() + "-" + n++, interaction));
        writer.write('\n');
      }
    }
  }

  /**
   * The g1 click CSV, xz-compressed; ids must be integers, the portal is g1, an unknown referrer
   * type an empty field.
   */
  static void writeG1CsvXz(Path file, List<Interaction> interactions) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new XZOutputStream(Files.newOutputStream(file), new LZMA2Options(1));
        Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      writer.write(G1_HEADER + "\n");
      for (Interaction i : interactions) {
        writer.write(
            String.join(
                    ",",
                    i.userId(),
                    i.sessionId(),
                    Long.toString(i.timeMs()),
                    "2",
                    i.articleId(),
                    Long.toString(i.timeMs()),
                    "4",
                    "1",
                    "17",
                    "1",
                    "25",
                    i.referrerType() == null ? "" : i.referrerType())
                + "\n");
      }
    }
  }
}
