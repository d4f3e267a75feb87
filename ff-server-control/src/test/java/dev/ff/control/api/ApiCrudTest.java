package dev.ff.control.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.ControlPlaneServer;
import dev.ff.control.Fixtures;
import dev.ff.control.TestDatabase;
import dev.ff.control.api.ApiClient.Res;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CRUD of every resource through HTTP, with the error cases of the contract. */
class ApiCrudTest {

  private static final String ENV = "/v1/orgs/acme/projects/shop/environments/prod";

  private static TestDatabase db;
  private static ControlPlaneServer server;
  private static ApiClient root;
  private static ApiClient admin;
  private static String sdkToken;

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    server = TestServers.start(db);
    root = new ApiClient(server.url(), TestServers.ROOT_TOKEN);
    assertThat(root.post("/v1/orgs", q("{'key':'acme','name':'Acme'}")).status()).isEqualTo(201);
    assertThat(root.post("/v1/orgs", q("{'key':'other','name':'Other'}")).status()).isEqualTo(201);
    Res token = root.post("/v1/orgs/acme/tokens", q("{'name':'ci','kind':'admin'}"));
    assertThat(token.status()).isEqualTo(201);
    admin = root.as(token.json().get("secret").asText());
    assertThat(admin.post("/v1/orgs/acme/projects", q("{'key':'shop','name':'Shop'}")).status())
        .isEqualTo(201);
    assertThat(
            admin
                .post(
                    "/v1/orgs/acme/projects/shop/environments",
                    q("{'key':'prod','name':'Prod','prod':true}"))
                .status())
        .isEqualTo(201);
    sdkToken =
        admin
            .post(
                "/v1/orgs/acme/tokens",
                q("{'name':'web','kind':'sdk','project':'shop','env':'prod'}"))
            .json()
            .get("secret")
            .asText();
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

  static String q(String json) {
    return json.replace('\'', '"');
  }

  @Test
  void debugRoutes_onlyTheBootstrapAdminMayCallThem() {
    Res dump = root.get("/debug/threads");
    assertThat(dump.status()).isEqualTo(200);
    assertThat(dump.body()).contains("ff-io");
    assertThat(root.get("/debug/jfr?seconds=0").status()).isEqualTo(400);
    assertThat(admin.get("/debug/threads").status()).isEqualTo(403);
    assertThat(admin.get("/debug/jfr?seconds=1").status()).isEqualTo(403);
    assertThat(root.as(sdkToken).get("/debug/threads").status()).isEqualTo(403);
    assertThat(root.as(null).get("/debug/threads").status()).isEqualTo(401);
  }

  @Test
  void orgsProjectsAndEnvironmentsRoundTrip() {
    Res org = admin.get("/v1/orgs/acme");
    assertThat(org.status()).isEqualTo(200);
    assertThat(org.json().get("name").asText()).isEqualTo("Acme");
    Res renamed = admin.patch("/v1/orgs/acme", q("{'name':'Acme Inc'}"), "If-Match", org.etag());
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().at("/meta/version").asLong()).isEqualTo(2);
    assertThat(renamed.etag()).isEqualTo("\"2\"");

    Res project = admin.post("/v1/orgs/acme/projects", q("{'key':'blog','name':'Blog'}"));
    assertThat(project.status()).isEqualTo(201);
    assertThat(project.header("Location")).isEqualTo("/v1/orgs/acme/projects/blog");
    assertThat(project.etag()).isEqualTo("\"1\"");
    assertThat(admin.get("/v1/orgs/acme/projects/blog").json().get("name").asText())
        .isEqualTo("Blog");
    Res projectPatched =
        admin.patch("/v1/orgs/acme/projects/blog", q("{'name':'The Blog'}"), "If-Match", "\"1\"");
    assertThat(projectPatched.json().get("name").asText()).isEqualTo("The Blog");
    Res env =
        admin.post(
            "/v1/orgs/acme/projects/blog/environments", q("{'key':'dev','name':'Development'}"));
    assertThat(env.status()).isEqualTo(201);
    assertThat(env.json().get("salt").asText()).hasSize(32);
    assertThat(admin.get("/v1/orgs/acme/projects/blog/environments").json().get("items"))
        .hasSize(1);
    Res envPatched =
        admin.patch(
            "/v1/orgs/acme/projects/blog/environments/dev",
            q("{'name':'Dev'}"),
            "If-Match",
            "\"1\"");
    assertThat(envPatched.json().get("name").asText()).isEqualTo("Dev");
    assertThat(admin.get("/v1/orgs/acme/projects/blog/environments/dev").etag()).isEqualTo("\"2\"");

    Res archived = admin.delete("/v1/orgs/acme/projects/blog", "If-Match", "\"2\"");
    assertThat(archived.status()).isEqualTo(200);
    assertThat(archived.json().at("/meta/archived").asBoolean()).isTrue();
    assertThat(keys(admin.get("/v1/orgs/acme/projects"))).containsExactly("shop");
    assertThat(keys(admin.get("/v1/orgs/acme/projects?archived=true"))).containsExactly("blog");
    assertThat(keys(admin.get("/v1/orgs/acme/projects?archived=all")))
        .containsExactly("blog", "shop");
    Res restored = admin.post("/v1/orgs/acme/projects/blog/restore", null, "If-Match", "\"3\"");
    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.json().at("/meta/archived").asBoolean()).isFalse();

    Res envArchived =
        admin.delete("/v1/orgs/acme/projects/blog/environments/dev", "If-Match", "\"2\"");
    assertThat(envArchived.json().at("/meta/archived").asBoolean()).isTrue();
    assertThat(
            admin
                .post(
                    "/v1/orgs/acme/projects/blog/environments/dev/restore",
                    null,
                    "If-Match",
                    "\"3\"")
                .status())
        .isEqualTo(200);

    assertThat(keys(root.get("/v1/orgs"))).contains("acme", "other");
    Res tmp = root.post("/v1/orgs", q("{'key':'tmp','name':'Tmp'}"));
    assertThat(root.delete("/v1/orgs/tmp", "If-Match", tmp.etag()).status()).isEqualTo(200);
    assertThat(root.post("/v1/orgs/tmp/restore", null, "If-Match", "\"2\"").status())
        .isEqualTo(200);
  }

  @Test
  void flagsCrudWithTagsAndPagination() {
    for (int i = 0; i < 5; i++) {
      var flag = Fixtures.booleanFlag("page-" + i);
      flag.putArray("tags").add(i % 2 == 0 ? "even" : "odd");
      Res created = admin.post(ENV + "/flags", flag.toString());
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.header("Location")).isEqualTo(ENV + "/flags/page-" + i);
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Res page =
          admin.get(
              ENV + "/flags?prefix=page-&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).isEqualTo(200);
      seen.addAll(keys(page));
      JsonNode next = page.json().get("nextCursor");
      cursor = next.isNull() ? null : next.asText();
      pages++;
    } while (cursor != null);
    assertThat(seen).containsExactly("page-0", "page-1", "page-2", "page-3", "page-4");
    assertThat(pages).isEqualTo(3);
    assertThat(keys(admin.get(ENV + "/flags?prefix=page-&tag=odd")))
        .containsExactly("page-1", "page-3");

    Res got = admin.get(ENV + "/flags/page-0");
    assertThat(got.etag()).isEqualTo("\"1\"");
    Res updated =
        admin.patch(
            ENV + "/flags/page-0", q("{'enabled':false,'tags':['x']}"), "If-Match", "\"1\"");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("enabled").asBoolean()).isFalse();
    assertThat(updated.json().get("tags")).hasSize(1);
    assertThat(admin.delete(ENV + "/flags/page-0", "If-Match", "\"2\"").status()).isEqualTo(200);
    assertThat(admin.post(ENV + "/flags/page-0/restore", null, "If-Match", "\"3\"").status())
        .isEqualTo(200);
  }

  @Test
  void ifMatchIsRequiredAndChecked() {
    admin.post(ENV + "/flags", Fixtures.booleanFlag("guarded").toString());
    Res missing = admin.patch(ENV + "/flags/guarded", q("{'enabled':false}"));
    assertThat(missing.status()).isEqualTo(428);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    Res stale = admin.patch(ENV + "/flags/guarded", q("{'enabled':false}"), "If-Match", "\"7\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.etag()).isEqualTo("\"1\"");
    assertThat(stale.json().get("detail").asText()).contains("version 1");
    assertThat(admin.delete(ENV + "/flags/guarded").status()).isEqualTo(428);
    Res malformed = admin.patch(ENV + "/flags/guarded", "{}", "If-Match", "yesterday");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/errors/0/path").asText()).isEqualTo("/If-Match");
  }

  @Test
  void badInputAnswers4xxWithPointers() {
    var bad = Fixtures.booleanFlag("bad-rule");
    bad.set(
        "rules",
        Fixtures.json("{'r':[{'id':'r1','if':{'attribute':'x','op':'nope'},'then':{}}]}").get("r"));
    Res invalid = admin.post(ENV + "/flags", bad.toString());
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().get("type").asText()).isEqualTo("urn:ff:problem:validation");
    assertThat(invalid.json().get("errors")).isNotEmpty();
    invalid
        .json()
        .get("errors")
        .forEach(e -> assertThat(e.get("path").asText()).startsWith("/rules/0"));

    Res malformed = admin.post(ENV + "/flags", "{\"key\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/errors/0/path").asText()).isEmpty();

    Res wrongType = admin.post("/v1/orgs/acme/projects", q("{'key':'p1','name':42}"));
    assertThat(wrongType.status()).isEqualTo(422);
    assertThat(wrongType.json().at("/errors/0/path").asText()).isEqualTo("/name");

    Res unknown = admin.post("/v1/orgs/acme/projects", q("{'key':'p2','name':'P','color':'red'}"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().at("/errors/0/path").asText()).isEqualTo("/color");

    Res notObject = admin.post("/v1/orgs/acme/projects", "[1,2]");
    assertThat(notObject.status()).isEqualTo(422);

    Res badLimit = admin.get(ENV + "/flags?limit=many");
    assertThat(badLimit.status()).isEqualTo(422);
    assertThat(badLimit.json().at("/errors/0/path").asText()).isEqualTo("/limit");
    assertThat(admin.get(ENV + "/flags?archived=maybe").status()).isEqualTo(422);

    String huge = "{\"key\":\"big\",\"name\":\"" + "x".repeat(TestServers.MAX_BODY) + "\"}";
    assertThat(admin.post("/v1/orgs/acme/projects", huge).status()).isEqualTo(413);

    Res duplicate = admin.post("/v1/orgs/acme/projects", q("{'key':'shop','name':'Again'}"));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(admin.get(ENV + "/flags/nope").status()).isEqualTo(404);
    assertThat(admin.get("/v1/orgs/acme/projects/nope/environments").status()).isEqualTo(404);
    assertThat(admin.get("/v1/orgs/acme/tokens/abc").status()).isEqualTo(404);
  }

  @Test
  void authenticationAndAuthorization() {
    assertThat(root.as(null).get("/v1/orgs/acme").status()).isEqualTo(401);
    Res bad = root.as("ffa_not-a-real-token").get("/v1/orgs/acme");
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(root.as(null).get("/v1/orgs/acme", "Authorization", "Basic abc").status())
        .isEqualTo(401);

    Res expiring =
        admin.post(
            "/v1/orgs/acme/tokens",
            q("{'name':'short','kind':'admin','expiresAt':'2999-01-01T00:00:00Z'}"));
    String shortSecret = expiring.json().get("secret").asText();
    assertThat(root.as(shortSecret).get("/v1/orgs/acme").status()).isEqualTo(200);
    long id = expiring.json().get("id").asLong();
    assertThat(admin.delete("/v1/orgs/acme/tokens/" + id).status()).isEqualTo(200);
    assertThat(root.as(shortSecret).get("/v1/orgs/acme").status()).isEqualTo(401);
    assertThat(admin.delete("/v1/orgs/acme/tokens/" + id).status()).isEqualTo(409);

    ApiClient sdk = root.as(sdkToken);
    assertThat(sdk.get(ENV + "/flags").status()).isEqualTo(403);
    assertThat(sdk.post(ENV + "/publish", null).status()).isEqualTo(403);
    assertThat(sdk.get("/v1/orgs/acme").status()).isEqualTo(403);

    assertThat(admin.get("/v1/orgs/other").status()).isEqualTo(403);
    assertThat(admin.get("/v1/orgs/other/projects").status()).isEqualTo(403);
    assertThat(admin.post("/v1/orgs", q("{'key':'mine','name':'Mine'}")).status()).isEqualTo(403);
    assertThat(admin.get("/v1/orgs").status()).isEqualTo(403);
  }

  @Test
  void segmentsMetricsAndExperiments() {
    Res segment = admin.post(ENV + "/segments", Fixtures.segment("beta", "u1").toString());
    assertThat(segment.status()).isEqualTo(201);
    assertThat(admin.get(ENV + "/segments/beta").json().get("included")).hasSize(1);
    assertThat(
            admin
                .patch(ENV + "/segments/beta", q("{'included':['u1','u2']}"), "If-Match", "\"1\"")
                .json()
                .get("included"))
        .hasSize(2);
    assertThat(keys(admin.get(ENV + "/segments"))).contains("beta");
    assertThat(admin.delete(ENV + "/segments/beta", "If-Match", "\"2\"").status()).isEqualTo(200);
    assertThat(admin.post(ENV + "/segments/beta/restore", null, "If-Match", "\"3\"").status())
        .isEqualTo(200);

    String metrics = "/v1/orgs/acme/projects/shop/metrics";
    Res metric =
        admin.post(
            metrics,
            q(
                "{'key':'checkout','name':'Checkout','kind':'proportion','events':['checkout'],"
                    + "'direction':'increase'}"));
    assertThat(metric.status()).isEqualTo(201);
    assertThat(keys(admin.get(metrics))).containsExactly("checkout");
    assertThat(admin.get(metrics + "/checkout").json().get("kind").asText())
        .isEqualTo("proportion");
    assertThat(
            admin
                .patch(metrics + "/checkout", q("{'name':'Checkouts'}"), "If-Match", "\"1\"")
                .status())
        .isEqualTo(200);
    assertThat(admin.delete(metrics + "/checkout", "If-Match", "\"2\"").status()).isEqualTo(200);
    assertThat(admin.post(metrics + "/checkout/restore", null, "If-Match", "\"3\"").status())
        .isEqualTo(200);

    admin.post(ENV + "/flags", Fixtures.booleanFlag("exp-flag").toString());
    Res experiment =
        admin.post(
            ENV + "/experiments",
            q(
                "{'key':'exp1','flag':'exp-flag','variations':[{'variation':'off','weight':5000},"
                    + "{'variation':'on','weight':5000}],'primaryMetric':'checkout'}"));
    assertThat(experiment.status()).isEqualTo(201);
    assertThat(experiment.json().get("status").asText()).isEqualTo("draft");
    assertThat(
            admin
                .patch(ENV + "/experiments/exp1", q("{'hypothesis':'more'}"), "If-Match", "\"1\"")
                .status())
        .isEqualTo(200);
    assertThat(keys(admin.get(ENV + "/experiments?status=draft"))).containsExactly("exp1");
    assertThat(admin.get(ENV + "/experiments/exp1").json().get("hypothesis").asText())
        .isEqualTo("more");
    assertThat(admin.post(ENV + "/experiments/exp1/start", null).status()).isEqualTo(428);
    Res started = admin.post(ENV + "/experiments/exp1/start", null, "If-Match", "\"2\"");
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.json().get("status").asText()).isEqualTo("running");
    assertThat(admin.post(ENV + "/experiments/exp1/start", null, "If-Match", "\"3\"").status())
        .isEqualTo(409);
    Res stopped =
        admin.post(ENV + "/experiments/exp1/stop", q("{'winner':'on'}"), "If-Match", "\"3\"");
    assertThat(stopped.status()).isEqualTo(200);
    assertThat(stopped.json().get("winner").asText()).isEqualTo("on");
    assertThat(admin.get(ENV + "/flags/exp-flag").json().get("defaultVariation").asText())
        .isEqualTo("on");
    Res draft =
        admin.post(
            ENV + "/experiments",
            q(
                "{'key':'exp2','flag':'exp-flag','variations':[{'variation':'off','weight':5000},"
                    + "{'variation':'on','weight':5000}]}"));
    assertThat(draft.status()).as(draft.body()).isEqualTo(201);
    assertThat(admin.delete(ENV + "/experiments/exp2", "If-Match", draft.etag()).status())
        .isEqualTo(200);
    assertThat(admin.post(ENV + "/experiments/exp2/restore", null, "If-Match", "\"2\"").status())
        .isEqualTo(200);
  }

  @Test
  void tokensMembersUsersAndAudit() {
    Res created =
        admin.post(
            "/v1/orgs/acme/tokens",
            q("{'name':'deploy','kind':'admin'}"),
            "X-Correlation-Id",
            "corr-123");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("secret").asText()).startsWith("ffa_");
    long id = created.json().get("id").asLong();
    Res read = admin.get("/v1/orgs/acme/tokens/" + id);
    assertThat(read.json().has("secret")).isFalse();
    assertThat(admin.get("/v1/orgs/acme/tokens").json().get("items").size()).isGreaterThan(1);
    Res rotated = admin.post("/v1/orgs/acme/tokens/" + id + "/rotate", q("{'overlapSeconds':0}"));
    assertThat(rotated.status()).isEqualTo(201);
    assertThat(rotated.json().get("rotatedFrom").asLong()).isEqualTo(id);
    assertThat(root.as(rotated.json().get("secret").asText()).get("/v1/orgs/acme").status())
        .isEqualTo(200);
    assertThat(root.as(created.json().get("secret").asText()).get("/v1/orgs/acme").status())
        .isEqualTo(401);
    assertThat(admin.get("/v1/orgs/acme/tokens?includeRevoked=true").json().get("items").size())
        .isGreaterThan(1);

    Res user = admin.post("/v1/users", q("{'email':'bob@example.com','displayName':'Bob'}"));
    assertThat(user.status()).isEqualTo(201);
    assertThat(admin.get("/v1/users/bob@example.com").json().get("displayName").asText())
        .isEqualTo("Bob");
    assertThat(admin.get("/v1/users/nobody@example.com").status()).isEqualTo(404);
    Res bound =
        admin.post("/v1/orgs/acme/members", q("{'user':'bob@example.com','role':'editor'}"));
    assertThat(bound.status()).isEqualTo(201);
    String member = "/v1/orgs/acme/members/" + bound.json().get("id").asLong();
    assertThat(keysOf(admin.get("/v1/orgs/acme/members"), "subject")).contains("bob@example.com");
    Res promoted = admin.patch(member, q("{'role':'admin'}"), "If-Match", bound.etag());
    assertThat(promoted.json().get("role").asText()).isEqualTo("admin");
    assertThat(admin.patch(member, q("{'role':'boss'}"), "If-Match", promoted.etag()).status())
        .isEqualTo(422);
    assertThat(admin.delete(member, "If-Match", promoted.etag()).status()).isEqualTo(204);

    Res audit = admin.get("/v1/orgs/acme/audit?resourceType=token&limit=50");
    assertThat(audit.status()).isEqualTo(200);
    assertThat(audit.json().get("items").findValuesAsText("correlationId")).contains("corr-123");
    assertThat(admin.get("/v1/orgs/acme/audit?from=yesterday").status()).isEqualTo(422);
  }

  private static List<String> keys(Res page) {
    return keysOf(page, "key");
  }

  private static List<String> keysOf(Res page, String member) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    page.json().get("items").forEach(item -> keys.add(item.get(member).asText()));
    return keys;
  }
}
