package dev.ff.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ff.server.ratelimit.RateLimiter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RateLimitAndHealthTest extends ServerTestSupport {

  @Test
  void rateLimitedRouteSendsHeadersAnd429WithRetryAfter() throws Exception {
    MutableClock clock = new MutableClock();
    Router router =
        Router.builder()
            .get("/limited", r -> Response.ok(Map.of()), open().rateLimitClass("writes"))
            .get("/unlimited", r -> Response.ok(Map.of()), open())
            .build();
    start(
        HttpServer.builder(ServerConfig.defaults())
            .router(router)
            .rateLimits(RateLimiter.builder().clock(clock).limit("writes", 0.5, 2).build()));

    HttpResponse<String> first = get("/limited");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("RateLimit-Limit")).hasValue("2");
    assertThat(first.headers().firstValue("RateLimit-Remaining")).hasValue("1");
    assertThat(first.headers().firstValue("RateLimit-Reset")).hasValue("2");

    assertThat(get("/limited").headers().firstValue("RateLimit-Remaining")).hasValue("0");

    HttpResponse<String> limited = get("/limited");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    assertThat(json(limited).get("type").asText()).isEqualTo("urn:ff:problem:rate-limited");
    assertThat(get("/unlimited").headers().firstValue("RateLimit-Limit")).isEmpty();

    clock.advance(Duration.ofSeconds(2));
    assertThat(get("/limited").statusCode()).isEqualTo(200);
    assertThat(new String(server.metrics().scrape(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("http_server_rejected_total{reason=\"rate_limited\"} 1.0");
  }

  @Test
  void liveReadyAndMetrics() throws Exception {
    AtomicBoolean databaseUp = new AtomicBoolean(true);
    start(
        HttpServer.builder(ServerConfig.defaults())
            .router(
                Router.builder().get("/v1/orgs/{org}", r -> Response.ok(Map.of()), open()).build())
            .readinessCheck("database", databaseUp::get));

    HttpResponse<String> live = get("/live");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(json(live).get("status").asText()).isEqualTo("UP");

    HttpResponse<String> ready = get("/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(json(ready).get("checks").get("database").asText()).isEqualTo("UP");

    databaseUp.set(false);
    HttpResponse<String> notReady = get("/ready");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(json(notReady).get("status").asText()).isEqualTo("DOWN");
    assertThat(server.isReady()).isFalse();
    assertThat(get("/live").statusCode()).isEqualTo(200);

    get("/v1/orgs/acme");
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("# TYPE http_server_requests_seconds histogram")
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",route=\"/v1/orgs/{org}\",status=\"200\"} 1")
        .contains("http_server_requests_in_flight")
        .contains("jvm_memory_used_bytes");
  }
}
