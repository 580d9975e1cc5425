package io.newsrec.delivery.sqs;

import io.newsrec.delivery.RetryMessage;
import io.newsrec.delivery.RetryQueue;
import io.newsrec.delivery.aws.Failures;
import io.newsrec.delivery.aws.Reachability;
import io.newsrec.events.Pageview;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * {@link RetryQueue} on SQS: {@code SendMessageBatch} of {@link RetryMessage} bodies (several
 * pageviews of one portal per message), at most 10 messages and 256 KiB per call.
 *
 * <p>Entries that a batch call reports as failed are re-sent, up to {@value #ATTEMPTS} attempts in
 * all; if some still fail, the whole {@link #send} fails, since its contract is all or nothing (the
 * caller answers 503 and the tracker re-sends every event of the request; what did reach the queue
 * becomes a duplicate, dropped downstream by {@code eventId}).
 */
public final class SqsRetryQueue implements RetryQueue {

  static final int MAX_ENTRIES_PER_BATCH = 10;
  static final int MAX_BATCH_BYTES = 256 * 1024;
  static final int ATTEMPTS = 3;

  private final SqsAsyncClient sqs;
  private final String queueUrl;
  private final Reachability reachability;

  public SqsRetryQueue(SqsAsyncClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.reachability = new Reachability(Duration.ofSeconds(5), this::probe);
  }

  @Override
  public CompletableFuture<Void> send(List<Pageview> events) {
    List<String> bodies = RetryMessage.pack(events, RetryMessage.MAX_BODY_BYTES);
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
    int batchBytes = 0;
    for (String body : bodies) {
      int bytes = body.getBytes(StandardCharsets.UTF_8).length;
      if (batch.size() == MAX_ENTRIES_PER_BATCH || batchBytes + bytes > MAX_BATCH_BYTES) {
        calls.add(sendBatch(batch, ATTEMPTS));
        batch = new ArrayList<>();
        batchBytes = 0;
      }
      batch.add(
          SendMessageBatchRequestEntry.builder()
              .id(Integer.toString(batch.size()))
              .messageBody(body)
              .build());
      batchBytes += bytes;
    }
    if (!batch.isEmpty()) {
      calls.add(sendBatch(batch, ATTEMPTS));
    }
    return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
  }

  private CompletableFuture<Void> sendBatch(
      List<SendMessageBatchRequestEntry> entries, int attemptsLeft) {
    return sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries))
        .whenComplete((response, failure) -> reachability.observe(failure))
        .thenCompose(
            response -> {
              if (response.failed().isEmpty()) {
                return CompletableFuture.<Void>completedFuture(null);
              }
              if (attemptsLeft <= 1) {
                BatchResultErrorEntry first = response.failed().get(0);
                return CompletableFuture.<Void>failedFuture(
                    new RetryQueueException(
                        response.failed().size()
                            + " of "
                            + entries.size()
                            + " messages not queued, e.g. "
                            + first.code()
                            + (first.senderFault() ? " (sender fault)" : "")));
              }
              List<String> failedIds =
                  response.failed().stream().map(BatchResultErrorEntry::id).toList();
              List<SendMessageBatchRequestEntry> again =
                  entries.stream().filter(e -> failedIds.contains(e.id())).toList();
              return sendBatch(again, attemptsLeft - 1);
            });
  }

  @Override
  public boolean reachable() {
    return reachability.reachable();
  }

  private boolean probe() {
    try {
      sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
          .join();
      return true;
    } catch (RuntimeException e) {
      return Failures.unwrap(e) instanceof AwsServiceException; // It answered, if with an error.
    }
  }

  /** Some messages of a {@code send} could not be queued, even after re-sending them. */
  public static final class RetryQueueException extends RuntimeException {
    RetryQueueException(String message) {
      super(message);
    }
  }
}
