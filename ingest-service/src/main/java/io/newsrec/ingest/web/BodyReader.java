package io.newsrec.ingest.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, so that an oversized body never sits in memory whole. */
final class BodyReader {

  /** The body is larger than the limit. */
  static final class TooLarge extends Exception {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  private BodyReader() {}

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
