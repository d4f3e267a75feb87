package dev.ff.control.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ff.control.ControlPlaneServer;
import dev.ff.control.Fixtures;
import dev.ff.control.TestDatabase;
import dev.ff.control.TestIdp;
import dev.ff.control.api.ApiClient.Res;
import dev.ff.control.api.ExpectedAccess.Kind;
import dev.ff.control.api.ExpectedAccess.Subject;
import dev.ff.control.api.ExpectedAccess.TestGrant;
import dev.ff.control.domain.Role;
import dev.ff.server.http.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated allow/deny matrix: every route the server serves (enumerated from {@link
 * ControlPlaneServer#routes()}, its rule read from the server's {@link AccessPolicy} table) × every
 * role (owner, admin, editor, viewer, none) × every scope of a binding (the organisation, the
 * path's project, the path's environment, another project, another environment, another
 * organisation) × every kind of caller (user session, OIDC JWT user, API token with role bindings,
 * org-wide and env-bound admin tokens, SDK tokens of several environments, the root admin), sent
 * over HTTP to one real server on a real PostgreSQL.
 *
 * <p>Each answer is held against {@link ExpectedAccess}: allowed means any status but 401/403
 * (writes are sent with a stale {@code If-Match} and an unknown body member, so an allowed write
 * fails with 412/422 and changes nothing); denied means 403. A 401 is always wrong (every caller
 * presents a valid credential) and so is a 5xx. A route without a policy entry fails the test.
 */
class AccessMatrixTest {

  private static final String PASSWORD = "matrix-password-1";
  private static final String PROBE_BODY = "{\"zzMatrixProbe\": true}";
  private static final String STALE = "\"999999\"";
  private static final List<Role> ROLES = List.of(Role.values());

  /** Where a binding is placed, relative to the paths the matrix calls ({@code acme/shop/prod}). */
  private enum Where {
    ORG("acme"),
    PROJECT("acme/shop"),
    ENV("acme/shop/prod"),
    OTHER_PROJECT("acme/other"),
    OTHER_ENV("acme/shop/dev"),
    OTHER_ORG("globex");

    final String scope;

    Where(String scope) {
      this.scope = scope;
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static TestDatabase db;
  private static TestIdp idp;
  private static ControlPlaneServer server;
  private static ApiClient root;
  private static ExecutorService pool;
  private static final Map<String, String> PARAMS = new LinkedHashMap<>();
  private static final Map<Kind, List<Subject>> SUBJECTS = new EnumMap<>(Kind.class);
  private static final Map<String, String> EMAIL_BY_SESSION = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    idp = new TestIdp();
    server = TestServers.start(db, TestServers.IDENTITY.withOidc(idp.config()));
    root = new ApiClient(server.url(), TestServers.ROOT_TOKEN);
    pool = Executors.newFixedThreadPool(4);

    for (String org : List.of("acme", "globex")) {
      created(root.post("/v1/orgs", q("{'key':'" + org + "','name':'" + org + "'}")));
    }
    environment("acme", "shop", "prod");
    environment("acme", "shop", "dev");
    environment("acme", "other", "prod");
    environment("acme", "sandbox", "box");
    environment("globex", "shop", "prod");
    environment("globex", "sandbox", "box");
    String env = "/v1/orgs/acme/projects/shop/environments/prod";
    created(root.post(env + "/flags", Fixtures.booleanFlag("f1").toString()));
    created(root.post(env + "/segments", Fixtures.segment("s1", "u1").toString()));
    created(
        root.post(
            "/v1/orgs/acme/projects/shop/metrics",
            q(
                "{'key':'m1','name':'M1','kind':'proportion','events':['checkout'],"
                    + "'direction':'increase'}")));
    created(
        root.post(
            env + "/experiments",
            q(
                "{'key':'e1','flag':'f1','variations':[{'variation':'off','weight':5000},"
                    + "{'variation':'on','weight':5000}],'primaryMetric':'m1'}")));
    Res published = created(root.post(env + "/publish", null));
    Res victim = created(root.post("/v1/orgs/acme/tokens", q("{'name':'victim','kind':'admin'}")));
    created(
        root.post(
            "/v1/users",
            q(
                "{'email':'target@matrix.test','displayName':'Target','password':'"
                    + PASSWORD
                    + "'}")));
    Res member =
        created(
            root.post("/v1/orgs/acme/members", q("{'user':'target@matrix.test','role':'viewer'}")));

    PARAMS.put("org", "acme");
    PARAMS.put("project", "shop");
    PARAMS.put("env", "prod");
    PARAMS.put("envKey", "prod");
    PARAMS.put("flag", "f1");
    PARAMS.put("segment", "s1");
    PARAMS.put("metric", "m1");
    PARAMS.put("experiment", "e1");
    PARAMS.put("email", "target@matrix.test");
    PARAMS.put("version", published.json().get("version").asText());
    PARAMS.put("tokens/{id}", victim.json().get("id").asText());
    PARAMS.put("members/{id}", member.json().get("id").asText());

    for (Kind kind : Kind.values()) {
      SUBJECTS.put(kind, new ArrayList<>());
    }
    SUBJECTS
        .get(Kind.ROOT)
        .add(subject("root", Kind.ROOT, List.of(), null, TestServers.ROOT_TOKEN));
    users();
    apiTokens();
    adminAndSdkTokens();
  }

  /** A user per role and scope (and one without roles), each signed in and holding a JWT. */
  private static void users() {
    List<String[]> users = new ArrayList<>();
    for (Role role : ROLES) {
      for (Where where : Where.values()) {
        String email = role.wire() + "-" + where.name().toLowerCase(Locale.ROOT) + "@matrix.test";
        createUser(email);
        bind(where.scope, "{'user':'" + email + "','role':'" + role.wire() + "'", 201);
        users.add(new String[] {email, where.scope, role.name()});
      }
    }
    createUser("none@matrix.test");
    users.add(new String[] {"none@matrix.test", null, null});
    for (String[] user : users) {
      List<TestGrant> grants =
          user[1] == null ? List.of() : List.of(new TestGrant(user[1], Role.valueOf(user[2])));
      String label = user[0];
      String session = login(user[0]);
      EMAIL_BY_SESSION.put(session, user[0]);
      SUBJECTS.get(Kind.USER_SESSION).add(subject(label, Kind.USER_SESSION, grants, null, session));
      // The user "none" signs in with OIDC too; an email without any user is tried as well.
      SUBJECTS
          .get(Kind.OIDC_USER)
          .add(subject(label, Kind.OIDC_USER, grants, null, idp.token(user[0])));
    }
    SUBJECTS
        .get(Kind.OIDC_USER)
        .add(
            subject(
                "ghost (no user)",
                Kind.OIDC_USER,
                List.of(),
                null,
                idp.token("ghost@matrix.test")));
  }

  /**
   * Admin tokens bound to a sandbox environment (their implicit admin role covers no path the
   * matrix calls), each given one role binding; tokens cannot be owners.
   */
  private static void apiTokens() {
    for (Role role : ROLES) {
      for (Where where : Where.values()) {
        String org = where == Where.OTHER_ORG ? "globex" : "acme";
        Res token =
            created(
                root.post(
                    "/v1/orgs/" + org + "/tokens",
                    q("{'name':'t','kind':'admin','project':'sandbox','env':'box'}")));
        String id = token.json().get("id").asText();
        String secret = token.json().get("secret").asText();
        if (role == Role.OWNER) {
          Res refused =
              root.post("/v1/orgs/" + org + "/members", q("{'token':" + id + ",'role':'owner'}"));
          assertThat(refused.status())
              .as("tokens cannot be owners: " + refused.body())
              .isEqualTo(422);
          continue;
        }
        bind(where.scope, "{'token':" + id + ",'role':'" + role.wire() + "'", 201);
        SUBJECTS
            .get(Kind.API_TOKEN)
            .add(
                subject(
                    "token " + role.wire() + "@" + where.scope,
                    Kind.API_TOKEN,
                    List.of(
                        new TestGrant(org + "/sandbox/box", Role.ADMIN),
                        new TestGrant(where.scope, role)),
                    org + "/sandbox/box",
                    secret));
      }
    }
    Res bare =
        created(
            root.post(
                "/v1/orgs/acme/tokens",
                q("{'name':'bare','kind':'admin','project':'sandbox','env':'box'}")));
    SUBJECTS
        .get(Kind.API_TOKEN)
        .add(
            subject(
                "token without bindings",
                Kind.API_TOKEN,
                List.of(new TestGrant("acme/sandbox/box", Role.ADMIN)),
                "acme/sandbox/box",
                bare.json().get("secret").asText()));
  }

  private static void adminAndSdkTokens() {
    for (String org : List.of("acme", "globex")) {
      Res token =
          created(root.post("/v1/orgs/" + org + "/tokens", q("{'name':'org','kind':'admin'}")));
      SUBJECTS
          .get(Kind.ORG_ADMIN_TOKEN)
          .add(
              subject(
                  "org admin token of " + org,
                  Kind.ORG_ADMIN_TOKEN,
                  List.of(new TestGrant(org, Role.ADMIN)),
                  null,
                  token.json().get("secret").asText()));
    }
    Res envAdmin =
        created(
            root.post(
                "/v1/orgs/acme/tokens",
                q("{'name':'env','kind':'admin','project':'shop','env':'prod'}")));
    SUBJECTS
        .get(Kind.ENV_ADMIN_TOKEN)
        .add(
            subject(
                "admin token of acme/shop/prod",
                Kind.ENV_ADMIN_TOKEN,
                List.of(new TestGrant("acme/shop/prod", Role.ADMIN)),
                "acme/shop/prod",
                envAdmin.json().get("secret").asText()));
    for (String env :
        List.of("acme/shop/prod", "acme/shop/dev", "acme/other/prod", "globex/shop/prod")) {
      String[] keys = env.split("/");
      Res sdk =
          created(
              root.post(
                  "/v1/orgs/" + keys[0] + "/tokens",
                  q(
                      "{'name':'sdk','kind':'sdk','project':'"
                          + keys[1]
                          + "','env':'"
                          + keys[2]
                          + "'}")));
      // An SDK token cannot be given a role.
      Res refused =
          root.post(
              "/v1/orgs/" + keys[0] + "/members",
              q("{'token':" + sdk.json().get("id").asText() + ",'role':'viewer'}"));
      assertThat(refused.status()).as(refused.body()).isEqualTo(422);
      SUBJECTS
          .get(Kind.SDK_TOKEN)
          .add(
              subject(
                  "sdk token of " + env,
                  Kind.SDK_TOKEN,
                  List.of(),
                  env,
                  sdk.json().get("secret").asText()));
    }
  }

  @AfterAll
  static void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
    if (server != null) {
      server.close();
    }
    if (idp != null) {
      idp.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @TestFactory
  Stream<DynamicNode> everyRouteEveryRoleEveryScopeEveryKindOfCaller() {
    Map<String, Access> table = server.accessPolicy().table();
    List<DynamicNode> routes = new ArrayList<>();
    for (Route route : server.routes()) {
      String name = route.method() + " " + route.template();
      List<DynamicNode> kinds = new ArrayList<>();
      for (Map.Entry<Kind, List<Subject>> group : SUBJECTS.entrySet()) {
        kinds.add(
            DynamicTest.dynamicTest(
                name + " as " + group.getKey(), () -> check(table, route, group.getValue())));
      }
      routes.add(DynamicContainer.dynamicContainer(name, kinds.stream()));
    }
    assertThat(routes).as("routes under test").hasSizeGreaterThan(60);
    int subjects = SUBJECTS.values().stream().mapToInt(List::size).sum();
    assertThat(subjects).as("callers").isGreaterThan(70);
    return routes.stream();
  }

  /**
   * The table itself: every /v1 route has a rule; nothing that changes a resource of an
   * organisation is open to viewers; tokens, members and the audit log need admins.
   */
  @Test
  void everyRouteHasARuleAndWritesNeedMoreThanViewers() {
    Map<String, Access> table = server.accessPolicy().table();
    for (Route route : server.routes()) {
      String key = route.method() + " " + route.template();
      if (ExpectedAccess.BUILT_IN_PUBLIC.contains(route.template())
          || ExpectedAccess.BUILT_IN_ADMIN_ONLY.contains(route.template())) {
        assertThat(table).as(key).doesNotContainKey(key);
        continue;
      }
      Access access = table.get(key);
      assertThat(access).as("rule of " + key).isNotNull();
      if (route.template().startsWith("/v1/orgs/{org}") && !route.method().equals("GET")) {
        assertThat(access.minimumRole()).as(key).isPresent();
        assertThat(access.minimumRole().get().covers(Role.EDITOR)).as(key).isTrue();
      }
      if (route.template().matches("/v1/orgs/\\{org}/(tokens|members|audit).*")
          && !(route.method().equals("GET") && route.template().endsWith("/members"))) {
        assertThat(access).as(key).isEqualTo(Access.ORG_ADMIN);
      }
    }
    assertThat(table.get("DELETE /v1/orgs/{org}")).isEqualTo(Access.ORG_OWNER);
    assertThat(table.get("POST /v1/auth/login")).isEqualTo(Access.PUBLIC);
  }

  /** Sends the route's request as each subject, in parallel, and lists every wrong answer. */
  private static void check(Map<String, Access> table, Route route, List<Subject> subjects)
      throws InterruptedException {
    Map<String, String> params = params(route.template());
    String path = path(route.template(), params);
    List<Future<String>> answers = new ArrayList<>();
    for (Subject subject : subjects) {
      boolean expected =
          ExpectedAccess.allowed(table, route.method(), route.template(), params, subject);
      answers.add(pool.submit(() -> verdict(route, path, subject, expected)));
    }
    List<String> wrong = new ArrayList<>();
    for (Future<String> answer : answers) {
      try {
        String problem = answer.get();
        if (problem != null) {
          wrong.add(problem);
        }
      } catch (ExecutionException e) {
        wrong.add(e.getCause().toString());
      }
    }
    assertThat(wrong)
        .as(
            route.method()
                + " "
                + path
                + " ("
                + table.get(route.method() + " " + route.template())
                + ")")
        .isEmpty();
  }

  /** One call: null when the answer matches the expectation, else what went wrong. */
  private static String verdict(Route route, String path, Subject subject, boolean expected) {
    String bearer = subject.bearer();
    if (route.template().equals("/v1/auth/logout") && subject.kind() == Kind.USER_SESSION) {
      // Signing out revokes the session: use a fresh one so the subject's own stays valid.
      bearer = login(EMAIL_BY_SESSION.get(subject.bearer()));
    }
    Answer answer = send(route.method(), path, bearer);
    String got = answer.status() + " " + abbreviate(answer.body());
    if (answer.status() >= 500) {
      return subject + ": server error " + got;
    }
    if (answer.status() == 401) {
      return subject + ": 401 for a valid credential: " + got;
    }
    boolean denied = answer.status() == 403;
    if (denied == expected) {
      return subject + ": expected " + (expected ? "allowed" : "403") + ", got " + got;
    }
    return null;
  }

  private record Answer(int status, String body) {}

  private static Answer send(String method, String path, String bearer) {
    boolean body = Set.of("POST", "PUT", "PATCH").contains(method);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + bearer)
            .header("If-Match", STALE)
            .method(
                method,
                body
                    ? HttpRequest.BodyPublishers.ofString(PROBE_BODY)
                    : HttpRequest.BodyPublishers.noBody());
    if (body) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<InputStream> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        String type = response.headers().firstValue("content-type").orElse("");
        String text =
            type.startsWith("text/event-stream")
                ? "(event stream)"
                : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(response.statusCode(), text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The path parameters of a template, from the fixtures. */
  private static Map<String, String> params(String template) {
    Map<String, String> params = new LinkedHashMap<>();
    String previous = "";
    for (String segment : template.substring(1).split("/", -1)) {
      if (segment.startsWith("{") && segment.endsWith("}")) {
        String name = segment.substring(1, segment.length() - 1);
        String value = PARAMS.get(previous + "/" + segment);
        if (value == null) {
          value = PARAMS.get(name);
        }
        assertThat(value).as("a value for " + segment + " of " + template).isNotNull();
        params.put(name, value);
      }
      previous = segment;
    }
    return params;
  }

  private static String path(String template, Map<String, String> params) {
    String path = template;
    for (Map.Entry<String, String> p : params.entrySet()) {
      path = path.replace("{" + p.getKey() + "}", p.getValue());
    }
    return template.equals("/debug/jfr") ? path + "?seconds=1" : path;
  }

  private static Subject subject(
      String label, Kind kind, List<TestGrant> grants, String boundEnv, String bearer) {
    return new Subject(label, kind, grants, Optional.ofNullable(boundEnv), bearer);
  }

  private static void environment(String org, String project, String env) {
    String projects = "/v1/orgs/" + org + "/projects";
    if (root.get(projects + "/" + project).status() == 404) {
      created(root.post(projects, q("{'key':'" + project + "','name':'" + project + "'}")));
    }
    created(
        root.post(
            projects + "/" + project + "/environments",
            q("{'key':'" + env + "','name':'" + env + "'}")));
  }

  private static void createUser(String email) {
    created(
        root.post(
            "/v1/users",
            q("{'email':'" + email + "','displayName':'M','password':'" + PASSWORD + "'}")));
  }

  /** Binds at a scope path; {@code body} is the binding without its scope and closing brace. */
  private static void bind(String scope, String body, int status) {
    String[] keys = scope.split("/");
    StringBuilder json = new StringBuilder(body);
    if (keys.length > 1) {
      json.append(",'project':'").append(keys[1]).append('\'');
    }
    if (keys.length > 2) {
      json.append(",'env':'").append(keys[2]).append('\'');
    }
    json.append('}');
    Res res = root.post("/v1/orgs/" + keys[0] + "/members", q(json.toString()));
    assertThat(res.status()).as(res.body()).isEqualTo(status);
  }

  private static String login(String email) {
    Res res =
        root.as(null)
            .post("/v1/auth/login", q("{'email':'" + email + "','password':'" + PASSWORD + "'}"));
    assertThat(res.status()).as(res.body()).isEqualTo(200);
    return res.json().get("token").asText();
  }

  private static Res created(Res res) {
    assertThat(res.status()).as(res.body()).isEqualTo(201);
    return res;
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private static String q(String json) {
    return json.replace('\'', '"');
  }
}
