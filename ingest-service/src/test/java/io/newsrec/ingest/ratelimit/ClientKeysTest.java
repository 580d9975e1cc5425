package io.newsrec.ingest.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientKeysTest {

  private static final byte[] SALT = {1, 2, 3, 4};

  @Test
  void oneAddressAlwaysGivesTheSameKey() {
    ClientKeys keys = new ClientKeys(SALT);

    assertThat(keys.keyOf("203.0.113.7")).isEqualTo(keys.keyOf("203.0.113.7"));
    assertThat(keys.keyOf("203.0.113.7")).isNotEqualTo(keys.keyOf("203.0.113.8"));
  }

  @Test
  void theKeyDoesNotContainTheAddressAndDependsOnTheSalt() {
    String key = new ClientKeys(SALT).keyOf("203.0.113.7");

    assertThat(key).hasSize(32).doesNotContain("203").doesNotContain("113");
    assertThat(new ClientKeys(new byte[] {9}).keyOf("203.0.113.7")).isNotEqualTo(key);
  }
}
