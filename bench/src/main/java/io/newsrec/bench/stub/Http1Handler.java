package io.newsrec.bench.stub;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 requests (keep-alive), aggregated, answered by {@link StubOperations}. */
final class Http1Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private final StubOperations operations;

  Http1Handler(StubOperations operations) {
    this.operations = operations;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    byte[] body = ByteBufUtil.getBytes(request.content());
    String json = operations.answer(request.headers().get("X-Amz-Target"), body);
    var response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.OK,
            Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.UTF_8)));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-amz-json-1.1");
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    response.headers().set("x-amzn-RequestId", "stub");
    ctx.writeAndFlush(response);
  }
}
