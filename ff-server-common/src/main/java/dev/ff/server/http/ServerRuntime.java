package dev.ff.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ff.server.metrics.ServerMetrics;
import dev.ff.server.metrics.ServerMetrics.RejectReason;
import dev.ff.server.ratelimit.RateLimitDecision;
import dev.ff.server.ratelimit.RateLimiter;
import dev.ff.server.tracing.ServerTracing;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** State and request processing shared by all connections of one server (package-private). */
final class ServerRuntime {

  static final String MDC_CORRELATION_ID = "correlationId";
  static final String MDC_TRACE_ID = "traceId";
  static final String UNMATCHED_ROUTE = "unmatched";

  private static final Logger ACCESS = LoggerFactory.getLogger("ff.access");

  final ServerConfig config;
  final Router router;
  final Authenticator authenticator;
  final Authorizer authorizer;
  final RateLimiter rateLimiter;
  final boolean perIpLimited;
  final ServerMetrics metrics;
  final ServerTracing tracing;
  final ObjectMapper mapper;
  final ThreadPoolExecutor executor;
  final InFlight inFlight = new InFlight();
  final Set<SseConnection> streams = ConcurrentHashMap.newKeySet();
  volatile boolean shuttingDown;

  ServerRuntime(
      ServerConfig config,
      Router router,
      Authenticator authenticator,
      Authorizer authorizer,
      RateLimiter rateLimiter,
      ServerMetrics metrics,
      ServerTracing tracing,
      ObjectMapper mapper,
      ThreadPoolExecutor executor) {
    this.config = config;
    this.router = router;
    this.authenticator = authenticator;
    this.authorizer = authorizer;
    this.rateLimiter = rateLimiter;
    this.perIpLimited = rateLimiter.classNames().contains(RateLimiter.PER_IP_CLASS);
    this.metrics = metrics;
    this.tracing = tracing;
    this.mapper = mapper;
    this.executor = executor;
  }

  /** Accounting at receipt. */
  void started() {
    metrics.requestStarted();
    inFlight.enter();
  }

  /** Accounting, span end and access log once the response is written (or failed). */
  void finished(Exchange exchange, int status) {
    double seconds = (System.nanoTime() - exchange.startNanos) / 1e9;
    String template = exchange.routeTemplate();
    metrics.recordRequest(
        exchange.method, template == null ? UNMATCHED_ROUTE : template, status, seconds);
    tracing.end(exchange.span, exchange.method, template, status);
    if (logged(exchange.route, status)) {
      withMdc(
          exchange,
          () ->
              ACCESS
                  .atInfo()
                  .addKeyValue("method", exchange.method)
                  .addKeyValue("route", template)
                  .addKeyValue("path", exchange.path)
                  .addKeyValue("status", status)
                  .addKeyValue("durationMs", Math.round(seconds * 1000.0 * 10) / 10.0)
                  .addKeyValue(MDC_CORRELATION_ID, exchange.correlationId)
                  .log(
                      "{} {} {} {} {}ms",
                      exchange.method,
                      exchange.path,
                      template == null ? "-" : template,
                      status,
                      Math.round(seconds * 1000.0)));
    }
    metrics.requestFinished();
    inFlight.exit();
  }

  /** Whether a finished request goes to the access log: errors always, successes sampled. */
  static boolean logged(Route route, int status) {
    if (route == null || status >= 400) {
      return true;
    }
    int every = route.options().accessLogEvery();
    return every == 1 || ThreadLocalRandom.current().nextInt(every) == 0;
  }

  /** Runs an action with correlation id and trace id in the MDC. */
  static void withMdc(Exchange exchange, Runnable action) {
    String previousCorrelation = MDC.get(MDC_CORRELATION_ID);
    String previousTrace = MDC.get(MDC_TRACE_ID);
    MDC.put(MDC_CORRELATION_ID, exchange.correlationId);
    if (exchange.span.getSpanContext().isValid()) {
      MDC.put(MDC_TRACE_ID, exchange.span.getSpanContext().getTraceId());
    }
    try {
      action.run();
    } finally {
      restore(MDC_CORRELATION_ID, previousCorrelation);
      restore(MDC_TRACE_ID, previousTrace);
    }
  }

  private static void restore(String key, String previous) {
    if (previous == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, previous);
    }
  }

  /**
   * Authentication, authorization, rate limit and the handler; every failure becomes a problem
   * response. Runs on the route's thread with MDC and span context set by the caller.
   */
  Response invoke(Exchange exchange) {
    Request request = exchange.request;
    Route route = exchange.route;
    Map<String, String> extra = new LinkedHashMap<>();
    try {
      if (route.options().rateLimit().isPresent() && perIpLimited) {
        RateLimitDecision perIp =
            rateLimiter.tryAcquire(RateLimiter.PER_IP_CLASS, "ip:" + request.remoteAddress());
        if (!perIp.allowed()) {
          metrics.rejected(RejectReason.RATE_LIMITED);
          throw ProblemException.tooManyRequests(perIp.retryAfterSeconds());
        }
      }
      Optional<Principal> principal = authenticator.authenticate(request);
      if (principal == null) {
        principal = Optional.empty();
      }
      principal.ifPresent(request::principal);
      if (!route.options().isPublic()) {
        if (principal.isEmpty()) {
          throw ProblemException.unauthorized("Authentication is required");
        }
        authorizer.authorize(principal.get(), request, route);
      }
      Optional<String> rateClass = route.options().rateLimit();
      if (rateClass.isPresent()) {
        String key =
            principal.map(p -> "principal:" + p.id()).orElse("ip:" + request.remoteAddress());
        RateLimitDecision decision = rateLimiter.tryAcquire(rateClass.get(), key);
        extra.putAll(decision.headers());
        extra.remove("Retry-After");
        if (!decision.allowed()) {
          metrics.rejected(RejectReason.RATE_LIMITED);
          throw ProblemException.tooManyRequests(decision.retryAfterSeconds());
        }
      }
      Response response = route.handler().handle(request);
      if (response == null) {
        throw new IllegalStateException("handler of " + route.template() + " returned null");
      }
      return response.headers(extra);
    } catch (Exception e) {
      ProblemException problem = Problems.from(e, exchange.correlationId);
      return Problems.toResponse(problem, request.path(), exchange.correlationId).headers(extra);
    }
  }

  /** Serialises a non-SSE response (JSON on the calling thread). */
  Rendered render(Exchange exchange, Response response) {
    Response.Body body = response.body();
    try {
      if (body instanceof Response.Json json) {
        return new Rendered(
            response.statusCode(),
            response.headers(),
            "application/json",
            mapper.writeValueAsBytes(json.value()));
      } else if (body instanceof Response.Bytes bytes) {
        return new Rendered(
            response.statusCode(), response.headers(), bytes.contentType(), bytes.content());
      } else if (body instanceof Response.Empty) {
        return new Rendered(response.statusCode(), response.headers(), null, new byte[0]);
      }
      throw new IllegalStateException("cannot render " + body.getClass().getSimpleName());
    } catch (Exception e) {
      ProblemException problem = Problems.from(e, exchange.correlationId);
      return render(exchange, Problems.toResponse(problem, exchange.path, exchange.correlationId));
    }
  }

  /** A problem as a rendered response. */
  Rendered problem(Exchange exchange, ProblemException problem, String instance) {
    return render(exchange, Problems.toResponse(problem, instance, exchange.correlationId));
  }

  /** Rejection for a full executor queue. */
  ProblemException queueFull() {
    metrics.rejected(RejectReason.QUEUE_FULL);
    return ProblemException.serviceUnavailable("The server is busy; retry shortly", 1);
  }

  void shutdownExecutor(long millis) throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
      executor.shutdownNow();
    }
  }
}
