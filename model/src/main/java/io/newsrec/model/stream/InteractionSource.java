package io.newsrec.model.stream;

import java.util.function.Consumer;

/**
 * Port: a source of interactions that the model learns from while it serves, such as the analytics
 * job's {@code interactions-<portal>} streams.
 *
 * <p>Delivery is at least once: a source may deliver a record again after a restart or a re-read,
 * so the sink drops repeats by {@code eventId} (see {@link OnlineLearner}). A source decodes each
 * record with {@link InteractionRecords#decode} and passes undecodable records on as {@link
 * InteractionRecords.Decoded.Rejected} so that they are counted, never silently lost.
 */
public interface InteractionSource extends AutoCloseable {

  /**
   * Starts delivering records to the sink on the source's own threads and returns at once. The sink
   * may be called from several threads at the same time.
   */
  void start(Consumer<InteractionRecords.Decoded> sink);

  /** Stops delivering and releases the source's threads and connections. */
  @Override
  void close();
}
