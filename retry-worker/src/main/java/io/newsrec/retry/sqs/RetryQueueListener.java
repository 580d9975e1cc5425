package io.newsrec.retry.sqs;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.Visibility;
import io.awspring.cloud.sqs.listener.acknowledgement.Acknowledgement;
import io.newsrec.delivery.RetryMessage;
import io.newsrec.retry.Redeliver;
import io.newsrec.retry.Redelivery;
import io.newsrec.retry.VisibilityBackoff;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.annotation.Header;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Drains {@code pageviews-retry}: each message's events go back into their portal's stream, and the
 * message is acknowledged (deleted) only once all of them are in. Otherwise it is left in the
 * queue:
 *
 * <ul>
 *   <li>the stream refused or did not answer: its visibility is set by {@link VisibilityBackoff},
 *       so it comes back later (and a long outage does not exhaust its receives);
 *   <li>the body does not decode (poison): it is left as it is, to reappear after the queue's
 *       visibility timeout until the redrive policy moves it to {@code pageviews-retry-dlq}.
 * </ul>
 *
 * <p>Stateless: several workers can drain the queue side by side; SQS's visibility timeout keeps a
 * message with one of them at a time. Logs name messages by id, never their content (user ids).
 */
public final class RetryQueueListener {

  private static final Logger log = LoggerFactory.getLogger(RetryQueueListener.class);

  private final Redeliver redeliver;
  private final VisibilityBackoff backoff;
  private final RetryMetrics metrics;

  public RetryQueueListener(Redeliver redeliver, VisibilityBackoff backoff, RetryMetrics metrics) {
    this.redeliver = redeliver;
    this.backoff = backoff;
    this.metrics = metrics;
  }

  @SqsListener(value = "${newsrec.retry.queue}", acknowledgementMode = "MANUAL")
  public CompletableFuture<Void> onMessage(
      @Header(SqsHeaders.SQS_SOURCE_DATA_HEADER) Message message,
      Acknowledgement acknowledgement,
      Visibility visibility) {
    int receiveCount = receiveCount(message);
    RetryMessage retry;
    try {
      retry = RetryMessage.decode(message.body());
    } catch (IllegalArgumentException poison) {
      metrics.poison();
      log.warn(
          "retry message {} does not decode (receive {}), left for the dead-letter queue: {}",
          message.messageId(),
          receiveCount,
          poison.getClass().getSimpleName());
      return CompletableFuture.completedFuture(null);
    }
    metrics.received(retry.portal(), sentAt(message));
    return redeliver
        .redeliver(retry)
        .thenCompose(
            outcome -> {
              switch (outcome) {
                case Redelivery.Redelivered done -> {
                  metrics.reput(done.portal(), done.events());
                  return acknowledgement.acknowledgeAsync();
                }
                case Redelivery.NotRedelivered notYet -> {
                  metrics.reput(notYet.portal(), notYet.accepted());
                  metrics.failed(notYet.portal(), notYet.remaining().size(), notYet.unreachable());
                  int hideSeconds = (int) backoff.after(receiveCount).toSeconds();
                  log.info(
                      "retry message {} of {}: {} events not re-put ({}), back in {} s",
                      message.messageId(),
                      notYet.portal(),
                      notYet.remaining().size(),
                      notYet.unreachable() ? "stream unreachable" : "rejected",
                      hideSeconds);
                  return visibility.changeToAsync(hideSeconds);
                }
              }
            });
  }

  private static int receiveCount(Message message) {
    String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    return count == null ? 1 : Integer.parseInt(count);
  }

  private static Instant sentAt(Message message) {
    String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
    return sent == null ? Instant.now() : Instant.ofEpochMilli(Long.parseLong(sent));
  }
}
