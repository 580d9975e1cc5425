package io.newsrec.events;

import java.util.List;

/**
 * The verdict on one untrusted event: a {@link Pageview}, or the fields that break the contract.
 */
public sealed interface Validated {

  /** The event keeps the contract. */
  record Valid(Pageview pageview) implements Validated {}

  /**
   * The event breaks the contract.
   *
   * @param errors never empty
   * @param portal the event's portal when it names a configured one, else {@code null}: lets the
   *     service count rejections per portal
   */
  record Invalid(List<FieldError> errors, String portal) implements Validated {
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("an invalid event names at least one field");
      }
    }

    public Invalid(List<FieldError> errors) {
      this(errors, null);
    }
  }
}
