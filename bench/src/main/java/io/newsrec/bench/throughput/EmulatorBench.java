package io.newsrec.bench.throughput;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The Kinesis emulator's own speed: {@code PutRecords} of 500 records of about 250 bytes, a few
 * calls in flight, straight from the SDK. Reported beside the service's figures to show why the
 * service is measured against a stub: the emulator is the bottleneck, by far.
 */
public final class EmulatorBench {

  private EmulatorBench() {}

  /** Records/s accepted by the emulator behind {@code kinesis}. */
  public static double recordsPerSecond(KinesisClient kinesis, int callsInFlight, Duration duration)
      throws InterruptedException {
    String stream = "bench-emulator";
    kinesis.createStream(b -> b.streamName(stream).shardCount(4));
    while (kinesis
            .describeStreamSummary(b -> b.streamName(stream))
            .streamDescriptionSummary()
            .streamStatus()
        != StreamStatus.ACTIVE) {
      Thread.sleep(100);
    }
    var random = new Random(1);
    var entries = new ArrayList<PutRecordsRequestEntry>();
    for (int i = 0; i < 500; i++) {
      byte[] data = new byte[250];
      random.nextBytes(data);
      entries.add(
          PutRecordsRequestEntry.builder()
              .partitionKey("u-" + random.nextInt(100_000))
              .data(SdkBytes.fromByteArray(data))
              .build());
    }
    List<PutRecordsRequestEntry> batch = List.copyOf(entries);
    var accepted = new AtomicLong();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    var threads = new ArrayList<Thread>();
    for (int t = 0; t < callsInFlight; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (System.nanoTime() < end) {
                      var response = kinesis.putRecords(b -> b.streamName(stream).records(batch));
                      accepted.addAndGet(batch.size() - response.failedRecordCount());
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return accepted.get() / ((System.nanoTime() - start) / 1e9);
  }
}
