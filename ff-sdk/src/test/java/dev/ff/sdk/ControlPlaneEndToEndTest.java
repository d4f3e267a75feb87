package dev.ff.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.ControlPlaneConfig;
import dev.ff.control.ControlPlaneServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real control plane on a fresh PostgreSQL database: create an environment, a % rollout flag and
 * an SDK token, publish; the SDK streams the signed config; a second publish reaches it.
 */
class ControlPlaneEndToEndTest {
  private static final String ADMIN_URL =
      System.getProperty("ff.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String PG_USER = System.getProperty("ff.test.pg.user", "postgres");
  private static final String ROOT = "root-token-for-sdk-tests";
  private static final String SIGNING_SECRET = "sdk-e2e-secret";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static String dbName;
  private static ControlPlaneServer server;
  private static String adminToken;
  private static String sdkToken;

  @BeforeAll
  static void start() throws Exception {
    dbName = "ff_test_sdk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    sql("CREATE DATABASE " + dbName);
    Path data = Files.createTempDirectory("ff-sdk-e2e");
    server =
        new ControlPlaneServer(
                ControlPlaneConfig.defaults()
                    .withPort(0)
                    .withDataDir(data)
                    .withDatabase(
                        ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + dbName,
                        PG_USER,
                        null)
                    .withAdminToken(ROOT)
                    .withSigningKeys("k1:" + SIGNING_SECRET)
                    .withTokenPepper("pepper-for-sdk-tests-0123456789")
                    .withRateLimit(10_000, 20_000))
            .start();
    call(ROOT, "POST", "/v1/orgs", "{'key':'acme','name':'Acme'}", 201);
    adminToken =
        call(ROOT, "POST", "/v1/orgs/acme/tokens", "{'name':'ci','kind':'admin'}", 201)
            .get("secret")
            .asText();
    call(adminToken, "POST", "/v1/orgs/acme/projects", "{'key':'shop','name':'Shop'}", 201);
    call(
        adminToken,
        "POST",
        "/v1/orgs/acme/projects/shop/environments",
        "{'key':'prod','name':'Production'}",
        201);
    sdkToken =
        call(
                adminToken,
                "POST",
                "/v1/orgs/acme/tokens",
                "{'name':'web','kind':'sdk','project':'shop','env':'prod'}",
                201)
            .get("secret")
            .asText();
    call(
        adminToken,
        "POST",
        ENV + "/flags",
        "{'key':'new-checkout','type':'boolean','enabled':true,"
            + "'variations':[{'key':'off','value':false},{'key':'on','value':true}],"
            + "'offVariation':'off','defaultVariation':'off','rules':[{'id':'ramp','if':{'all':[]},"
            + "'then':{'rollout':{'variations':[{'variation':'on','weight':2000},"
            + "{'variation':'off','weight':8000}]}}}]}",
        201);
    call(adminToken, "POST", ENV + "/publish", null, 201);
  }

  private static final String ENV = "/v1/orgs/acme/projects/shop/environments/prod";

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (dbName != null) {
      sql("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
    }
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, PG_USER, null);
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static JsonNode call(String token, String method, String path, String body, int status)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.replace('\'', '"')));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("%s %s → %s", method, path, r.body()).isEqualTo(status);
    return r.body().isEmpty() ? null : TestDocs.MAPPER.readTree(r.body());
  }

  private FfClient.Builder sdk() {
    return FfClient.builder(sdkToken)
        .envKey("prod")
        .endpoint(server.url())
        .signingKey("k1", SIGNING_SECRET)
        .reconnectBackoff(Duration.ofMillis(50), Duration.ofSeconds(1));
  }

  @Test
  void streamsTheRolloutAndASecondPublish() throws Exception {
    try (FfClient client = sdk().events(false).build()) {
      assertThat(client.awaitInitialized(Duration.ofSeconds(10)).isReady()).isTrue();
      long v1 = client.configVersion();
      int on = 0;
      for (int i = 0; i < 2000; i++) {
        EvaluationDetail d =
            client.boolVariationDetail("new-checkout", Context.of("u-" + i), false);
        assertThat(d.errorCode()).isNull();
        assertThat(d.ruleId()).isEqualTo("ramp");
        on += d.value().booleanValue() ? 1 : 0;
      }
      assertThat(on).isBetween(300, 500); // 20% of 2000, give or take

      java.util.concurrent.atomic.AtomicLong changedTo =
          new java.util.concurrent.atomic.AtomicLong();
      client.onChange("new-checkout", e -> changedTo.set(e.version()));
      HttpRequest patch =
          HttpRequest.newBuilder(URI.create(server.url() + ENV + "/flags/new-checkout"))
              .header("Authorization", "Bearer " + adminToken)
              .header("Content-Type", "application/merge-patch+json")
              .header("If-Match", "\"1\"") // the flag's first version
              .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":false}"))
              .build();
      HttpResponse<String> patched = HTTP.send(patch, HttpResponse.BodyHandlers.ofString());
      assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
      call(adminToken, "POST", ENV + "/publish", null, 201);

      await().atMost(Duration.ofSeconds(10)).until(() -> client.configVersion() == v1 + 1);
      assertThat(changedTo.get()).isEqualTo(v1 + 1);
      EvaluationDetail off = client.boolVariationDetail("new-checkout", Context.of("u-1"), true);
      assertThat(off.reason().name()).isEqualTo("DISABLED");
      assertThat(off.value().booleanValue()).isFalse();
    }
  }

  @Test
  void aWrongTokenIsUnauthorized() {
    try (FfClient client =
        FfClient.builder("ffs_wrong").envKey("prod").endpoint(server.url()).events(false).build()) {
      assertThat(client.awaitInitialized(Duration.ofSeconds(10)).state())
          .isEqualTo(InitStatus.State.UNAUTHORIZED);
    }
  }

  @Test
  void eventsToAnAbsentEndpointAreCountedAsDropped() {
    try (FfClient client =
        sdk()
            .eventsEndpoint("http://127.0.0.1:1")
            .exposurePolicy(ExposurePolicy.ALL)
            .flushInterval(Duration.ofMillis(100))
            .eventRetries(2, Duration.ofMillis(50))
            .build()) {
      assertThat(client.awaitInitialized(Duration.ofSeconds(10)).isReady()).isTrue();
      client.boolVariation("new-checkout", Context.of("u-1"), false);
      client.boolVariation("new-checkout", Context.of("u-1"), false); // deduplicated
      client.trackMetric("revenue", Context.of("u-1"), 12.5);
      await().atMost(Duration.ofSeconds(10)).until(() -> client.eventStats().dropped() == 2);
      assertThat(client.eventStats().sent()).isZero();
      assertThat(client.eventStats().deduplicated()).isEqualTo(1);
    }
  }
}
