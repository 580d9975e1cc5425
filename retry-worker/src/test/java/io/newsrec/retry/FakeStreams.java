package io.newsrec.retry;

import io.newsrec.delivery.PageviewStreams;
import io.newsrec.delivery.PutOutcome;
import io.newsrec.events.Pageview;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** An in-memory {@link PageviewStreams} whose next answers a test scripts. */
final class FakeStreams implements PageviewStreams {

  private final Deque<Object> script = new ArrayDeque<>();
  final List<List<Pageview>> calls = new ArrayList<>();
  final List<Pageview> stream = new ArrayList<>();

  /** The next put refuses the events that match (and takes the others). */
  FakeStreams thenReject(Predicate<Pageview> refused) {
    script.add(refused);
    return this;
  }

  /** The next put fails as a whole (no answer). */
  FakeStreams thenFail(RuntimeException failure) {
    script.add(failure);
    return this;
  }

  @Override
  @SuppressWarnings("unchecked")
  public CompletableFuture<PutOutcome> put(String portal, List<Pageview> events) {
    calls.add(List.copyOf(events));
    Object next = script.poll();
    if (next instanceof RuntimeException failure) {
      return CompletableFuture.failedFuture(failure);
    }
    Predicate<Pageview> refused = next == null ? e -> false : (Predicate<Pageview>) next;
    List<Pageview> rejected = events.stream().filter(refused).toList();
    events.stream().filter(refused.negate()).forEach(stream::add);
    return CompletableFuture.completedFuture(new PutOutcome(rejected));
  }

  @Override
  public boolean reachable() {
    return true;
  }
}
