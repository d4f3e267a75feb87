package dev.ff.control.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.ControlPlaneServer;
import dev.ff.control.Fixtures;
import dev.ff.control.TestDatabase;
import dev.ff.control.api.ApiClient.Res;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Role bindings over HTTP: scopes and subjects, the last-owner rule (409 problem+json), who may
 * grant ownership, which tokens may hold roles, and that a rotated token keeps its roles.
 */
class MembersApiTest {

  private static final String PASSWORD = "members password";
  private static final String SHOP = "/v1/orgs/acme/projects/shop";

  private static TestDatabase db;
  private static ControlPlaneServer server;
  private static ApiClient root;

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    server = TestServers.start(db);
    root = new ApiClient(server.url(), TestServers.ROOT_TOKEN);
    for (String org : List.of("acme", "globex", "initech")) {
      ok(root.post("/v1/orgs", q("{'key':'" + org + "','name':'" + org + "'}")), 201);
    }
    for (String project : List.of("shop", "blog")) {
      ok(root.post("/v1/orgs/acme/projects", q("{'key':'" + project + "','name':'P'}")), 201);
      ok(
          root.post(
              "/v1/orgs/acme/projects/" + project + "/environments",
              q("{'key':'prod','name':'Prod'}")),
          201);
    }
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

  private static ApiClient user(String email) {
    ok(
        root.post(
            "/v1/users",
            q("{'email':'" + email + "','displayName':'U','password':'" + PASSWORD + "'}")),
        201);
    Res login =
        root.as(null)
            .post("/v1/auth/login", q("{'email':'" + email + "','password':'" + PASSWORD + "'}"));
    return root.as(ok(login, 200).json().get("token").asText());
  }

  private static Res bind(ApiClient as, String org, String json) {
    return as.post("/v1/orgs/" + org + "/members", q(json));
  }

  @Test
  void theLastOwner_cannotBeRemovedOrDemoted() {
    ApiClient owner = user("owner1@acme.test");
    Res first = ok(bind(root, "acme", "{'user':'owner1@acme.test','role':'owner'}"), 201);
    String firstPath = "/v1/orgs/acme/members/" + first.json().get("id").asText();
    Res removed = ok(owner.delete(firstPath, "If-Match", first.etag()), 409);
    assertThat(removed.header("Content-Type")).startsWith("application/problem+json");
    assertThat(removed.json().get("detail").asText()).contains("at least one owner");
    ok(owner.patch(firstPath, q("{'role':'admin'}"), "If-Match", first.etag()), 409);
    // A project-scoped owner does not count as the organisation's owner.
    user("owner2@acme.test");
    ok(bind(owner, "acme", "{'user':'owner2@acme.test','role':'owner','project':'shop'}"), 201);
    ok(owner.delete(firstPath, "If-Match", first.etag()), 409);
    Res second = ok(bind(owner, "acme", "{'user':'owner2@acme.test','role':'owner'}"), 201);
    ok(owner.patch(firstPath, q("{'role':'admin'}"), "If-Match", first.etag()), 200);
    String secondPath = "/v1/orgs/acme/members/" + second.json().get("id").asText();
    ok(root.delete(secondPath, "If-Match", second.etag()), 409);
  }

  @Test
  void twoOwnersRemovingEachOther_atTheSameTime_leaveOne() throws Exception {
    user("a@initech.test");
    user("b@initech.test");
    Res a = ok(bind(root, "initech", "{'user':'a@initech.test','role':'owner'}"), 201);
    Res b = ok(bind(root, "initech", "{'user':'b@initech.test','role':'owner'}"), 201);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Integer>> removals = new ArrayList<>();
    for (Res binding : List.of(a, b)) {
      removals.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return root.delete(
                        "/v1/orgs/initech/members/" + binding.json().get("id").asText(),
                        "If-Match",
                        binding.etag())
                    .status();
              }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<Integer> removal : removals) {
      statuses.add(removal.get());
    }
    assertThat(statuses).containsExactlyInAnyOrder(204, 409);
    JsonNode members = ok(root.get("/v1/orgs/initech/members"), 200).json().get("items");
    assertThat(members).hasSize(1);
    assertThat(members.get(0).get("role").asText()).isEqualTo("owner");
  }

  @Test
  void onlyOwnersGrantOwnership_butAnAdminMayNameTheFirstOwner() {
    String globexAdmin =
        ok(root.post("/v1/orgs/globex/tokens", q("{'name':'boot','kind':'admin'}")), 201)
            .json()
            .get("secret")
            .asText();
    ApiClient admin = root.as(globexAdmin);
    ApiClient first = user("first@globex.test");
    user("second@globex.test");
    ok(bind(admin, "globex", "{'user':'first@globex.test','role':'owner'}"), 201);
    Res refused = ok(bind(admin, "globex", "{'user':'second@globex.test','role':'owner'}"), 403);
    assertThat(refused.json().get("detail").asText()).contains("owner");
    Res adminBinding =
        ok(bind(admin, "globex", "{'user':'second@globex.test','role':'admin'}"), 201);
    String path = "/v1/orgs/globex/members/" + adminBinding.json().get("id").asText();
    ok(admin.patch(path, q("{'role':'owner'}"), "If-Match", adminBinding.etag()), 403);
    Res promoted =
        ok(first.patch(path, q("{'role':'owner'}"), "If-Match", adminBinding.etag()), 200);
    ok(admin.delete(path, "If-Match", promoted.etag()), 403);
    ok(first.delete(path, "If-Match", promoted.etag()), 204);
  }

  @Test
  void tokensHoldRolesButNotOwnership_sdkTokensNone_andRotationKeepsThem() {
    Res admin =
        ok(
            root.post(
                "/v1/orgs/acme/tokens",
                q("{'name':'ci','kind':'admin','project':'blog','env':'prod'}")),
            201);
    String id = admin.json().get("id").asText();
    ApiClient ci = root.as(admin.json().get("secret").asText());
    assertThat(
            ci.post(SHOP + "/environments/prod/flags", Fixtures.booleanFlag("f").toString())
                .status())
        .as("bound to blog/prod only")
        .isEqualTo(403);
    ok(bind(root, "acme", "{'token':" + id + ",'role':'owner'}"), 422);
    ok(
        bind(root, "acme", "{'token':" + id + ",'role':'editor','project':'shop','env':'prod'}"),
        201);
    ok(ci.post(SHOP + "/environments/prod/flags", Fixtures.booleanFlag("f1").toString()), 201);
    Res sdk =
        ok(
            root.post(
                "/v1/orgs/acme/tokens",
                q("{'name':'sdk','kind':'sdk','project':'shop','env':'prod'}")),
            201);
    Res sdkBinding =
        ok(
            bind(root, "acme", "{'token':" + sdk.json().get("id").asText() + ",'role':'viewer'}"),
            422);
    assertThat(sdkBinding.json().at("/errors/0/path").asText()).isEqualTo("/token");
    Res rotated =
        ok(root.post("/v1/orgs/acme/tokens/" + id + "/rotate", q("{'overlapSeconds':0}")), 201);
    ApiClient next = root.as(rotated.json().get("secret").asText());
    ok(next.post(SHOP + "/environments/prod/flags", Fixtures.booleanFlag("f2").toString()), 201);
    assertThat(ci.get("/v1/auth/me").status()).as("old secret ended").isEqualTo(401);
    JsonNode members = ok(root.get("/v1/orgs/acme/members?limit=200"), 200).json().get("items");
    long bound = 0;
    for (JsonNode m : members) {
      if (m.get("subjectKind").asText().equals("token")
          && m.get("subjectId").asText().equals(rotated.json().get("id").asText())) {
        bound++;
        assertThat(m.get("scope").asText()).isEqualTo("env");
        assertThat(m.get("project").asText()).isEqualTo("shop");
      }
    }
    assertThat(bound).as("bindings carried over to the new token").isEqualTo(1);
  }

  @Test
  void scopedBindings_coverTheirScopeAndWhatIsInsideOnly() {
    ApiClient editor = user("editor@acme.test");
    ok(bind(root, "acme", "{'user':'editor@acme.test','role':'editor','project':'shop'}"), 201);
    ok(
        editor.post(SHOP + "/environments/prod/flags", Fixtures.booleanFlag("scoped").toString()),
        201);
    ok(editor.get(SHOP), 200);
    assertThat(editor.get("/v1/orgs/acme/projects/blog/environments/prod/flags").status())
        .isEqualTo(403);
    assertThat(editor.get("/v1/orgs/acme").status()).as("org scope").isEqualTo(403);
    assertThat(editor.post("/v1/orgs/acme/projects", q("{'key':'x','name':'X'}")).status())
        .isEqualTo(403);
    assertThat(editor.post(SHOP + "/environments", q("{'key':'qa','name':'QA'}")).status())
        .as("editors do not create environments")
        .isEqualTo(403);
    ApiClient envAdmin = user("envadmin@acme.test");
    ok(
        bind(
            root,
            "acme",
            "{'user':'envadmin@acme.test','role':'admin','project':'blog','env':'prod'}"),
        201);
    ok(envAdmin.get("/v1/orgs/acme/projects/blog/environments/prod"), 200);
    assertThat(envAdmin.get("/v1/orgs/acme/projects/blog").status()).isEqualTo(403);
    assertThat(envAdmin.get("/v1/orgs/acme/members").status()).isEqualTo(403);
    ok(bind(root, "acme", "{'user':'envadmin@acme.test','role':'viewer','project':'nope'}"), 404);
    ok(bind(root, "acme", "{'user':'envadmin@acme.test','role':'viewer','env':'prod'}"), 422);
    ok(bind(root, "acme", "{'user':'ghost@acme.test','role':'viewer'}"), 422);
  }

  @Test
  void archivingTheOrganisation_isForOwners() {
    ApiClient admin = user("admin@acme.test");
    ok(bind(root, "acme", "{'user':'admin@acme.test','role':'admin'}"), 201);
    Res org = ok(admin.get("/v1/orgs/acme"), 200);
    ok(admin.patch("/v1/orgs/acme", q("{'name':'Acme Corp'}"), "If-Match", org.etag()), 200);
    assertThat(admin.delete("/v1/orgs/acme", "If-Match", "\"99\"").status()).isEqualTo(403);
  }

  private static Res ok(Res res, int status) {
    assertThat(res.status()).as(res.body()).isEqualTo(status);
    return res;
  }

  private static String q(String json) {
    return json.replace('\'', '"');
  }
}
