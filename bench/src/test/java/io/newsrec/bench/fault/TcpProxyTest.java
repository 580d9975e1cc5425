package io.newsrec.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsrec.bench.load.HttpConnection;
import io.newsrec.bench.load.TinyServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

  static final byte[] REQUEST = HttpConnection.post("/", "text/plain", new byte[] {'x'});

  @Test
  void relaysUntilCutThenRefusesThenRelaysAgainOnceRestored() throws Exception {
    try (var server = new TinyServer(e -> TinyServer.answer(e, 204, new byte[0], false));
        var proxy = new TcpProxy(server.address())) {
      var viaProxy = new InetSocketAddress("127.0.0.1", proxy.port());
      var kept = new HttpConnection(viaProxy, 2_000);
      assertThat(kept.exchange(REQUEST)).isEqualTo(204);

      proxy.cut();

      assertThatThrownBy(() -> kept.exchange(REQUEST)).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> new HttpConnection(viaProxy, 2_000).exchange(REQUEST))
          .isInstanceOf(IOException.class);

      proxy.restore();

      try (var fresh = new HttpConnection(viaProxy, 2_000)) {
        assertThat(fresh.exchange(REQUEST)).isEqualTo(204);
      }
    }
  }
}
