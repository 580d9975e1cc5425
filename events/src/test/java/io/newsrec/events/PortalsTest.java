package io.newsrec.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortalsTest {

  @Test
  void aCommaSeparatedListIsTrimmedAndDeduplicated() {
    assertThat(Portals.parse(" g1, ge,,gshow,g1 ").ids())
        .containsExactlyInAnyOrder("g1", "ge", "gshow");
  }

  @Test
  void onlyConfiguredPortalsAreKnown() {
    Portals portals = Portals.of("g1", "ge");

    assertThat(portals.contains("g1")).isTrue();
    assertThat(portals.contains("gshow")).isFalse();
    assertThat(portals.contains(null)).isFalse();
  }

  @Test
  void idsThatCannotNameAStreamAreRefusedAtConfigurationTime() {
    assertThatThrownBy(() -> Portals.of("G1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Portals.of("g1/x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Portals.parse(" , ")).isInstanceOf(IllegalArgumentException.class);
  }
}
