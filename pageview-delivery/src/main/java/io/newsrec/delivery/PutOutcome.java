package io.newsrec.delivery;

import io.newsrec.events.Pageview;
import java.util.List;

/** What one put attempt left undone: the events the stream did not accept, in their order. */
public record PutOutcome(List<Pageview> rejected) {

  public PutOutcome {
    rejected = List.copyOf(rejected);
  }

  public static PutOutcome allAccepted() {
    return new PutOutcome(List.of());
  }

  public boolean complete() {
    return rejected.isEmpty();
  }
}
