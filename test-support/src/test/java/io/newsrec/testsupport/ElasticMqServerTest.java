package io.newsrec.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;

class ElasticMqServerTest {

  @RegisterExtension static final ElasticMqServer ELASTICMQ = new ElasticMqServer();

  @Test
  void aMessageReceivedMoreThanMaxReceiveCountTimesMovesToTheDeadLetterQueue() {
    try (SqsClient sqs = TestAws.sqs(ELASTICMQ.endpoint())) {
      SqsTestQueues.QueueWithDeadLetter queues =
          SqsTestQueues.createWithDeadLetter(sqs, "q", "q-dlq", 2, 1);
      sqs.sendMessage(b -> b.queueUrl(queues.queueUrl()).messageBody("poison"));

      // Receive without deleting, as a consumer that cannot handle the message does.
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () -> {
                sqs.receiveMessage(b -> b.queueUrl(queues.queueUrl()).waitTimeSeconds(1));
                return SqsTestQueues.depth(sqs, queues.deadLetterQueueUrl()) == 1;
              });

      assertThat(SqsTestQueues.depth(sqs, queues.queueUrl())).isZero();
      assertThat(SqsTestQueues.peek(sqs, queues.deadLetterQueueUrl()))
          .singleElement()
          .satisfies(m -> assertThat(m.body()).isEqualTo("poison"));
    }
  }
}
