package dev.ff.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ff.server.metrics.ServerMetrics.RejectReason;
import dev.ff.server.ratelimit.RateLimiter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExecutorAndAuthTest extends ServerTestSupport {

  @Test
  void fullExecutorQueueAnswers503WithRetryAfter() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger entered = new AtomicInteger();
    Router router =
        Router.builder()
            .get(
                "/block",
                r -> {
                  entered.incrementAndGet();
                  release.await(30, TimeUnit.SECONDS);
                  return Response.ok(Map.of("done", true));
                },
                open())
            .build();
    start(
        HttpServer.builder(
                ServerConfig.defaults().withBlockingThreads(1).withBlockingQueueCapacity(1))
            .router(router));
    List<CompletableFuture<HttpResponse<String>>> blocked = new ArrayList<>();
    blocked.add(async("/block"));
    await().atMost(Duration.ofSeconds(10)).until(() -> entered.get() == 1);
    blocked.add(async("/block"));
    await().atMost(Duration.ofSeconds(10)).until(() -> server.inFlightRequests() == 2);

    HttpResponse<String> rejected = get("/block");
    assertThat(rejected.statusCode()).isEqualTo(503);
    assertThat(rejected.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(json(rejected).get("status").asInt()).isEqualTo(503);
    assertThat(server.metrics().rejectedCount(RejectReason.QUEUE_FULL)).isEqualTo(1.0);
    // inline routes still answer while the executor is saturated
    assertThat(get("/live").statusCode()).isEqualTo(200);

    release.countDown();
    for (CompletableFuture<HttpResponse<String>> future : blocked) {
      assertThat(future.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    assertThat(new String(server.metrics().scrape(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("http_server_rejected_total{reason=\"queue_full\"} 1.0");
  }

  private CompletableFuture<HttpResponse<String>> async(String path) {
    return client.sendAsync(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpServer.Builder authServer() {
    Router router =
        Router.builder()
            .get(
                "/v1/me",
                r -> Response.ok(Map.of("id", r.principal().orElseThrow().id())),
                RouteOptions.defaults())
            .get(
                "/v1/public",
                r -> Response.ok(Map.of("anonymous", r.principal().isEmpty())),
                open())
            .build();
    Authenticator tokens =
        request -> {
          Optional<String> header = request.header("Authorization");
          if (header.isEmpty()) {
            return Optional.empty();
          }
          return switch (header.get()) {
            case "Bearer alice" -> Optional.of(Principal.of("alice", "user", Map.of()));
            case "Bearer bob" -> Optional.of(Principal.of("bob", "user", Map.of()));
            default -> throw ProblemException.unauthorized("Invalid token");
          };
        };
    Authorizer onlyAlice =
        (principal, request, route) -> {
          if (!principal.id().equals("alice")) {
            throw ProblemException.forbidden("not allowed on " + route.template());
          }
        };
    return HttpServer.builder(ServerConfig.defaults())
        .router(router)
        .authenticator(tokens)
        .authorizer(onlyAlice);
  }

  @Test
  void protectedRouteWithoutPrincipalIs401WithChallenge() throws Exception {
    start(authServer());
    HttpResponse<String> response = get("/v1/me");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(json(response).get("title").asText()).isEqualTo("Unauthorized");

    HttpResponse<String> badToken = get("/v1/me", "Authorization", "Bearer forged");
    assertThat(badToken.statusCode()).isEqualTo(401);
    assertThat(json(badToken).get("detail").asText()).isEqualTo("Invalid token");
  }

  @Test
  void authorizerDecides403AndAllows() throws Exception {
    start(authServer());
    HttpResponse<String> bob = get("/v1/me", "Authorization", "Bearer bob");
    assertThat(bob.statusCode()).isEqualTo(403);
    assertThat(json(bob).get("detail").asText()).isEqualTo("not allowed on /v1/me");

    HttpResponse<String> alice = get("/v1/me", "Authorization", "Bearer alice");
    assertThat(alice.statusCode()).isEqualTo(200);
    assertThat(json(alice).get("id").asText()).isEqualTo("alice");
  }

  @Test
  void publicRoutesNeedNoPrincipalButStillSeeOne() throws Exception {
    start(authServer());
    assertThat(json(get("/v1/public")).get("anonymous").asBoolean()).isTrue();
    assertThat(json(get("/v1/public", "Authorization", "Bearer bob")).get("anonymous").asBoolean())
        .isFalse();
  }

  @Test
  void defaultAuthenticatorFindsNobody() throws Exception {
    start(
        Router.builder()
            .get("/secret", r -> Response.ok(Map.of()), RouteOptions.defaults())
            .build());
    assertThat(get("/secret", "Authorization", "Bearer anything").statusCode()).isEqualTo(401);
  }

  @Test
  void debugRoutesAreAdminOnlyAndDecidedByTheAuthorizer() throws Exception {
    Authenticator admin =
        request ->
            request
                .header("Authorization")
                .map(h -> Principal.of(h.substring(7), "user", Map.of()));
    Authorizer adminOnly =
        (principal, request, route) -> {
          if (route.options().isAdminOnly() && !principal.id().equals("root")) {
            throw ProblemException.forbidden("admins only");
          }
        };
    start(
        HttpServer.builder(ServerConfig.defaults())
            .authenticator(admin)
            .authorizer(adminOnly)
            .debugRoutes(true));
    assertThat(get("/debug/threads").statusCode()).isEqualTo(401);
    assertThat(get("/debug/threads", "Authorization", "Bearer joe").statusCode()).isEqualTo(403);
    HttpResponse<String> dump = get("/debug/threads", "Authorization", "Bearer root");
    assertThat(dump.statusCode()).isEqualTo(200);
    assertThat(dump.body()).contains("ff-blocking-").contains("\tat ");
    assertThat(get("/debug/jfr?seconds=61", "Authorization", "Bearer root").statusCode())
        .isEqualTo(400);

    HttpResponse<byte[]> jfr =
        client.send(
            HttpRequest.newBuilder(uri("/debug/jfr?seconds=1"))
                .header("Authorization", "Bearer root")
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(jfr.statusCode()).isEqualTo(200);
    assertThat(new String(jfr.body(), 0, 3, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("FLR");
  }

  @Test
  void routeWithUnknownRateLimitClassFailsAtBuild() {
    Router router =
        Router.builder()
            .get("/x", r -> Response.noContent(), open().rateLimitClass("nope"))
            .build();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                HttpServer.builder(ServerConfig.defaults())
                    .router(router)
                    .rateLimits(RateLimiter.builder().limit("other", 1, 1).build())
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nope");
  }
}
