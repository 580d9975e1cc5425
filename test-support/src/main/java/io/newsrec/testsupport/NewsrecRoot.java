package io.newsrec.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root: where {@code local/} (with the npm-installed servers) lives. */
final class NewsrecRoot {

  private NewsrecRoot() {}

  /**
   * The system property {@code newsrec.root} (set by the parent pom's surefire configuration), else
   * the nearest directory above the working directory that holds {@code local/package.json}.
   */
  static Path find() {
    String configured = System.getProperty("newsrec.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("local/package.json"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find the newsrec repository root: set -Dnewsrec.root=<repo> or run from inside it");
  }
}
