package io.newsrec.delivery.kinesis;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the records of one put into {@code PutRecords} calls within Kinesis' limits: at most 500
 * records and 5 MiB per call, partition keys included. Order is kept, so that one user's records
 * reach the shard in the order they came.
 */
final class PutRecordsChunks {

  static final int MAX_RECORDS = 500;
  static final long MAX_BYTES = 5L * 1024 * 1024;

  private PutRecordsChunks() {}

  /**
   * @param sizes the size of each record in bytes (data plus partition key, UTF-8)
   * @return the end index (exclusive) of each chunk, in order; the last is {@code sizes.length}
   */
  static List<Integer> ends(long[] sizes, int maxRecords, long maxBytes) {
    List<Integer> ends = new ArrayList<>();
    int count = 0;
    long bytes = 0;
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] > maxBytes) {
        throw new IllegalArgumentException("record " + i + " exceeds " + maxBytes + " bytes");
      }
      if (count == maxRecords || bytes + sizes[i] > maxBytes) {
        ends.add(i);
        count = 0;
        bytes = 0;
      }
      count++;
      bytes += sizes[i];
    }
    if (count > 0) {
      ends.add(sizes.length);
    }
    return ends;
  }
}
