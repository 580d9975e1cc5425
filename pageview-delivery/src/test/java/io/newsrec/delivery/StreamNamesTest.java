package io.newsrec.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamNamesTest {

  @Test
  void aPortalsStreamIsThePrefixAndThePortal() {
    assertThat(StreamNames.defaults().streamOf("g1")).isEqualTo("pageviews-g1");
    assertThat(new StreamNames("staging-pageviews-").streamOf("ge"))
        .isEqualTo("staging-pageviews-ge");
  }

  @Test
  void aPrefixKinesisWouldRefuseIsRefused() {
    assertThatThrownBy(() -> new StreamNames("page views/"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
