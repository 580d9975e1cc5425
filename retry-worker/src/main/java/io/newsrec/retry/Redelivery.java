package io.newsrec.retry;

import io.newsrec.events.Pageview;
import java.util.List;

/** How re-putting one retry message's events ended. */
public sealed interface Redelivery {

  String portal();

  /** Every event is in the portal's stream: the message may be deleted. */
  record Redelivered(String portal, int events) implements Redelivery {}

  /**
   * Some events are still not in the stream after the in-process attempts: the message must stay in
   * the queue (its accepted events will be put again with it: duplicates, dropped downstream by
   * {@code eventId}).
   *
   * @param accepted events the stream took during this receive
   * @param remaining events it did not take
   * @param cause the last failure when the stream did not answer at all, else {@code null} (it
   *     answered but refused the records: throttling)
   */
  record NotRedelivered(String portal, int accepted, List<Pageview> remaining, Throwable cause)
      implements Redelivery {

    public NotRedelivered {
      remaining = List.copyOf(remaining);
    }

    /** Whether the stream did not answer (outage) rather than refused records (throttling). */
    public boolean unreachable() {
      return cause != null;
    }
  }
}
