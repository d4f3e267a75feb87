package dev.ff.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestAndProblemsTest {

  @Test
  void builderRequestForHandlerUnitTests() throws Exception {
    Request request =
        Request.builder("get", "/v1/orgs/a%20b?x=1&x=2&y=%C3%A9")
            .header("X-Correlation-Id", "abc")
            .header("Accept", "application/json")
            .route("/v1/orgs/{org}", Map.of("org", "a b"))
            .principal(Principal.of("u1", "user", Map.of("role", "admin")))
            .body("{\"k\":true}")
            .build();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/v1/orgs/a%20b");
    assertThat(request.pathParam("org")).isEqualTo("a b");
    assertThat(request.queryParams("x")).containsExactly("1", "2");
    assertThat(request.queryParam("y")).hasValue("é");
    assertThat(request.queryParam("z")).isEmpty();
    assertThat(request.header("accept")).hasValue("application/json");
    assertThat(request.correlationId()).isEqualTo("abc");
    assertThat(request.principal().orElseThrow().attributes()).containsEntry("role", "admin");
    assertThat(request.json().get("k").asBoolean()).isTrue();
    assertThatThrownBy(() -> request.pathParam("nope"))
        .isInstanceOf(IllegalArgumentException.class);
    request.attribute("tenant", 7);
    assertThat(request.attribute("tenant")).hasValue(7);
    request.attribute("tenant", null);
    assertThat(request.attribute("tenant")).isEmpty();
  }

  @Test
  void malformedJsonSaysWhere() {
    Request request = Request.builder("POST", "/x").body("{\n  \"a\": [1,,2]\n}").build();
    assertThatThrownBy(request::json)
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.status()).isEqualTo(400);
              assertThat(p.errors()).hasSize(1);
              assertThat(p.errors().get(0).path()).isEmpty();
              assertThat(p.errors().get(0).message())
                  .startsWith("malformed JSON at line 2, column");
            });
  }

  @Test
  void problemRendersAllMembers() throws Exception {
    ProblemException problem =
        ProblemException.unprocessable(List.of(new FieldError("/a", "bad"))).withHeader("X", "y");
    JsonNode body = new ObjectMapper().readTree(Problems.render(problem, "/v1/things", "corr"));
    assertThat(body.fieldNames())
        .toIterable()
        .containsExactly(
            "type", "title", "status", "detail", "instance", "correlationId", "errors");
    assertThat(body.get("errors").get(0).get("path").asText()).isEqualTo("/a");
    Response response = Problems.toResponse(problem, "/v1/things", "corr");
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers()).containsEntry("x", "y");
    assertThat(((Response.Bytes) response.body()).contentType())
        .isEqualTo("application/problem+json");
  }

  @Test
  void factoriesCarryStatusesAndHeaders() {
    assertThat(ProblemException.badRequest("x").status()).isEqualTo(400);
    assertThat(ProblemException.unauthorized("x").headers())
        .containsEntry("WWW-Authenticate", "Bearer");
    assertThat(ProblemException.forbidden("x").status()).isEqualTo(403);
    assertThat(ProblemException.notFound("x").status()).isEqualTo(404);
    assertThat(ProblemException.methodNotAllowed(List.of("GET", "PUT")).headers())
        .containsEntry("Allow", "GET, PUT");
    assertThat(ProblemException.conflict("x").status()).isEqualTo(409);
    assertThat(ProblemException.preconditionFailed("x").status()).isEqualTo(412);
    assertThat(ProblemException.preconditionRequired("x").status()).isEqualTo(428);
    assertThat(ProblemException.payloadTooLarge("x").status()).isEqualTo(413);
    assertThat(ProblemException.tooManyRequests(7).headers()).containsEntry("Retry-After", "7");
    assertThat(ProblemException.serviceUnavailable("x", 3).status()).isEqualTo(503);
    assertThatThrownBy(() -> new ProblemException(200, "OK", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Problems.from(new RuntimeException("hidden"), "c").detail())
        .doesNotContain("hidden");
  }

  @Test
  void responsesAreImmutableCopies() {
    Response base = Response.ok(Map.of());
    Response withHeader = base.header("ETag", "\"1\"");
    assertThat(base.headers()).isEmpty();
    assertThat(withHeader.headers()).containsEntry("etag", "\"1\"");
    assertThat(Response.created(Map.of(), "/x/1").headers()).containsEntry("Location", "/x/1");
    assertThat(Response.noContent().statusCode()).isEqualTo(204);
    assertThat(((Response.Bytes) Response.text(200, "é").body()).content())
        .isEqualTo("é".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Response.status(42)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void configDefaultsAndCopies() {
    ServerConfig config = ServerConfig.defaults();
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isZero();
    assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(config.maxHeaderBytes()).isEqualTo(16 * 1024);
    assertThat(config.idleTimeout()).hasSeconds(60);
    assertThat(config.shutdownGrace()).hasSeconds(10);
    assertThat(config.heartbeatInterval()).hasSeconds(15);
    assertThat(config.withPort(8080).port()).isEqualTo(8080);
    assertThat(config.withPort(8080).maxBodyBytes()).isEqualTo(config.maxBodyBytes());
    assertThatThrownBy(() -> config.withBlockingThreads(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
