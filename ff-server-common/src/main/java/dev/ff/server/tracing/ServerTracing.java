package dev.ff.server.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Server spans: one {@link SpanKind#SERVER} span per request, child of the W3C {@code traceparent}
 * the request carried, with the stable HTTP semantic-convention attributes.
 */
public final class ServerTracing {

  /** {@code http.request.method}. */
  public static final AttributeKey<String> HTTP_REQUEST_METHOD =
      AttributeKey.stringKey("http.request.method");

  /** {@code http.route}. */
  public static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");

  /** {@code http.response.status_code}. */
  public static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
      AttributeKey.longKey("http.response.status_code");

  /** {@code url.path}. */
  public static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

  private static final TextMapGetter<Map<String, List<String>>> GETTER =
      new TextMapGetter<>() {
        @Override
        public String get(Map<String, List<String>> carrier, String key) {
          if (carrier == null) {
            return null;
          }
          List<String> values = carrier.get(key);
          return values == null || values.isEmpty() ? null : values.get(0);
        }
      };

  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;

  /**
   * Traces with the given OpenTelemetry instance.
   *
   * @param openTelemetry the instance (its propagators extract the incoming context)
   */
  public ServerTracing(OpenTelemetry openTelemetry) {
    this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    this.tracer = openTelemetry.getTracer("dev.ff.server");
  }

  /**
   * An SDK without exporter and with W3C trace-context propagation: spans get real trace ids (for
   * logs and correlation) but go nowhere. (An SDK tracer provider without any span processor hands
   * out no-op tracers whose spans have no ids, hence the discarding processor.)
   *
   * @return the instance
   */
  public static OpenTelemetry defaultOpenTelemetry() {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder().addSpanProcessor(new DiscardingSpanProcessor()).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }

  /**
   * The tracer, for handlers' own spans.
   *
   * @return the tracer
   */
  public Tracer tracer() {
    return tracer;
  }

  /**
   * Starts the server span of a request.
   *
   * @param method HTTP method
   * @param path request path
   * @param headers request headers, keys in lower case
   * @return the started span (end it with {@link #end(Span, String, String, int)})
   */
  public Span start(String method, String path, Map<String, List<String>> headers) {
    Context parent =
        openTelemetry
            .getPropagators()
            .getTextMapPropagator()
            .extract(Context.root(), headers, GETTER);
    return tracer
        .spanBuilder(method)
        .setParent(parent)
        .setSpanKind(SpanKind.SERVER)
        .setAttribute(HTTP_REQUEST_METHOD, method)
        .setAttribute(URL_PATH, path)
        .startSpan();
  }

  /**
   * Ends a server span.
   *
   * @param span the span
   * @param method HTTP method
   * @param routeTemplate matched template, or null when no route matched
   * @param status response status
   */
  public void end(Span span, String method, String routeTemplate, int status) {
    if (routeTemplate != null) {
      span.setAttribute(HTTP_ROUTE, routeTemplate);
      span.updateName(method + " " + routeTemplate);
    }
    span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) status);
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  /** Accepts spans and drops them. */
  private static final class DiscardingSpanProcessor implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
      return false;
    }
  }
}
