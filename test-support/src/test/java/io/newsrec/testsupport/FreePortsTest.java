package io.newsrec.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void portsLieBelowTheEphemeralRangeAreBindableAndAreNeverHandedOutTwice() throws IOException {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      int port = FreePorts.next();
      assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.HIGHEST - 1);
      assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
    }
    int port = FreePorts.next();
    try (ServerSocket server = new ServerSocket(port)) {
      assertThat(server.getLocalPort()).isEqualTo(port);
    }
  }
}
