package dev.ff.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.ControlPlaneConfig;
import dev.ff.control.ControlPlaneServer;
import dev.ff.edge.EdgeConfig;
import dev.ff.edge.EdgeServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real control plane on a fresh PostgreSQL database ({@code ff.test.pg.url}, dropped on close),
 * seeded with organisation {@code acme}, project {@code shop}, environment {@code prod}, an admin
 * token and an SDK token; helpers for its REST API.
 */
final class RealControlPlane implements AutoCloseable {
  static final String SIGNING_KID = "k1";
  static final String SIGNING_SECRET = "sdk-e2e-secret";
  static final String ENV = "/v1/orgs/acme/projects/shop/environments/prod";
  private static final String ADMIN_URL =
      System.getProperty("ff.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String PG_USER = System.getProperty("ff.test.pg.user", "postgres");
  private static final String ROOT = "root-token-for-sdk-tests";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String dbName;
  final ControlPlaneServer server;
  final String adminToken;
  final String sdkToken;
  private final List<EdgeServer> edges = new ArrayList<>();

  /**
   * Creates the database, starts the control plane and seeds it.
   *
   * @throws Exception when PostgreSQL or the server cannot start
   */
  RealControlPlane() throws Exception {
    dbName = "ff_test_sdk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    sql("CREATE DATABASE " + dbName);
    ControlPlaneServer started = null;
    try {
      started =
          new ControlPlaneServer(
                  ControlPlaneConfig.defaults()
                      .withPort(0)
                      .withDataDir(Files.createTempDirectory("ff-sdk-e2e"))
                      .withDatabase(
                          ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + dbName,
                          PG_USER,
                          null)
                      .withAdminToken(ROOT)
                      .withSigningKeys(SIGNING_KID + ":" + SIGNING_SECRET)
                      .withTokenPepper("pepper-for-sdk-tests-0123456789")
                      .withRateLimit(10_000, 20_000))
              .start();
      server = started;
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
    } catch (Exception | Error e) {
      if (started != null) {
        started.close();
      }
      sql("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
      throw e;
    }
  }

  /**
   * The control plane's base URL.
   *
   * @return e.g. {@code http://127.0.0.1:41234}
   */
  String url() {
    return server.url();
  }

  /**
   * The environment's bucketing salt, from its published config.
   *
   * @return the salt
   */
  String salt() throws Exception {
    return call(adminToken, "GET", ENV + "/config", null, 200).get("salt").asText();
  }

  /**
   * The settings of an edge that follows this control plane for {@code prod} with the SDK token, on
   * a free port, with short backoff and poll periods for tests.
   *
   * @return the edge settings
   */
  EdgeConfig edgeConfig() {
    return EdgeConfig.defaults()
        .withPort(0)
        .withControlUrl(url())
        .withEnvironments(Map.of("prod", sdkToken))
        .withSigningKeys(SIGNING_KID + ":" + SIGNING_SECRET)
        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
        .withPollInterval(Duration.ofMillis(200));
  }

  /**
   * Starts an edge and waits until it serves; {@link #close()} stops it before the control plane.
   *
   * @param config its settings, usually from {@link #edgeConfig()}
   * @return the ready edge
   */
  EdgeServer startEdge(EdgeConfig config) {
    EdgeServer edge = new EdgeServer(config).start();
    edges.add(edge);
    await().atMost(Duration.ofSeconds(20)).until(edge::allReady);
    return edge;
  }

  /**
   * Creates the boolean flag {@code new-checkout}: rule {@code ramp}, a rollout of {@code onWeight}
   * of 10000 buckets to {@code on}, the rest {@code off}.
   */
  void createRolloutFlag(int onWeight) throws Exception {
    call(
        adminToken,
        "POST",
        ENV + "/flags",
        "{'key':'new-checkout','type':'boolean','enabled':true,"
            + "'variations':[{'key':'off','value':false},{'key':'on','value':true}],"
            + "'offVariation':'off','defaultVariation':'off','rules':["
            + rampRule(onWeight)
            + "]}",
        201);
  }

  static String rampRule(int onWeight) {
    return "{'id':'ramp','if':{'all':[]},'then':{'rollout':{'variations':["
        + "{'variation':'on','weight':"
        + onWeight
        + "},{'variation':'off','weight':"
        + (10_000 - onWeight)
        + "}]}}}";
  }

  /**
   * Merge-patches flag {@code new-checkout}.
   *
   * @param flagVersion the flag's current version ({@code If-Match})
   * @param singleQuotedPatch the patch, with single quotes for double quotes
   */
  void patchFlag(int flagVersion, String singleQuotedPatch) throws Exception {
    HttpRequest patch =
        HttpRequest.newBuilder(URI.create(url() + ENV + "/flags/new-checkout"))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/merge-patch+json")
            .header("If-Match", "\"" + flagVersion + "\"")
            .method(
                "PATCH", HttpRequest.BodyPublishers.ofString(singleQuotedPatch.replace('\'', '"')))
            .build();
    HttpResponse<String> patched = HTTP.send(patch, HttpResponse.BodyHandlers.ofString());
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
  }

  /**
   * Publishes environment {@code prod}.
   *
   * @return the published config version
   */
  long publish() throws Exception {
    call(adminToken, "POST", ENV + "/publish", null, 201);
    return call(adminToken, "GET", ENV + "/config", null, 200).get("version").asLong();
  }

  JsonNode call(String token, String method, String path, String body, int status)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url() + path))
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

  private static void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, PG_USER, null);
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      edges.forEach(EdgeServer::close);
      server.close();
    } finally {
      sql("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
    }
  }
}
