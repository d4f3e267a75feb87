package dev.ff.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingAndProblemsTest extends ServerTestSupport {

  @BeforeEach
  void startServer() {
    Router router =
        Router.builder()
            .get(
                "/v1/orgs/{org}",
                r -> Response.ok(Map.of("org", r.pathParam("org"), "route", r.routeTemplate())),
                open())
            .get("/v1/orgs/new", r -> Response.ok(Map.of("literal", true)), open())
            .put("/v1/orgs/{org}", r -> Response.noContent(), open())
            .get(
                "/v1/orgs/{org}/projects/{project}",
                r ->
                    Response.ok(
                        Map.of(
                            "org",
                            r.pathParam("org"),
                            "project",
                            r.pathParam("project"),
                            "q",
                            r.queryParams("q"))),
                open())
            .post("/echo", r -> Response.created(r.json(), "/echo/1"), open())
            .get(
                "/boom",
                r -> {
                  throw new IllegalStateException("secret internal detail xyz");
                },
                open())
            .get(
                "/conflict",
                r -> {
                  throw ProblemException.conflict("already exists");
                },
                open())
            .post(
                "/validate",
                r -> {
                  throw ProblemException.unprocessable(
                      List.of(new FieldError("/rules/0/if/op", "unknown operator")));
                },
                open())
            .get("/not-modified", r -> Response.status(304).header("ETag", "\"v1\""), open())
            .get("/text", r -> Response.text(200, "héllo"), open())
            .build();
    start(router);
  }

  @Test
  void pathParametersAreDecodedAndLiteralsWin() throws Exception {
    HttpResponse<String> param = get("/v1/orgs/acme%20co");
    assertThat(param.statusCode()).isEqualTo(200);
    assertThat(json(param).get("org").asText()).isEqualTo("acme co");
    assertThat(json(param).get("route").asText()).isEqualTo("/v1/orgs/{org}");

    HttpResponse<String> literal = get("/v1/orgs/new");
    assertThat(json(literal).get("literal").asBoolean()).isTrue();

    HttpResponse<String> nested = get("/v1/orgs/a/projects/b/?q=1&q=2");
    assertThat(nested.statusCode()).isEqualTo(200);
    assertThat(json(nested).get("project").asText()).isEqualTo("b");
    assertThat(json(nested).get("q").toString()).isEqualTo("[\"1\",\"2\"]");
    assertThat(nested.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void unknownPathIs404Problem() throws Exception {
    HttpResponse<String> response = get("/nope", "X-Correlation-Id", "abc-123");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("abc-123");
    JsonNode body = json(response);
    assertThat(body.get("type").asText()).isEqualTo("about:blank");
    assertThat(body.get("title").asText()).isEqualTo("Not Found");
    assertThat(body.get("status").asInt()).isEqualTo(404);
    assertThat(body.get("instance").asText()).isEqualTo("/nope");
    assertThat(body.get("correlationId").asText()).isEqualTo("abc-123");
    assertThat(body.get("errors").isArray()).isTrue();
  }

  @Test
  void wrongMethodIs405WithAllow() throws Exception {
    HttpResponse<String> response = send("DELETE", "/v1/orgs/acme", "");
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, PUT");
    assertThat(json(response).get("status").asInt()).isEqualTo(405);
  }

  @Test
  void insaneCorrelationIdIsReplacedByGeneratedOne() throws Exception {
    HttpResponse<String> response = get("/v1/orgs/x", "X-Correlation-Id", "bad id with spaces");
    String id = response.headers().firstValue("X-Correlation-Id").orElseThrow();
    assertThat(id).isNotEqualTo("bad id with spaces").matches("[0-9a-f-]{36}");

    HttpResponse<String> generated = get("/v1/orgs/x");
    assertThat(generated.headers().firstValue("X-Correlation-Id").orElseThrow())
        .matches("[0-9a-f-]{36}");
    HttpResponse<String> tooLong = get("/nope", "X-Correlation-Id", "a".repeat(129));
    assertThat(json(tooLong).get("correlationId").asText()).hasSize(36);
  }

  @Test
  void jsonBodyRoundTripsWithLocation() throws Exception {
    HttpResponse<String> response = send("POST", "/echo", "{\"a\":[1,2]}");
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Location")).hasValue("/echo/1");
    assertThat(response.body()).isEqualTo("{\"a\":[1,2]}");
  }

  @Test
  void malformedJsonIs400WithWhere() throws Exception {
    HttpResponse<String> response = send("POST", "/echo", "{\"a\": tru");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = json(response);
    assertThat(body.get("errors").get(0).get("path").asText()).isEmpty();
    assertThat(body.get("errors").get(0).get("message").asText()).contains("line 1, column");

    HttpResponse<String> trailing = send("POST", "/echo", "{} {}");
    assertThat(trailing.statusCode()).isEqualTo(400);

    HttpResponse<String> empty = send("POST", "/echo", "");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(json(empty).get("errors").get(0).get("path").asText()).isEmpty();
  }

  @Test
  void unexpectedExceptionIsGeneric500WithoutDetails() throws Exception {
    HttpResponse<String> response = get("/boom");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .doesNotContain("secret internal detail")
        .doesNotContain("IllegalStateException")
        .doesNotContain("at dev.ff");
    JsonNode body = json(response);
    assertThat(body.get("title").asText()).isEqualTo("Internal Server Error");
    assertThat(body.get("correlationId").asText())
        .isEqualTo(response.headers().firstValue("X-Correlation-Id").orElseThrow());
  }

  @Test
  void problemKindsRenderTheirStatusAndErrors() throws Exception {
    HttpResponse<String> conflict = get("/conflict");
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(json(conflict).get("detail").asText()).isEqualTo("already exists");

    HttpResponse<String> invalid = send("POST", "/validate", "{}");
    assertThat(invalid.statusCode()).isEqualTo(422);
    JsonNode body = json(invalid);
    assertThat(body.get("type").asText()).isEqualTo("urn:ff:problem:validation");
    assertThat(body.get("errors").get(0).get("path").asText()).isEqualTo("/rules/0/if/op");
    assertThat(body.get("errors").get(0).get("message").asText()).isEqualTo("unknown operator");
  }

  @Test
  void statusOnlyAndTextResponses() throws Exception {
    HttpResponse<String> notModified = get("/not-modified");
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.headers().firstValue("ETag")).hasValue("\"v1\"");
    assertThat(notModified.headers().firstValue("X-Correlation-Id")).isPresent();

    HttpResponse<String> text = get("/text");
    assertThat(text.body()).isEqualTo("héllo");
    assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
  }

  @Test
  void routerExposesEveryRouteIncludingBuiltIns() {
    assertThat(server.router().routes())
        .extracting(r -> r.method() + " " + r.template())
        .contains("GET /v1/orgs/{org}", "PUT /v1/orgs/{org}", "GET /live", "GET /ready")
        .contains("GET /metrics");
    Route live =
        server.router().routes().stream()
            .filter(r -> r.template().equals("/live"))
            .findFirst()
            .orElseThrow();
    assertThat(live.options().isPublic()).isTrue();
    assertThat(live.options().isInline()).isTrue();
  }
}
