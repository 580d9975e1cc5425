package io.newsrec.events;

import java.util.List;

/**
 * The verdict on one untrusted event: a {@link Pageview}, or the fields that break the contract.
 */
public sealed interface Validated {

  /** The event keeps the contract. */
  record Valid(Pageview pageview) implements Validated {}

  /** The event breaks the contract; {@code errors} is never empty. */
  record Invalid(List<FieldError> errors) implements Validated {
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("an invalid event names at least one field");
      }
    }
  }
}
