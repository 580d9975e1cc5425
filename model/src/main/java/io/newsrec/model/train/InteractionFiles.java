package io.newsrec.model.train;

import io.newsrec.model.Interaction;
import io.newsrec.model.stream.InteractionRecords;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Reads the interactions of a training channel: every file under the channel folder, in two formats
 * told apart by content (archive objects written by Firehose have no file extension):
 *
 * <ul>
 *   <li>JSON lines of interaction records ({@link InteractionRecords}), the interaction archive;
 *   <li>the g1 click CSV ({@code user_id,session_id,...,click_article_id,click_timestamp,...}),
 *       portal {@code g1}, weight 1, referrer type from {@code click_referrer_type} when the file
 *       has that column, so the model can be trained from the published data set.
 * </ul>
 *
 * Either may be gzip- or xz-compressed (detected by magic bytes). Files whose names start with
 * {@code .} or {@code _} are skipped. The result is sorted by event time (stable), since the model
 * learns online and the files are split by session start, not by click time.
 */
final class InteractionFiles {

  static final String G1_PORTAL = "g1";

  private final Map<String, String> canonical = new HashMap<>();
  private final List<Interaction> interactions = new ArrayList<>();
  private long rejected;

  /** The interactions read and the number of lines that were not valid interactions. */
  record Read(List<Interaction> interactions, long rejected, int files) {}

  private InteractionFiles() {}

  /** Reads every file under {@code channel} (a folder, or a single file). */
  static Read read(Path channel) throws IOException {
    if (!Files.exists(channel)) {
      throw new IllegalArgumentException("no training data: " + channel + " does not exist");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(channel)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .filter(f -> !f.getFileName().toString().startsWith("_"))
              .sorted()
              .toList();
    }
    InteractionFiles reader = new InteractionFiles();
    for (Path file : files) {
      reader.readFile(file);
    }
    reader.interactions.sort(Comparator.comparingLong(Interaction::timeMs));
    return new Read(reader.interactions, reader.rejected, files.size());
  }

  private void readFile(Path file) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(decompressed(raw), StandardCharsets.UTF_8), 1 << 16)) {
      String first = lines.readLine();
      while (first != null && first.isBlank()) {
        first = lines.readLine();
      }
      if (first == null) {
        return;
      }
      if (first.stripLeading().startsWith("{")) {
        readJsonLines(first, lines);
      } else {
        readG1Csv(first, lines, file);
      }
    }
  }

  private static InputStream decompressed(InputStream in) throws IOException {
    in.mark(6);
    byte[] magic = in.readNBytes(6);
    in.reset();
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    if (magic.length == 6 && (magic[0] & 0xff) == 0xfd && magic[1] == '7' && magic[2] == 'z') {
      return new XZInputStream(in);
    }
    return in;
  }

  private void readJsonLines(String first, BufferedReader lines) throws IOException {
    for (String line = first; line != null; line = lines.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      switch (InteractionRecords.decode(line)) {
        case InteractionRecords.Decoded.Accepted a -> add(a.interaction());
        case InteractionRecords.Decoded.Rejected r -> rejected++;
      }
    }
  }

  private void readG1Csv(String header, BufferedReader lines, Path file) throws IOException {
    List<String> columns = List.of(header.strip().split(","));
    int user = columns.indexOf("user_id");
    int session = columns.indexOf("session_id");
    int article = columns.indexOf("click_article_id");
    int time = columns.indexOf("click_timestamp");
    // optional: how the reader came to the page (the re-ranker reads what others who came the same
    // way read); an empty field is unknown
    int referrer = columns.indexOf("click_referrer_type");
    if (user < 0 || session < 0 || article < 0 || time < 0) {
      throw new IllegalArgumentException(
          file.getFileName()
              + " is neither JSON lines nor a g1 click CSV (user_id, session_id,"
              + " click_article_id, click_timestamp)");
    }
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      String[] fields = line.split(",", -1);
      if (fields.length != columns.size()) {
        rejected++;
        continue;
      }
      try {
        add(
            new Interaction(
                G1_PORTAL,
                fields[user],
                fields[session],
                fields[article],
                Long.parseLong(fields[time]),
                1.0,
                referrer < 0 || fields[referrer].isEmpty() ? null : fields[referrer]));
      } catch (NumberFormatException e) {
        rejected++;
      }
    }
  }

  /** Shares one String per distinct id: millions of interactions repeat few ids. */
  private void add(Interaction i) {
    interactions.add(
        new Interaction(
            share(i.portal()),
            share(i.userId()),
            share(i.sessionId()),
            share(i.articleId()),
            i.timeMs(),
            i.weight(),
            i.referrerType() == null ? null : share(i.referrerType())));
  }

  private String share(String id) {
    String known = canonical.putIfAbsent(id, id);
    return known == null ? id : known;
  }
}
