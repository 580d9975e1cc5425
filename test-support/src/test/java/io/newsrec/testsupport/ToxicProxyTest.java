package io.newsrec.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

class ToxicProxyTest {

  @RegisterExtension
  @Order(1)
  static final KinesisLocal KINESIS = new KinesisLocal();

  @Test
  void aCutProxyMakesKinesisUnreachableAndRestoringItFindsTheDataIntact() {
    try (ToxicProxy proxy = new ToxicProxy(KINESIS.port());
        KinesisClient kinesis = TestAws.kinesis(proxy.endpoint())) {
      KinesisTestStreams.create(kinesis, "s", 1);
      put(kinesis, "before");

      proxy.cut();
      assertThat(proxy.isCut()).isTrue();
      assertThatThrownBy(() -> put(kinesis, "during")).isInstanceOf(SdkClientException.class);

      proxy.restore();
      put(kinesis, "after");
      assertThat(KinesisTestStreams.readAll(kinesis, "s"))
          .extracting(StreamRecord::text)
          .containsExactly("before", "after");
    }
  }

  private static void put(KinesisClient kinesis, String data) {
    kinesis.putRecord(b -> b.streamName("s").partitionKey("u").data(SdkBytes.fromUtf8String(data)));
  }
}
