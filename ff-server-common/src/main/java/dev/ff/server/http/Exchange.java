package dev.ff.server.http;

import io.opentelemetry.api.trace.Span;

/** Book-keeping of one request from receipt to response (package-private). */
final class Exchange {

  final long startNanos = System.nanoTime();
  final String method;
  final String path;
  final String correlationId;
  final Span span;
  final boolean keepAliveRequested;

  /**
   * The {@code Access-Control-Allow-Origin} value when the request's origin is allowed, or null.
   */
  String allowedOrigin;

  Request request;
  Route route;
  boolean closeAfter;

  Exchange(
      String method, String path, String correlationId, Span span, boolean keepAliveRequested) {
    this.method = method;
    this.path = path;
    this.correlationId = correlationId;
    this.span = span;
    this.keepAliveRequested = keepAliveRequested;
  }

  String routeTemplate() {
    return route == null ? null : route.template();
  }
}
