package io.newsrec.delivery.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.delivery.StreamNames;
import io.newsrec.testsupport.ElasticMqServer;
import io.newsrec.testsupport.KinesisLocal;
import io.newsrec.testsupport.TestAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class LocalProvisioningIntegrationTest {

  @RegisterExtension static final KinesisLocal KINESIS = new KinesisLocal();
  @RegisterExtension static final ElasticMqServer ELASTICMQ = new ElasticMqServer();

  private static final LocalProvisioning.Plan PLAN =
      new LocalProvisioning.Plan(
          List.of("g1", "ge"),
          2,
          "pageviews-retry",
          "pageviews-retry-dlq",
          4,
          Duration.ofSeconds(7));

  @Test
  void createsAStreamPerPortalAndTheRetryQueueWithItsRedrivePolicyIdempotently() {
    AwsSettings settings = AwsSettings.local(KINESIS.endpoint(), ELASTICMQ.endpoint());
    try (KinesisAsyncClient kinesis = AwsClients.kinesis(settings);
        SqsAsyncClient sqsAsync = AwsClients.sqs(settings);
        KinesisClient kinesisReader = TestAws.kinesis(KINESIS.endpoint());
        SqsClient sqs = TestAws.sqs(ELASTICMQ.endpoint())) {
      LocalProvisioning provisioning =
          new LocalProvisioning(kinesis, sqsAsync, StreamNames.defaults());

      LocalProvisioning.Queues first = provisioning.provision(PLAN);
      LocalProvisioning.Queues second = provisioning.provision(PLAN);

      assertThat(second).isEqualTo(first);
      for (String stream : List.of("pageviews-g1", "pageviews-ge")) {
        var summary =
            kinesisReader
                .describeStreamSummary(b -> b.streamName(stream))
                .streamDescriptionSummary();
        assertThat(summary.streamStatus()).isEqualTo(StreamStatus.ACTIVE);
        assertThat(summary.openShardCount()).isEqualTo(2);
      }
      Map<QueueAttributeName, String> retry =
          sqs.getQueueAttributes(
                  b -> b.queueUrl(first.retryQueueUrl()).attributeNames(QueueAttributeName.ALL))
              .attributes();
      String dlqArn =
          sqs.getQueueAttributes(
                  b ->
                      b.queueUrl(first.deadLetterQueueUrl())
                          .attributeNames(QueueAttributeName.QUEUE_ARN))
              .attributes()
              .get(QueueAttributeName.QUEUE_ARN);
      assertThat(retry.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("7");
      assertThat(retry.get(QueueAttributeName.REDRIVE_POLICY)).contains(dlqArn).contains("4");
    }
  }

  @Test
  void aServiceStartingBeforeKinesisWaitsForIt() {
    try (KinesisLocal later = new KinesisLocal()) {
      AwsSettings settings = AwsSettings.local(later.endpoint(), ELASTICMQ.endpoint());
      try (KinesisAsyncClient kinesis = AwsClients.kinesis(settings);
          SqsAsyncClient sqs = AwsClients.sqs(settings)) {
        CompletableFuture<LocalProvisioning.Queues> provisioned =
            CompletableFuture.supplyAsync(
                () -> new LocalProvisioning(kinesis, sqs, StreamNames.defaults()).provision(PLAN));

        later.start();

        assertThat(provisioned.join().retryQueueUrl()).endsWith("/pageviews-retry");
      }
    }
  }
}
