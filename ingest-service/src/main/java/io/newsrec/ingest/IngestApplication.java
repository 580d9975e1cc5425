package io.newsrec.ingest;

import io.newsrec.ingest.config.AwsDeliveryConfiguration;
import io.newsrec.ingest.config.CloudWatchMetricsConfiguration;
import io.newsrec.ingest.config.IngestConfiguration;
import io.newsrec.ingest.web.WebConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The ingest service. No component scan: every bean comes from the configurations imported here, so
 * the wiring can be read in three files.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({
  AwsDeliveryConfiguration.class,
  IngestConfiguration.class,
  WebConfiguration.class,
  CloudWatchMetricsConfiguration.class
})
public class IngestApplication {

  public static void main(String[] args) {
    SpringApplication.run(IngestApplication.class, args);
  }
}
