package dev.ff.server.tls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First handler of a TLS listener's connection: looks at the first five bytes. A TLS record passes
 * on to the {@link SslHandler} (and this handler leaves the pipeline); a plain-HTTP request gets a
 * {@code 400} problem saying to use https, anything else is dropped. Either way the connection
 * closes, the failure is counted, and the server stays up.
 */
final class PlainTextDetector extends ByteToMessageDecoder {
  private static final int TLS_RECORD_HEADER = 5;
  private static final int MAX_PATH = 256;
  private static final Pattern REQUEST_LINE =
      Pattern.compile("^([A-Z]{3,10}) (\\S{1," + MAX_PATH + "})(?: |\\r|\\n|$)");
  private static final Pattern METHOD = Pattern.compile("^[A-Z]{3,10} ");

  private final ServerTls tls;
  private boolean rejected;

  PlainTextDetector(ServerTls tls) {
    this.tls = tls;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (rejected) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (in.readableBytes() < TLS_RECORD_HEADER) {
      return;
    }
    if (SslHandler.isEncrypted(in, false)) {
      ctx.pipeline().remove(this);
      return;
    }
    rejected = true;
    String head =
        in.toString(
            in.readerIndex(),
            Math.min(in.readableBytes(), 2 * MAX_PATH),
            StandardCharsets.ISO_8859_1);
    in.skipBytes(in.readableBytes());
    if (!METHOD.matcher(head).find()) {
      tls.failed(
          HandshakeFailure.NOT_TLS, ctx.channel().remoteAddress(), "neither TLS nor HTTP bytes");
      ctx.close();
      return;
    }
    Matcher line = REQUEST_LINE.matcher(head);
    String path = line.find() ? line.group(2) : null;
    tls.failed(
        HandshakeFailure.PLAIN_HTTP,
        ctx.channel().remoteAddress(),
        "plain HTTP request on the TLS port, answered 400");
    String correlationId = UUID.randomUUID().toString();
    byte[] body = tls.plainHttpProblem().render(path, correlationId);
    String headers =
        "HTTP/1.1 400 Bad Request\r\n"
            + "Content-Type: application/problem+json\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n"
            + "X-Correlation-Id: "
            + correlationId
            + "\r\n"
            + "Connection: close\r\n\r\n";
    ByteBuf response = Unpooled.wrappedBuffer(headers.getBytes(StandardCharsets.US_ASCII), body);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
