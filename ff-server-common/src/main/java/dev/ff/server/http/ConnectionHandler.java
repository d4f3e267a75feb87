package dev.ff.server.http;

import dev.ff.server.metrics.ServerMetrics.RejectReason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-connection handler: aggregates bodies within the limit, turns decoder failures into problems,
 * queues pipelined requests so responses go out in order, dispatches to the router and writes
 * responses. All its state is confined to the channel's event loop.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);
  private static final int MAX_PIPELINED = 64;
  private static final long LINGER_MILLIS = 2000;

  /** A fully received request. */
  private record Incoming(HttpRequest head, byte[] body) {}

  /** A request refused before routing; the connection closes after the answer. */
  private record Rejected(HttpRequest head, ProblemException problem) {}

  private final ServerRuntime runtime;
  private final ArrayDeque<Object> pending = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private HttpRequest head;
  private ByteArrayOutputStream body;
  private boolean discarding;
  private boolean busy;
  private boolean closing;
  private SseConnection sse;

  ConnectionHandler(ServerRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    this.ctx = context;
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object msg) {
    try {
      read(msg);
    } finally {
      ReferenceCountUtil.release(msg);
    }
    drain();
  }

  private void read(Object msg) {
    if (closing || sse != null) {
      return;
    }
    if (msg instanceof HttpRequest request) {
      onHead(request);
      if (closing) {
        return;
      }
    }
    if (msg instanceof HttpContent content) {
      onContent(content);
    }
  }

  private void onHead(HttpRequest request) {
    head = null;
    body = null;
    DecoderResult result = request.decoderResult();
    if (result.isFailure()) {
      Throwable cause = result.cause();
      ProblemException problem;
      if (cause instanceof TooLongHttpHeaderException) {
        runtime.metrics.rejected(RejectReason.TOO_LARGE);
        problem =
            new ProblemException(
                431,
                "Request Header Fields Too Large",
                "Header block exceeds " + runtime.config.maxHeaderBytes() + " bytes");
      } else if (cause instanceof TooLongHttpLineException) {
        runtime.metrics.rejected(RejectReason.TOO_LARGE);
        problem =
            new ProblemException(
                414,
                "URI Too Long",
                "Request line exceeds " + runtime.config.maxInitialLineBytes() + " bytes");
      } else {
        problem = ProblemException.badRequest("Malformed HTTP request");
      }
      reject(null, problem);
      return;
    }
    String expect = request.headers().get(HttpHeaderNames.EXPECT);
    if (expect != null && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect.trim())) {
      reject(
          request,
          new ProblemException(417, "Expectation Failed", "Only 100-continue is supported"));
      return;
    }
    long announced = HttpUtil.getContentLength(request, -1L);
    if (announced > runtime.config.maxBodyBytes()) {
      runtime.metrics.rejected(RejectReason.TOO_LARGE);
      reject(request, tooLarge());
      return;
    }
    if (HttpUtil.is100ContinueExpected(request)) {
      ctx.writeAndFlush(
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
    }
    head = request;
    body = new ByteArrayOutputStream(announced > 0 ? (int) announced : 256);
    discarding = false;
  }

  private void onContent(HttpContent content) {
    if (content.decoderResult().isFailure()) {
      reject(head, ProblemException.badRequest("Malformed HTTP request body"));
      head = null;
      body = null;
      return;
    }
    if (discarding || head == null) {
      return;
    }
    ByteBuf buf = content.content();
    int readable = buf.readableBytes();
    if ((long) body.size() + readable > runtime.config.maxBodyBytes()) {
      runtime.metrics.rejected(RejectReason.TOO_LARGE);
      reject(head, tooLarge());
      head = null;
      body = null;
      return;
    }
    if (readable > 0) {
      byte[] chunk = new byte[readable];
      buf.getBytes(buf.readerIndex(), chunk);
      body.write(chunk, 0, readable);
    }
    if (content instanceof LastHttpContent) {
      pending.add(new Incoming(head, body.toByteArray()));
      head = null;
      body = null;
      if (pending.size() > MAX_PIPELINED) {
        LOG.debug("Closing {}: too many pipelined requests", ctx.channel().remoteAddress());
        closing = true;
        ctx.close();
      }
    }
  }

  private ProblemException tooLarge() {
    return ProblemException.payloadTooLarge(
        "Request body exceeds " + runtime.config.maxBodyBytes() + " bytes");
  }

  private void reject(HttpRequest request, ProblemException problem) {
    pending.add(new Rejected(request, problem));
    // Nothing after a rejected request is read: stop decoding further input.
    discarding = true;
    closing = true;
    ctx.channel().config().setAutoRead(false);
  }

  private void drain() {
    if (busy || !ctx.channel().isActive()) {
      return;
    }
    Object next = pending.poll();
    if (next == null) {
      if (!closing) {
        ctx.channel().config().setAutoRead(true);
      }
      return;
    }
    busy = true;
    ctx.channel().config().setAutoRead(false);
    if (next instanceof Rejected rejected) {
      dispatchRejected(rejected);
    } else {
      dispatch((Incoming) next);
    }
  }

  private Exchange newExchange(HttpRequest request, Map<String, List<String>> headers) {
    String method = request == null ? "UNKNOWN" : request.method().name().toUpperCase(Locale.ROOT);
    String path = request == null ? null : rawPath(request.uri());
    String correlationId =
        Correlation.resolve(request == null ? null : request.headers().get(Correlation.HEADER));
    Span span = runtime.tracing.start(method, path == null ? "" : path, headers);
    boolean keepAlive = request != null && HttpUtil.isKeepAlive(request);
    runtime.started();
    Exchange exchange = new Exchange(method, path, correlationId, span, keepAlive);
    if (request != null) {
      exchange.allowedOrigin =
          runtime.config.cors().allow(request.headers().get(HttpHeaderNames.ORIGIN)).orElse(null);
    }
    return exchange;
  }

  private static String rawPath(String uri) {
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    int hash = path.indexOf('#');
    return hash < 0 ? path : path.substring(0, hash);
  }

  private static Map<String, List<String>> headerMap(HttpRequest request) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    if (request != null) {
      for (Map.Entry<String, String> entry : request.headers()) {
        map.computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(entry.getValue());
      }
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    return map;
  }

  private void dispatchRejected(Rejected rejected) {
    Exchange exchange = newExchange(rejected.head(), headerMap(rejected.head()));
    exchange.closeAfter = true;
    write(exchange, runtime.problem(exchange, rejected.problem(), exchange.path));
  }

  private void dispatch(Incoming incoming) {
    Map<String, List<String>> headers = headerMap(incoming.head());
    Exchange exchange = newExchange(incoming.head(), headers);
    Request request =
        new Request(
            exchange.method,
            incoming.head().uri(),
            headers,
            incoming.body(),
            exchange.correlationId,
            remoteIp(ctx.channel().remoteAddress()),
            runtime.mapper);
    exchange.request = request;
    Router.Match match;
    try {
      match = runtime.router.match(exchange.method, request.path());
    } catch (ProblemException e) {
      write(exchange, runtime.problem(exchange, e, request.path()));
      return;
    }
    if (match instanceof Router.NotFound) {
      write(
          exchange,
          runtime.problem(
              exchange, ProblemException.notFound("No resource at this path"), request.path()));
      return;
    }
    if ("OPTIONS".equals(exchange.method)
        && request.header("Access-Control-Request-Method").isPresent()) {
      preflight(exchange, request, match);
      return;
    }
    if (match instanceof Router.MethodNotAllowed notAllowed) {
      write(
          exchange,
          runtime.problem(
              exchange, ProblemException.methodNotAllowed(notAllowed.allowed()), request.path()));
      return;
    }
    Router.Found found = (Router.Found) match;
    exchange.route = found.route();
    request.routed(found.route().template(), found.params());
    if (found.route().options().isInline()) {
      runRoute(exchange);
      return;
    }
    try {
      runtime.executor.execute(() -> runRoute(exchange));
    } catch (RejectedExecutionException e) {
      write(exchange, runtime.problem(exchange, runtime.queueFull(), request.path()));
    }
  }

  /**
   * A CORS preflight: 204 with the allowed method and headers when the origin is allowed and the
   * path has a route for the requested method; 403 otherwise (the browser then blocks the request).
   */
  private void preflight(Exchange exchange, Request request, Router.Match match) {
    String wanted =
        request.header("Access-Control-Request-Method").orElse("").trim().toUpperCase(Locale.ROOT);
    boolean routed =
        (match instanceof Router.Found found && found.route().method().equals(wanted))
            || (match instanceof Router.MethodNotAllowed other && other.allowed().contains(wanted));
    if (exchange.allowedOrigin == null || !routed) {
      write(
          exchange,
          runtime.problem(
              exchange,
              ProblemException.forbidden("Cross-origin request not allowed"),
              request.path()));
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Access-Control-Allow-Methods", wanted);
    headers.put("Access-Control-Allow-Headers", CorsPolicy.ALLOWED_HEADERS);
    headers.put("Access-Control-Max-Age", Integer.toString(runtime.config.cors().maxAgeSeconds()));
    write(exchange, new Rendered(204, headers, null, new byte[0]));
  }

  /** CORS response headers for an allowed origin; {@code Vary: Origin} whenever CORS is on. */
  private void corsHeaders(Exchange exchange, HttpHeaders headers) {
    if (runtime.config.cors().allowedOrigins().isEmpty()) {
      return;
    }
    headers.add(HttpHeaderNames.VARY, "Origin");
    if (exchange.allowedOrigin != null) {
      headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, exchange.allowedOrigin);
      headers.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, CorsPolicy.EXPOSED_HEADERS);
    }
  }

  private static String remoteIp(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(address);
  }

  /** Runs auth, rate limit and handler on the current thread, then hands the result back. */
  private void runRoute(Exchange exchange) {
    ServerRuntime.withMdc(
        exchange,
        () -> {
          Scope scope = exchange.span.makeCurrent();
          try {
            Response response = runtime.invoke(exchange);
            if (response.body() instanceof Response.Sse stream) {
              startSse(exchange, response, stream);
              return;
            }
            Rendered rendered = runtime.render(exchange, response);
            onLoop(() -> write(exchange, rendered), () -> abandon(exchange, rendered.status()));
          } finally {
            scope.close();
          }
        });
  }

  private void onLoop(Runnable task, Runnable ifLoopGone) {
    if (ctx.executor().inEventLoop()) {
      task.run();
      return;
    }
    try {
      ctx.executor().execute(task);
    } catch (RejectedExecutionException e) {
      ifLoopGone.run();
    }
  }

  private void abandon(Exchange exchange, int status) {
    runtime.finished(exchange, status);
  }

  private void write(Exchange exchange, Rendered rendered) {
    int status = rendered.status();
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(status),
            Unpooled.wrappedBuffer(rendered.body()));
    rendered.headers().forEach((name, value) -> response.headers().set(name, value));
    if (rendered.contentType() != null) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, rendered.contentType());
    }
    response.headers().set(Correlation.HEADER, exchange.correlationId);
    corsHeaders(exchange, response.headers());
    if (status != 204 && status != 304) {
      response.headers().set(HttpHeaderNames.CONTENT_LENGTH, rendered.body().length);
    }
    boolean keepAlive =
        exchange.keepAliveRequested && !exchange.closeAfter && !runtime.shuttingDown;
    response
        .headers()
        .set(
            HttpHeaderNames.CONNECTION,
            keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response)
        .addListener(
            future -> {
              runtime.finished(exchange, status);
              if (!future.isSuccess()) {
                ctx.close();
              } else if (!keepAlive) {
                closeGently();
              } else {
                busy = false;
                drain();
              }
            });
  }

  /**
   * Closes after a final response: half-closes output and drains (discards) what the client may
   * still be sending for a while, so that it can read the response instead of getting a reset.
   */
  private void closeGently() {
    closing = true;
    if (ctx.channel() instanceof SocketChannel socket && socket.isActive()) {
      socket.shutdownOutput();
      ctx.channel().config().setAutoRead(true);
      ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      ctx.close();
    }
  }

  private void startSse(Exchange exchange, Response response, Response.Sse stream) {
    SseConnection connection =
        new SseConnection(
            ctx.channel(),
            runtime.config.heartbeatInterval(),
            runtime.config.sseMaxUnwritable(),
            runtime.streams::remove);
    onLoop(
        () -> {
          HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
          response.headers().forEach((name, value) -> head.headers().set(name, value));
          head.headers()
              .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
              .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
              .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
              .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE)
              .set("X-Accel-Buffering", "no")
              .set(Correlation.HEADER, exchange.correlationId);
          corsHeaders(exchange, head.headers());
          sse = connection;
          ctx.writeAndFlush(head);
          runtime.finished(exchange, 200);
          if (runtime.shuttingDown || !ctx.channel().isActive()) {
            connection.close();
            return;
          }
          runtime.streams.add(connection);
          connection.start();
          // Read (and discard) from now on, so that a client going away is noticed.
          ctx.channel().config().setAutoRead(true);
        },
        () -> {
          runtime.finished(exchange, 503);
          connection.close();
        });
    try {
      stream.onOpen().accept(connection);
    } catch (RuntimeException e) {
      Problems.from(e, exchange.correlationId);
      connection.close();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext context) {
    if (sse != null) {
      sse.writabilityChanged(context.channel().isWritable());
    }
    context.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext context, Object event) {
    if (event instanceof IdleStateEvent) {
      if (!busy && sse == null && pending.isEmpty()) {
        LOG.debug("Closing idle connection {}", context.channel().remoteAddress());
        context.close();
      }
      return;
    }
    context.fireUserEventTriggered(event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    if (sse != null) {
      sse.close();
    }
    pending.clear();
    head = null;
    body = null;
    context.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    LOG.debug("Connection {} failed: {}", context.channel().remoteAddress(), cause.toString());
    context.close();
  }

  /** Whether the connection is idle between requests (used by shutdown). */
  boolean isIdle() {
    return !busy && pending.isEmpty() && sse == null;
  }
}
