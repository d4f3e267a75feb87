package dev.ff.control.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.ControlPlaneServer;
import dev.ff.control.Fixtures;
import dev.ff.control.TestDatabase;
import dev.ff.control.api.ApiClient.Res;
import dev.ff.server.http.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Sends bad input to every route the control plane serves, enumerated from {@link
 * ControlPlaneServer#routes()} so that a new route is covered without touching this test: no bearer
 * token (401, or for the public sign-in route a refusal of the missing body), a garbage bearer
 * token (401, public routes included: a presented credential must be valid), and for routes with a
 * body malformed JSON (400), a non-object body (400/422 with a pointer), an unknown member (422
 * naming it) and an oversized body (413). Every answer must be a problem+json whose {@code status}
 * is the HTTP status and whose {@code correlationId} is the {@code X-Correlation-Id} header, never
 * a 5xx; {@link ApiClient} also checks it against {@code openapi.yaml}.
 */
class BadInputEveryRouteTest {

  /**
   * Built-in routes of ff-server-common's {@code HttpServer}, not part of the {@code /v1} API: the
   * probes {@code /live}, {@code /ready} and {@code /metrics} are public and take no input (there
   * is nothing to refuse), and {@code /debug/*} is the bootstrap-admin-only diagnostics module with
   * its own parameters, tested by {@code ApiCrudTest.debugRoutes_onlyTheBootstrapAdminMayCallThem}
   * and in ff-server-common.
   */
  private static boolean builtIn(String template) {
    return Set.of("/live", "/ready", "/metrics").contains(template)
        || template.startsWith("/debug/");
  }

  private static final String ORG = "/v1/orgs/acme";
  private static final String PROJECT = ORG + "/projects/shop";
  private static final String ENV = PROJECT + "/environments/prod";
  private static final String UNKNOWN_MEMBER = "zzUnknownMember";
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

  /**
   * Request bodies that are objects of known members although their schema does not say {@code
   * additionalProperties: false}: flags and segments are the ff-core contract JSON (documented by
   * reference to docs/evaluation.md, so the schema lists only some members) and the services refuse
   * members the contract does not know (FlagInput's description promises the 422).
   */
  private static final Set<String> CLOSED_BUT_OPEN_IN_SCHEMA = Set.of("FlagInput", "SegmentInput");

  private static final AtomicInteger REQUESTS = new AtomicInteger();

  private static TestDatabase db;
  private static ControlPlaneServer server;
  private static ApiClient root;

  /**
   * Values of the path parameters: by name, or by {@code "<previous segment>/{name}"} when the name
   * alone is ambiguous ({@code {id}} of tokens and of members).
   */
  private static final Map<String, String> PARAMS = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    server = TestServers.start(db);
    root = new ApiClient(server.url(), TestServers.ROOT_TOKEN);
    created(root.post("/v1/orgs", q("{'key':'acme','name':'Acme'}")));
    created(root.post(ORG + "/projects", q("{'key':'shop','name':'Shop'}")));
    created(root.post(PROJECT + "/environments", q("{'key':'prod','name':'Prod'}")));
    created(root.post(ENV + "/flags", Fixtures.booleanFlag("f1").toString()));
    created(root.post(ENV + "/segments", Fixtures.segment("s1", "u1").toString()));
    created(
        root.post(
            PROJECT + "/metrics",
            q(
                "{'key':'m1','name':'M1','kind':'proportion','events':['checkout'],"
                    + "'direction':'increase'}")));
    created(
        root.post(
            ENV + "/experiments",
            q(
                "{'key':'e1','flag':'f1','variations':[{'variation':'off','weight':5000},"
                    + "{'variation':'on','weight':5000}],'primaryMetric':'m1'}")));
    Res token = created(root.post(ORG + "/tokens", q("{'name':'ci','kind':'admin'}")));
    created(root.post("/v1/users", q("{'email':'bob@example.com','displayName':'Bob'}")));
    Res member =
        created(root.post(ORG + "/members", q("{'user':'bob@example.com','role':'editor'}")));
    Res published = created(root.post(ENV + "/publish", null));

    PARAMS.put("org", "acme");
    PARAMS.put("project", "shop");
    PARAMS.put("env", "prod");
    PARAMS.put("envKey", "prod");
    PARAMS.put("flag", "f1");
    PARAMS.put("segment", "s1");
    PARAMS.put("metric", "m1");
    PARAMS.put("experiment", "e1");
    PARAMS.put("email", "bob@example.com");
    PARAMS.put("version", published.json().get("version").asText());
    PARAMS.put("tokens/{id}", token.json().get("id").asText());
    PARAMS.put("members/{id}", member.json().get("id").asText());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @TestFactory
  Stream<DynamicNode> everyRouteRefusesBadInput() {
    List<DynamicNode> routes = new ArrayList<>();
    for (Route route : server.routes()) {
      if (builtIn(route.template())) {
        continue;
      }
      String method = route.method();
      String template = route.template();
      String path = resolve(template);
      String name = method + " " + template;
      List<DynamicTest> cases = new ArrayList<>();
      if (route.options().isPublic()) {
        cases.add(
            named(
                name + ": public, so no Authorization → refused for the missing body, not 401",
                () -> {
                  Res res = send(root.as(null), method, path, null);
                  assertThat(res.status()).as(res.body()).isIn(400, 422);
                  problem(res, res.status());
                }));
      } else {
        cases.add(
            named(
                name + ": no Authorization → 401",
                () -> {
                  Res res = send(root.as(null), method, path, null);
                  problem(res, 401);
                  assertThat(res.header("WWW-Authenticate")).as("WWW-Authenticate").isNotBlank();
                }));
      }
      cases.add(
          named(
              name + ": garbage bearer token → 401",
              () -> {
                Res res = send(root.as("ffa_garbage-" + REQUESTS.get()), method, path, null);
                problem(res, 401);
                assertThat(res.header("WWW-Authenticate")).as("WWW-Authenticate").isNotBlank();
              }));
      if (BODY_METHODS.contains(method)) {
        BodySchema schema = requestBodySchema(method, template);
        if (schema != null) {
          cases.add(
              named(
                  name + ": malformed JSON → 400 at \"\"",
                  () -> {
                    Res res = send(root, method, path, "{\"key\": ");
                    problem(res, 400);
                    assertThat(res.json().at("/errors/0/path").isTextual()).isTrue();
                    assertThat(res.json().at("/errors/0/path").asText()).isEmpty();
                  }));
          for (String notObject : List.of("[1,2]", "\"text\"")) {
            cases.add(
                named(
                    name + ": " + notObject + " instead of an object → 400/422 with a pointer",
                    () -> {
                      Res res = send(root, method, path, notObject);
                      assertThat(res.status()).as(res.body()).isIn(400, 422);
                      problem(res, res.status());
                      JsonNode errors = res.json().get("errors");
                      assertThat(errors).as(res.body()).isNotEmpty();
                      errors.forEach(
                          e ->
                              assertThat(e.get("path").asText())
                                  .as("JSON Pointer")
                                  .matches("(/.*)?"));
                    }));
          }
          if (closedObject(schema)) {
            cases.add(
                named(
                    name + ": unknown member → 422 naming it",
                    () -> {
                      Res res = send(root, method, path, "{\"" + UNKNOWN_MEMBER + "\": 1}");
                      problem(res, 422);
                      assertThat(res.json().get("errors").findValuesAsText("path"))
                          .as(res.body())
                          .contains("/" + UNKNOWN_MEMBER);
                    }));
          }
        }
        // Any POST/PUT/PATCH may carry a body, documented or not: the server refuses one over
        // its limit from the Content-Length, before routing.
        cases.add(
            named(
                name + ": oversized body → 413",
                () -> {
                  String huge =
                      "{\"" + UNKNOWN_MEMBER + "\":\"" + "x".repeat(TestServers.MAX_BODY) + "\"}";
                  problem(send(root, method, path, huge), 413);
                }));
      }
      routes.add(DynamicContainer.dynamicContainer(name, cases.stream()));
    }
    assertThat(routes).as("routes under test").hasSizeGreaterThan(50);
    return routes.stream();
  }

  /**
   * Whether a request body is an object of known members: its schema says {@code
   * additionalProperties: false}, or it is one of {@link #CLOSED_BUT_OPEN_IN_SCHEMA}.
   */
  private static boolean closedObject(BodySchema body) {
    JsonNode additional = body.schema().path("additionalProperties");
    return (additional.isBoolean() && !additional.asBoolean())
        || CLOSED_BUT_OPEN_IN_SCHEMA.contains(body.name());
  }

  /**
   * A documented request body.
   *
   * @param name the name of its schema under {@code components/schemas} ("" when inline)
   * @param schema the resolved schema
   */
  private record BodySchema(String name, JsonNode schema) {}

  /** A dynamic test whose failure message starts with its name (route and case). */
  private static DynamicTest named(String name, Executable check) {
    return DynamicTest.dynamicTest(
        name,
        () -> {
          try {
            check.execute();
          } catch (AssertionError e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
          }
        });
  }

  /** Substitutes the resources of {@link #start()} into a template; unknown parameters fail. */
  private static String resolve(String template) {
    StringBuilder path = new StringBuilder();
    String previous = "";
    for (String segment : template.substring(1).split("/", -1)) {
      String value = segment;
      if (segment.startsWith("{") && segment.endsWith("}")) {
        value = PARAMS.get(previous + "/" + segment);
        if (value == null) {
          value = PARAMS.get(segment.substring(1, segment.length() - 1));
        }
        if (value == null) {
          fail(
              "route template "
                  + template
                  + " has parameter "
                  + segment
                  + " that BadInputEveryRouteTest cannot fill: create such a resource in"
                  + " @BeforeAll and add it to PARAMS");
        }
      }
      path.append('/').append(value);
      previous = segment;
    }
    return path.toString();
  }

  /** The documented JSON request body of an operation, null when it takes none. */
  private static BodySchema requestBodySchema(String method, String template) {
    OpenApiContract contract = OpenApiContract.load();
    JsonNode operation =
        contract.document().path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    assertThat(operation.isMissingNode()).as("documented: " + method + " " + template).isFalse();
    JsonNode schema = operation.path("requestBody").path("content").path("application/json");
    if (schema.isMissingNode()) {
      return null;
    }
    schema = schema.path("schema");
    String name = "";
    while (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      name = ref.substring(ref.lastIndexOf('/') + 1);
      schema = contract.document().at(ref.substring(1));
    }
    return new BodySchema(name, schema);
  }

  /**
   * Sends with a fresh correlation id (and an If-Match, so that conditional writes get as far as
   * reading the body) and checks that the id is echoed.
   */
  private static Res send(ApiClient client, String method, String path, String body) {
    String correlationId = "bad-input-" + REQUESTS.incrementAndGet();
    Res res =
        client.send(method, path, body, "X-Correlation-Id", correlationId, "If-Match", "\"1\"");
    assertThat(res.header("X-Correlation-Id"))
        .as("echoed X-Correlation-Id")
        .isEqualTo(correlationId);
    return res;
  }

  /** Checks a problem response of the given status. */
  private static void problem(Res res, int status) {
    assertThat(res.status()).as(res.body()).isEqualTo(status);
    assertThat(res.status()).as("never a server error").isBetween(400, 499);
    assertThat(res.header("Content-Type")).startsWith("application/problem+json");
    JsonNode json = res.json();
    assertThat(json.path("status").asInt()).as("status member").isEqualTo(res.status());
    assertThat(json.path("correlationId").asText())
        .as("correlationId member")
        .isEqualTo(res.header("X-Correlation-Id"));
  }

  private static Res created(Res res) {
    assertThat(res.status()).as(res.body()).isEqualTo(201);
    return res;
  }

  private static String q(String json) {
    return json.replace('\'', '"');
  }
}
