package io.newsrec.delivery.kinesis;

import io.newsrec.delivery.PageviewStreams;
import io.newsrec.delivery.PutOutcome;
import io.newsrec.delivery.StreamNames;
import io.newsrec.delivery.aws.Failures;
import io.newsrec.delivery.aws.Reachability;
import io.newsrec.events.Pageview;
import io.newsrec.events.PageviewJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * {@link PageviewStreams} on Kinesis: {@code PutRecords} into {@code <prefix><portal>}, partition
 * key = user id, data = the pageview's contract-v1 JSON ({@link PageviewJson}).
 *
 * <p>A put larger than one call allows is split into calls of at most 500 records and 5 MiB, sent
 * one after the other so that one user's events keep their order. Records the stream refuses
 * (throttling, internal failure) come back in {@link PutOutcome#rejected()}; so do the events of
 * calls after a first call that went through, should a later call fail as a whole. Only when the
 * first call fails as a whole does the put complete exceptionally: nothing was accepted.
 */
public final class KinesisPageviewStreams implements PageviewStreams {

  private final KinesisAsyncClient kinesis;
  private final StreamNames names;
  private final Reachability reachability;

  public KinesisPageviewStreams(KinesisAsyncClient kinesis, StreamNames names) {
    this.kinesis = kinesis;
    this.names = names;
    this.reachability = new Reachability(Duration.ofSeconds(5), this::probe);
  }

  @Override
  public CompletableFuture<PutOutcome> put(String portal, List<Pageview> events) {
    if (events.isEmpty()) {
      return CompletableFuture.completedFuture(PutOutcome.allAccepted());
    }
    List<PutRecordsRequestEntry> entries = new ArrayList<>(events.size());
    long[] sizes = new long[events.size()];
    for (int i = 0; i < events.size(); i++) {
      Pageview event = events.get(i);
      if (!event.portal().equals(portal)) {
        throw new IllegalArgumentException("every event of a put belongs to portal " + portal);
      }
      byte[] data = PageviewJson.encode(event);
      entries.add(
          PutRecordsRequestEntry.builder()
              .partitionKey(event.userId())
              .data(SdkBytes.fromByteArrayUnsafe(data))
              .build());
      sizes[i] = data.length + event.userId().getBytes(StandardCharsets.UTF_8).length;
    }
    List<Integer> ends =
        PutRecordsChunks.ends(sizes, PutRecordsChunks.MAX_RECORDS, PutRecordsChunks.MAX_BYTES);
    return putChunks(names.streamOf(portal), events, entries, ends, 0, new ArrayList<>());
  }

  /** Sends chunk {@code c} and, once it is answered, the next: calls run one at a time. */
  private CompletableFuture<PutOutcome> putChunks(
      String stream,
      List<Pageview> events,
      List<PutRecordsRequestEntry> entries,
      List<Integer> ends,
      int c,
      List<Pageview> rejected) {
    if (c == ends.size()) {
      return CompletableFuture.completedFuture(new PutOutcome(rejected));
    }
    int from = c == 0 ? 0 : ends.get(c - 1);
    int to = ends.get(c);
    return kinesis
        .putRecords(b -> b.streamName(stream).records(entries.subList(from, to)))
        .handle(
            (response, failure) -> {
              reachability.observe(failure);
              if (failure != null) {
                if (c == 0) {
                  throw new CompletionException(Failures.unwrap(failure));
                }
                // Earlier calls went through: report this call's events and the rest as rejected,
                // so that the caller re-sends only those (Kinesis is likely down: stop here).
                rejected.addAll(events.subList(from, events.size()));
                return CompletableFuture.completedFuture(new PutOutcome(rejected));
              }
              collectRejected(response, events.subList(from, to), rejected);
              return putChunks(stream, events, entries, ends, c + 1, rejected);
            })
        .thenCompose(next -> next);
  }

  private static void collectRejected(
      PutRecordsResponse response, List<Pageview> sent, List<Pageview> rejected) {
    if (response.failedRecordCount() == null || response.failedRecordCount() == 0) {
      return;
    }
    List<PutRecordsResultEntry> results = response.records();
    if (results.size() != sent.size()) {
      rejected.addAll(sent); // Cannot tell which were taken: re-sending all is the safe side.
      return;
    }
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).errorCode() != null) {
        rejected.add(sent.get(i));
      }
    }
  }

  @Override
  public boolean reachable() {
    return reachability.reachable();
  }

  private boolean probe() {
    try {
      kinesis.listStreams(b -> b.limit(1)).join();
      return true;
    } catch (RuntimeException e) {
      return Failures.unwrap(e) instanceof AwsServiceException; // It answered, if with an error.
    }
  }
}
