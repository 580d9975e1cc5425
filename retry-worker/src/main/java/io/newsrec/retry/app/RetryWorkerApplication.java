package io.newsrec.retry.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The retry worker. No component scan: every bean is made in {@link RetryWorkerConfiguration}, so
 * the wiring reads in one file.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(RetryWorkerConfiguration.class)
public class RetryWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(RetryWorkerApplication.class, args);
  }
}
