package io.newsrec.testsupport;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * ElasticMQ (an SQS-compatible server) embedded in the test JVM on a free port. Redrive policies to
 * a dead-letter queue work as in SQS.
 *
 * <p>Use it as a JUnit extension ({@code @RegisterExtension static final ElasticMqServer SQS = new
 * ElasticMqServer();}) or call {@link #start()} and {@link #close()} yourself. Queues live in
 * memory: {@link #stop()} loses them.
 */
public final class ElasticMqServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  private SQSRestServer server;
  private int port;

  public synchronized ElasticMqServer start() {
    if (server == null) {
      server = SQSRestServerBuilder.withInterface("localhost").withDynamicPort().start();
      port = server.waitUntilStarted().localAddress().getPort();
    }
    return this;
  }

  public synchronized void stop() {
    if (server != null) {
      server.stopAndWait();
      server = null;
    }
  }

  /** e.g. {@code http://localhost:41235}. */
  public synchronized URI endpoint() {
    if (server == null) {
      throw new IllegalStateException("ElasticMQ is not started");
    }
    return URI.create("http://localhost:" + port);
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }
}
