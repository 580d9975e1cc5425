package io.newsrec.model.train;

import io.newsrec.model.Recommender;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The model artifact on disk: {@code model.bin} in the model folder ({@code /opt/ml/model}, which
 * SageMaker packs into {@code model.tar.gz} after training and unpacks there before serving).
 */
public final class ModelArtifact {

  /** The artifact's file name inside the model folder. */
  public static final String FILE_NAME = "model.bin";

  private ModelArtifact() {}

  /** A model read from an artifact, with the artifact's version. */
  public record Loaded(Recommender recommender, String version) {}

  /**
   * Writes the model to {@code modelDir/model.bin}, through a temporary file and an atomic move so
   * that a crash never leaves half an artifact under the final name.
   *
   * @return the artifact's path
   */
  public static Path write(Recommender recommender, Path modelDir) throws IOException {
    Files.createDirectories(modelDir);
    Path target = modelDir.resolve(FILE_NAME);
    Path temporary = Files.createTempFile(modelDir, FILE_NAME, ".part");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
      recommender.writeTo(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    Files.move(
        temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  /**
   * Reads an artifact; its version is the first 12 hex digits of its SHA-256, so that a response
   * tells which artifact answered it.
   */
  public static Loaded read(ModelFactory factory, Path artifact) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    try (DigestInputStream digest = new DigestInputStream(Files.newInputStream(artifact), sha256);
        InputStream in = new BufferedInputStream(digest, 1 << 16)) {
      Recommender recommender = factory.read(in);
      in.transferTo(OutputStream.nullOutputStream()); // digest the whole file even if unread
      return new Loaded(recommender, HexFormat.of().formatHex(sha256.digest()).substring(0, 12));
    }
  }
}
