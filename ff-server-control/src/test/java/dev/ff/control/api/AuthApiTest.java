package dev.ff.control.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.RSAKey;
import dev.ff.control.ControlPlaneServer;
import dev.ff.control.TestDatabase;
import dev.ff.control.TestIdp;
import dev.ff.control.api.ApiClient.Res;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in, sessions, passwords and OIDC over HTTP, every response checked against {@code
 * openapi.yaml}: one server with OIDC trusting a {@link TestIdp}, and one without.
 */
class AuthApiTest {

  private static final String PASSWORD = "s3cret password";
  private static final String ENV = "/v1/orgs/acme/projects/shop/environments/prod";

  private static TestDatabase db;
  private static TestDatabase plainDb;
  private static TestIdp idp;
  private static ControlPlaneServer server;
  private static ControlPlaneServer plain;
  private static ApiClient root;
  private static ApiClient anonymous;

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    plainDb = TestDatabase.create();
    idp = new TestIdp();
    server = TestServers.start(db, TestServers.IDENTITY.withOidc(idp.config()));
    plain = TestServers.start(plainDb);
    root = new ApiClient(server.url(), TestServers.ROOT_TOKEN);
    anonymous = root.as(null);
    ok(root.post("/v1/orgs", q("{'key':'acme','name':'Acme'}")), 201);
    ok(root.post("/v1/orgs/acme/projects", q("{'key':'shop','name':'Shop'}")), 201);
    ok(root.post("/v1/orgs/acme/projects/shop/environments", q("{'key':'prod','name':'P'}")), 201);
    ok(root.post("/v1/orgs", q("{'key':'globex','name':'Globex'}")), 201);
    user("alice@example.com", PASSWORD);
    ok(root.post("/v1/orgs/acme/members", q("{'user':'alice@example.com','role':'editor'}")), 201);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {server, plain, idp, db, plainDb}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // keep closing the others
      }
    }
  }

  private static void user(String email, String password) {
    String body =
        password == null
            ? "{'email':'" + email + "','displayName':'U'}"
            : "{'email':'" + email + "','displayName':'U','password':'" + password + "'}";
    ok(root.post("/v1/users", q(body)), 201);
  }

  private static Res login(String email, String password) {
    return anonymous.post(
        "/v1/auth/login", q("{'email':'" + email + "','password':'" + password + "'}"));
  }

  private static String session(String email, String password) {
    Res res = ok(login(email, password), 200);
    return res.json().get("token").asText();
  }

  @Test
  void login_givesASessionTokenOnce_thatWorksAsABearerToken() {
    Res res = ok(login("alice@example.com", PASSWORD), 200);
    assertThat(res.header("Cache-Control")).isEqualTo("no-store");
    String token = res.json().get("token").asText();
    assertThat(token).startsWith("ffu_");
    assertThat(res.json().at("/user/email").asText()).isEqualTo("alice@example.com");
    assertThat(Instant.parse(res.json().get("expiresAt").asText()))
        .isBetween(Instant.now().plusSeconds(11 * 3600), Instant.now().plusSeconds(13 * 3600));
    ApiClient alice = root.as(token);
    JsonNode me = ok(alice.get("/v1/auth/me"), 200).json();
    assertThat(me.get("kind").asText()).isEqualTo("user-session");
    assertThat(me.at("/user/email").asText()).isEqualTo("alice@example.com");
    assertThat(me.at("/grants/0/role").asText()).isEqualTo("editor");
    assertThat(me.at("/grants/0/scope").asText()).isEqualTo("org");
    assertThat(me.at("/session/id").isIntegralNumber()).isTrue();
    ok(alice.post(ENV + "/flags", dev.ff.control.Fixtures.booleanFlag("by-alice").toString()), 201);
    JsonNode audit = ok(root.get("/v1/orgs/acme/audit?resourceType=flag"), 200).json();
    assertThat(audit.at("/items/0/actorDisplay").asText()).isEqualTo("alice@example.com");
    assertThat(alice.post("/v1/orgs/acme/projects", q("{'key':'p2','name':'P'}")).status())
        .as("editors do not create projects")
        .isEqualTo(403);
    assertThat(alice.get("/v1/orgs/globex").status()).as("another organisation").isEqualTo(403);
  }

  @Test
  void signIn_isRateLimitedPerClientAddress_beforeAnyPasswordIsChecked() {
    TestDatabase limitedDb = TestDatabase.create();
    try (ControlPlaneServer limited =
        TestServers.start(limitedDb, TestServers.IDENTITY.withLoginsPerMinute(3))) {
      ApiClient limitedRoot = new ApiClient(limited.url(), TestServers.ROOT_TOKEN);
      ApiClient stranger = limitedRoot.as(null);
      for (int i = 0; i < 3; i++) {
        Res res =
            ok(
                stranger.post(
                    "/v1/auth/login", q("{'email':'u" + i + "@example.com','password':'x'}")),
                401);
        assertThat(res.header("RateLimit-Limit")).isEqualTo("3");
      }
      Res refused =
          ok(
              stranger.post("/v1/auth/login", q("{'email':'u9@example.com','password':'guess'}")),
              429);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
      // The limit is on sign-in only: the same address still uses the rest of the API.
      ok(limitedRoot.get("/v1/orgs"), 200);
    } finally {
      limitedDb.close();
    }
  }

  @Test
  void failedLogins_lookTheSame_whateverTheReason() {
    user("nopass@example.com", null);
    user("locked@example.com", PASSWORD);
    for (int i = 0; i < 5; i++) {
      ok(login("locked@example.com", "wrong " + i), 401);
    }
    Res wrong = ok(login("alice@example.com", "not the password"), 401);
    Res unknown = ok(login("nobody@example.com", PASSWORD), 401);
    Res noPassword = ok(login("nopass@example.com", PASSWORD), 401);
    Res locked = ok(login("locked@example.com", PASSWORD), 401);
    for (Res res : new Res[] {unknown, noPassword, locked}) {
      assertThat(withoutRequestFields(res)).isEqualTo(withoutRequestFields(wrong));
      assertThat(res.header("WWW-Authenticate")).isEqualTo(wrong.header("WWW-Authenticate"));
    }
    assertThat(wrong.json().get("detail").asText()).isEqualTo(AuthRoutes.LOGIN_FAILED);
    assertThat(anonymous.post("/v1/auth/login", q("{'email':'a@b.c'}")).status()).isEqualTo(422);
    assertThat(anonymous.post("/v1/auth/login", "{").status()).isEqualTo(400);
    assertThat(
            root.as("ffu_garbage")
                .post("/v1/auth/login", q("{'email':'a@b.c','password':'x'}"))
                .status())
        .as("a presented credential must be valid, even on the public route")
        .isEqualTo(401);
  }

  private static JsonNode withoutRequestFields(Res res) {
    ObjectNode json = (ObjectNode) res.json().deepCopy();
    json.remove("correlationId");
    json.remove("instance");
    return json;
  }

  @Test
  void logout_revokesTheSession_andOnlySessionsSignOut() {
    String token = session("alice@example.com", PASSWORD);
    String other = session("alice@example.com", PASSWORD);
    ApiClient alice = root.as(token);
    ok(alice.post("/v1/auth/logout", null), 204);
    assertThat(alice.get("/v1/auth/me").status()).isEqualTo(401);
    assertThat(alice.post("/v1/auth/logout", null).status()).isEqualTo(401);
    ok(root.as(other).get("/v1/auth/me"), 200);
    assertThat(root.post("/v1/auth/logout", null).status()).isEqualTo(409);
    assertThat(root.as(idp.token("alice@example.com")).post("/v1/auth/logout", null).status())
        .isEqualTo(409);
  }

  @Test
  void passwordChange_needsTheCurrentPassword_andRevokesTheOtherSessions() {
    user("carol@example.com", PASSWORD);
    String current = session("carol@example.com", PASSWORD);
    String other = session("carol@example.com", PASSWORD);
    ApiClient carol = root.as(current);
    Res wrong =
        ok(
            carol.post(
                "/v1/auth/password", q("{'currentPassword':'nope','newPassword':'brand new one'}")),
            422);
    assertThat(wrong.json().at("/errors/0/path").asText()).isEqualTo("/currentPassword");
    Res weak =
        ok(
            carol.post(
                "/v1/auth/password", q("{'currentPassword':'" + PASSWORD + "','newPassword':'x'}")),
            422);
    assertThat(weak.json().at("/errors/0/path").asText()).isEqualTo("/newPassword");
    ok(
        carol.post(
            "/v1/auth/password",
            q("{'currentPassword':'" + PASSWORD + "','newPassword':'brand new one'}")),
        204);
    ok(carol.get("/v1/auth/me"), 200);
    assertThat(root.as(other).get("/v1/auth/me").status()).isEqualTo(401);
    ok(login("carol@example.com", PASSWORD), 401);
    ok(login("carol@example.com", "brand new one"), 200);
    assertThat(
            root.post("/v1/auth/password", q("{'currentPassword':'a','newPassword':'long enough'}"))
                .status())
        .as("the root admin has no password")
        .isEqualTo(409);
  }

  @Test
  void adminsSetPasswords_onlyOfUsersTheyHaveAuthorityOver() {
    user("dave@example.com", null);
    ok(login("dave@example.com", "first password"), 401);
    String acmeAdmin = adminToken("acme");
    String globexAdmin = adminToken("globex");
    Res set =
        ok(
            root.as(acmeAdmin)
                .post("/v1/users/dave@example.com/password", q("{'password':'first password'}")),
            200);
    assertThat(set.etag()).isNotBlank();
    ok(login("dave@example.com", "first password"), 200);
    ok(root.post("/v1/orgs/acme/members", q("{'user':'dave@example.com','role':'viewer'}")), 201);
    assertThat(
            root.as(globexAdmin)
                .post("/v1/users/dave@example.com/password", q("{'password':'hijacked!!'}"))
                .status())
        .as("an admin of another organisation")
        .isEqualTo(403);
    ok(
        root.as(acmeAdmin)
            .post("/v1/users/dave@example.com/password", q("{'password':'second password'}")),
        200);
    assertThat(
            root.as(acmeAdmin)
                .post("/v1/users/nobody@example.com/password", q("{'password':'whatever1'}"))
                .status())
        .isEqualTo(404);
    String alice = session("alice@example.com", PASSWORD);
    assertThat(
            root.as(alice)
                .post("/v1/users/dave@example.com/password", q("{'password':'by an editor'}"))
                .status())
        .as("editors are not admins")
        .isEqualTo(403);
  }

  @Test
  void oidcTokens_mapToTheUserWithTheirEmail() {
    ApiClient viaIdp = root.as(idp.token("alice@example.com"));
    JsonNode me = ok(viaIdp.get("/v1/auth/me"), 200).json();
    assertThat(me.get("kind").asText()).isEqualTo("oidc-user");
    assertThat(me.at("/user/email").asText()).isEqualTo("alice@example.com");
    assertThat(me.at("/oidc/email").asText()).isEqualTo("alice@example.com");
    ok(viaIdp.get(ENV + "/flags"), 200);
    ApiClient ghost = root.as(idp.token("ghost@example.com"));
    JsonNode ghostMe = ok(ghost.get("/v1/auth/me"), 200).json();
    assertThat(ghostMe.has("user")).isFalse();
    assertThat(ghostMe.get("grants")).isEmpty();
    assertThat(ghost.get(ENV + "/flags").status()).as("no user, no roles").isEqualTo(403);
    assertThat(
            root.as(
                    TestIdp.sign(
                        idp.rsa(),
                        TestIdp.claims("alice@example.com")
                            .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                            .build()))
                .get("/v1/auth/me")
                .status())
        .isEqualTo(401);
    RSAKey rotated = idp.newRsaKey();
    assertThat(
            root.as(TestIdp.sign(rotated, TestIdp.claims("alice@example.com").build()))
                .get("/v1/auth/me")
                .status())
        .as("not yet published")
        .isEqualTo(401);
    idp.publish(rotated);
    ok(
        root.as(TestIdp.sign(rotated, TestIdp.claims("alice@example.com").build()))
            .get("/v1/auth/me"),
        200);
    Res unconfigured =
        new ApiClient(plain.url(), idp.token("alice@example.com")).get("/v1/auth/me");
    assertThat(unconfigured.status()).isEqualTo(401);
    assertThat(unconfigured.json().get("detail").asText()).contains("OIDC");
  }

  @Test
  void meTellsTokensWhoTheyAre() {
    JsonNode me = ok(root.get("/v1/auth/me"), 200).json();
    assertThat(me.get("kind").asText()).isEqualTo("root-admin");
    String admin = adminToken("acme");
    JsonNode token = ok(root.as(admin).get("/v1/auth/me"), 200).json();
    assertThat(token.get("kind").asText()).isEqualTo("admin-token");
    assertThat(token.at("/token/org").asText()).isEqualTo("acme");
    assertThat(token.at("/grants/0/role").asText()).isEqualTo("admin");
  }

  private static String adminToken(String org) {
    return ok(root.post("/v1/orgs/" + org + "/tokens", q("{'name':'a','kind':'admin'}")), 201)
        .json()
        .get("secret")
        .asText();
  }

  private static Res ok(Res res, int status) {
    assertThat(res.status()).as(res.body()).isEqualTo(status);
    return res;
  }

  private static String q(String json) {
    return json.replace('\'', '"');
  }
}
