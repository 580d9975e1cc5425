package io.newsrec.ingest.testing;

import io.newsrec.ingest.config.IngestConfiguration;
import io.newsrec.ingest.web.WebConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The ingest service with in-memory fakes in place of the AWS adapters. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({IngestConfiguration.class, WebConfiguration.class})
public class FakeDeliveryApplication {

  @Bean
  FakePageviewStreams pageviewStreams() {
    return new FakePageviewStreams();
  }

  @Bean
  FakeRetryQueue retryQueue() {
    return new FakeRetryQueue();
  }
}
