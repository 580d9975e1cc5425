package io.newsrec.bench.stub;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/2 stream (a child channel of the multiplexer): collects the request's headers and data
 * frames, then answers with {@link StubOperations}. Shared by all streams; state lives on the child
 * channel.
 */
@ChannelHandler.Sharable
final class Http2StreamHandler extends ChannelInboundHandlerAdapter {

  private static final AttributeKey<String> TARGET = AttributeKey.valueOf("x-amz-target");
  private static final AttributeKey<CompositeByteBuf> BODY = AttributeKey.valueOf("body");

  private final StubOperations operations;

  Http2StreamHandler(StubOperations operations) {
    this.operations = operations;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof Http2HeadersFrame headers) {
        CharSequence target = headers.headers().get("x-amz-target");
        ctx.channel().attr(TARGET).set(target == null ? null : target.toString());
        ctx.channel().attr(BODY).set(ctx.alloc().compositeBuffer(64));
        if (headers.isEndStream()) {
          answer(ctx);
        }
      } else if (msg instanceof Http2DataFrame data) {
        CompositeByteBuf body = ctx.channel().attr(BODY).get();
        body.addComponent(true, data.content().retain());
        if (data.isEndStream()) {
          answer(ctx);
        }
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void answer(ChannelHandlerContext ctx) {
    CompositeByteBuf body = ctx.channel().attr(BODY).getAndSet(null);
    byte[] bytes = ByteBufUtil.getBytes(body);
    body.release();
    String json = operations.answer(ctx.channel().attr(TARGET).get(), bytes);
    byte[] out = json.getBytes(StandardCharsets.UTF_8);
    var headers =
        new DefaultHttp2Headers()
            .status("200")
            .set("content-type", "application/x-amz-json-1.1")
            .setInt("content-length", out.length)
            .set("x-amzn-requestid", "stub");
    ctx.write(new DefaultHttp2HeadersFrame(headers));
    ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(out), true));
  }
}
