package io.newsrec.bench.stub;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A Kinesis endpoint that accepts every record at once, so that a benchmark measures the
 * ingest-service and not an emulator (kinesis-local takes about 1,200 records/s on this machine).
 *
 * <p>It speaks HTTP/2 with prior knowledge, as the SDK's async (Netty) Kinesis client does over
 * plain HTTP, and HTTP/1.1 (the sync clients); and the AWS JSON 1.1 protocol only: run the client
 * with {@code -Daws.cborEnabled=false} (env {@code AWS_CBOR_ENABLED=false}). {@code PutRecords}
 * answers one success per record; the stream-management calls a service makes at start-up ({@code
 * CreateStream}, {@code DescribeStream}, {@code DescribeStreamSummary}, {@code ListStreams}) answer
 * "exists and active". Nothing is stored.
 */
public final class KinesisStub implements AutoCloseable {

  private static final int MAX_BODY = 16 * 1024 * 1024; // PutRecords allows 5 MB

  private final EventLoopGroup group;
  private final Channel channel;
  private final StubOperations operations;

  private KinesisStub(EventLoopGroup group, Channel channel, StubOperations operations) {
    this.group = group;
    this.channel = channel;
    this.operations = operations;
  }

  /** Starts on {@code port} of the loopback address; 0 picks a free port. */
  public static KinesisStub start(int port) throws InterruptedException {
    var operations = new StubOperations();
    // One event-loop thread: answering takes microseconds, and the cores belong to the service.
    EventLoopGroup group = new NioEventLoopGroup(1);
    var bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    var http1 = new HttpServerCodec();
                    var noUpgrade = new HttpServerUpgradeHandler(http1, protocol -> null);
                    var http2 =
                        new ChannelInitializer<Channel>() {
                          @Override
                          protected void initChannel(Channel h2) {
                            h2.pipeline()
                                .addLast(
                                    Http2FrameCodecBuilder.forServer().build(),
                                    new Http2MultiplexHandler(new Http2StreamHandler(operations)));
                          }
                        };
                    ch.pipeline()
                        .addLast(new CleartextHttp2ServerUpgradeHandler(http1, noUpgrade, http2))
                        .addLast(new HttpObjectAggregator(MAX_BODY))
                        .addLast(new Http1Handler(operations));
                  }
                });
    Channel channel =
        bootstrap
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
            .sync()
            .channel();
    return new KinesisStub(group, channel, operations);
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  /** Records accepted by {@code PutRecords} (and {@code PutRecord}) since start. */
  public long records() {
    return operations.records();
  }

  public long putCalls() {
    return operations.putCalls();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Runs a stub on the port given as the first argument (default 0) until killed. */
  public static void main(String[] args) throws InterruptedException {
    var stub = start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
    System.out.println("kinesis stub listening on " + stub.endpoint());
  }

  /** Occurrences of a JSON key; see {@link StubOperations#count}. */
  static int count(byte[] haystack, byte[] needle) {
    return StubOperations.count(haystack, needle);
  }

  static final byte[] PARTITION_KEY = "\"PartitionKey\"".getBytes(StandardCharsets.US_ASCII);
}
