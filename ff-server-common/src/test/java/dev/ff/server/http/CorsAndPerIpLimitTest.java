package dev.ff.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ff.server.ratelimit.RateLimiter;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CorsAndPerIpLimitTest extends ServerTestSupport {
  private static final String ADMIN_UI = "https://admin.example.com";

  private void startWithCors() {
    start(
        HttpServer.builder(ServerConfig.defaults().withCors(CorsPolicy.parse(ADMIN_UI + " ,")))
            .router(
                Router.builder()
                    .get("/v1/things", r -> Response.ok(Map.of("ok", true)), open())
                    .post("/v1/things", r -> Response.ok(Map.of("ok", true)), open())
                    .build()));
  }

  @Test
  void preflightFromTheAllowedOriginNamesTheMethodAndHeaders() throws Exception {
    startWithCors();
    HttpResponse<String> preflight =
        send(
            "OPTIONS",
            "/v1/things",
            "",
            "Origin",
            ADMIN_UI,
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "authorization, content-type");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ADMIN_UI);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
        .contains("Authorization")
        .contains("Content-Type");
    assertThat(preflight.headers().firstValue("Vary")).hasValue("Origin");

    HttpResponse<String> actual = get("/v1/things", "Origin", ADMIN_UI);
    assertThat(actual.statusCode()).isEqualTo(200);
    assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ADMIN_UI);
    assertThat(actual.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .contains("ETag")
        .contains("X-Correlation-Id");
  }

  @Test
  void otherOriginsAndUnknownRoutesGetNoCorsHeaders() throws Exception {
    startWithCors();
    HttpResponse<String> evil =
        send(
            "OPTIONS",
            "/v1/things",
            "",
            "Origin",
            "https://evil.example.com",
            "Access-Control-Request-Method",
            "POST");
    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(evil.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

    HttpResponse<String> noSuchMethod =
        send(
            "OPTIONS",
            "/v1/things",
            "",
            "Origin",
            ADMIN_UI,
            "Access-Control-Request-Method",
            "DELETE");
    assertThat(noSuchMethod.statusCode()).isEqualTo(403);

    HttpResponse<String> read = get("/v1/things", "Origin", "https://evil.example.com");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void withoutAPolicyThereIsNoCrossOriginAccess() throws Exception {
    start(Router.builder().get("/v1/things", r -> Response.ok(Map.of("ok", true)), open()).build());
    HttpResponse<String> preflight =
        send(
            "OPTIONS",
            "/v1/things",
            "",
            "Origin",
            ADMIN_UI,
            "Access-Control-Request-Method",
            "GET");
    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(get("/v1/things", "Origin", ADMIN_UI).headers().map())
        .doesNotContainKey("access-control-allow-origin")
        .doesNotContainKey("vary");
  }

  @Test
  void originsMustBeSchemeHostAndPort() {
    assertThatThrownBy(() -> CorsPolicy.parse("admin.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scheme://host");
    assertThatThrownBy(() -> CorsPolicy.parse("https://admin.example.com/ui"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            CorsPolicy.parse("HTTPS://Admin.Example.com:8443")
                .allow("https://admin.example.com:8443"))
        .hasValue("https://admin.example.com:8443");
    assertThat(CorsPolicy.none().allow(ADMIN_UI)).isEqualTo(Optional.empty());
  }

  @Test
  void perIpLimitRefusesBeforeAuthenticationRuns() throws Exception {
    AtomicInteger authentications = new AtomicInteger();
    MutableClock clock = new MutableClock();
    start(
        HttpServer.builder(ServerConfig.defaults())
            .router(
                Router.builder()
                    .get(
                        "/v1/private",
                        r -> Response.ok(Map.of()),
                        RouteOptions.defaults().rateLimitClass("api"))
                    .build())
            .authenticator(
                request -> {
                  if (request.header("Authorization").isEmpty()) {
                    return Optional.empty();
                  }
                  authentications.incrementAndGet();
                  throw ProblemException.unauthorized("bad token");
                })
            .rateLimits(
                RateLimiter.builder()
                    .clock(clock)
                    .limit("api", 1000, 1000)
                    .limit(RateLimiter.PER_IP_CLASS, 0.001, 3)
                    .build()));
    for (int i = 0; i < 3; i++) {
      assertThat(get("/v1/private", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
    }
    HttpResponse<String> limited = get("/v1/private", "Authorization", "Bearer wrong");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(authentications).hasValue(3);
    assertThat(get("/live").statusCode()).as("probes are not limited").isEqualTo(200);
  }
}
