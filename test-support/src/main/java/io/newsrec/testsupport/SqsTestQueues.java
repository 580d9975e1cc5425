package io.newsrec.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Creates queues and looks into them, through the real SDK, for test assertions. */
public final class SqsTestQueues {

  /** A queue and its dead-letter queue. */
  public record QueueWithDeadLetter(String queueUrl, String deadLetterQueueUrl) {}

  private SqsTestQueues() {}

  /**
   * Creates {@code name} with a redrive policy to {@code deadLetterName} after {@code
   * maxReceiveCount} receives, and the given visibility timeout.
   */
  public static QueueWithDeadLetter createWithDeadLetter(
      SqsClient sqs,
      String name,
      String deadLetterName,
      int maxReceiveCount,
      int visibilityTimeoutSeconds) {
    String dlqUrl = sqs.createQueue(b -> b.queueName(deadLetterName)).queueUrl();
    String dlqArn =
        sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    String redrive =
        "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":\"%d\"}"
            .formatted(dlqArn, maxReceiveCount);
    String url =
        sqs.createQueue(
                b ->
                    b.queueName(name)
                        .attributes(
                            Map.of(
                                QueueAttributeName.REDRIVE_POLICY,
                                redrive,
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                Integer.toString(visibilityTimeoutSeconds))))
            .queueUrl();
    return new QueueWithDeadLetter(url, dlqUrl);
  }

  /** Messages in the queue, visible or in flight (approximate in SQS, exact in ElasticMQ). */
  public static int depth(SqsClient sqs, String queueUrl) {
    Map<QueueAttributeName, String> attributes =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(queueUrl)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
            .attributes();
    return attributes.values().stream().mapToInt(Integer::parseInt).sum();
  }

  /**
   * Receives what is visible now, without deleting it (it reappears after the visibility timeout):
   * for looking at a dead-letter queue's contents.
   */
  public static List<Message> peek(SqsClient sqs, String queueUrl) {
    List<Message> messages = new ArrayList<>();
    while (true) {
      List<Message> page =
          sqs.receiveMessage(
                  b ->
                      b.queueUrl(queueUrl)
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(0)
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
              .messages();
      if (page.isEmpty()) {
        return messages;
      }
      messages.addAll(page);
    }
  }
}
