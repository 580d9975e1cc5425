package io.newsrec.ingest.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * The request body: which content types are taken, and reading it up to a limit, so that an
 * oversized body never sits in memory whole.
 */
final class BodyReader {

  /** The body is larger than the limit. */
  static final class TooLarge extends Exception {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  private BodyReader() {}

  /** application/json or text/plain; a charset, if named, must be UTF-8. */
  static boolean acceptable(String contentType) {
    if (contentType == null) {
      return false;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (IllegalArgumentException e) {
      return false;
    }
    boolean known =
        type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)
            || type.equalsTypeAndSubtype(MediaType.TEXT_PLAIN);
    try {
      return known
          && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * @param declaredLength the Content-Length, or -1 when unknown (chunked)
   */
  static byte[] read(InputStream in, long declaredLength, long limit) throws IOException, TooLarge {
    if (declaredLength > limit) {
      throw new TooLarge();
    }
    int initial = declaredLength >= 0 ? (int) declaredLength : 1024;
    ByteArrayOutputStream out = new ByteArrayOutputStream(initial);
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > limit) {
        throw new TooLarge();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
