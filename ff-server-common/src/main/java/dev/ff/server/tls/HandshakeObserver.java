package dev.ff.server.tls;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * Sits right after the {@link io.netty.handler.ssl.SslHandler}: counts and logs a failed handshake
 * ({@link ServerTls#failed}); leaves the pipeline once a handshake succeeds.
 */
final class HandshakeObserver extends ChannelInboundHandlerAdapter {
  private final ServerTls tls;

  HandshakeObserver(ServerTls tls) {
    this.tls = tls;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    super.userEventTriggered(ctx, event);
    if (event instanceof SslHandshakeCompletionEvent completion) {
      if (completion.isSuccess()) {
        ctx.pipeline().remove(this);
      } else {
        Throwable cause = completion.cause();
        tls.failed(HandshakeFailure.of(cause), ctx.channel().remoteAddress(), describe(cause));
      }
    }
  }

  /** The innermost message of a cause chain, without a stack trace. */
  static String describe(Throwable cause) {
    Throwable innermost = cause;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    String message = innermost.getMessage();
    String outer = cause.getMessage();
    if (message == null || message.isBlank()) {
      message = outer == null ? innermost.getClass().getSimpleName() : outer;
    } else if (outer != null && !outer.contains(message) && innermost != cause) {
      message = outer + ": " + message;
    }
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }
}
