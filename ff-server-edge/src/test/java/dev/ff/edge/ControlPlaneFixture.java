package dev.ff.edge;

import dev.ff.control.ControlPlaneConfig;
import dev.ff.control.ControlPlaneServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A real control plane on a fresh PostgreSQL database ({@code ff.test.pg.url}), restartable on the
 * same database and port; helpers for the admin API.
 */
final class ControlPlaneFixture implements AutoCloseable {
  static final String ROOT_TOKEN = "root-token-for-edge-tests";
  static final String SIGNING_KEYS = "k1:test-secret-1";
  private static final String ADMIN_URL =
      System.getProperty("ff.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String USER = System.getProperty("ff.test.pg.user", "postgres");

  final String dbName;
  ControlPlaneServer server;
  String adminToken;

  ControlPlaneFixture() {
    dbName =
        "ff_test_edge_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 12)
                .toLowerCase(Locale.ROOT);
    admin("CREATE DATABASE " + dbName);
  }

  ControlPlaneServer start(int port) {
    return start(port, SIGNING_KEYS);
  }

  /** Starts with the given signing keys ({@code kid:secret,...}; the first one signs). */
  ControlPlaneServer start(int port, String signingKeys) {
    String url = jdbcUrl();
    try {
      server =
          new ControlPlaneServer(
                  ControlPlaneConfig.defaults()
                      .withPort(port)
                      .withDataDir(Files.createTempDirectory("ff-edge-cp"))
                      .withDatabase(url, USER, null)
                      .withAdminToken(ROOT_TOKEN)
                      .withSigningKeys(signingKeys)
                      .withTokenPepper("pepper-for-tests-0123456789")
                      .withRateLimit(10_000, 20_000))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server;
  }

  String url() {
    return server.url();
  }

  /**
   * The JDBC URL of this fixture's database, for a control plane started another way (with TLS, or
   * in a child process).
   *
   * @return the URL
   */
  String jdbcUrl() {
    return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + dbName;
  }

  /**
   * The database user.
   *
   * @return the user name
   */
  static String databaseUser() {
    return USER;
  }

  /**
   * Creates an SDK token for the demo seed's {@code shop/production} environment through {@code
   * client} (which carries the TLS settings the control plane needs).
   *
   * @param client the HTTP client
   * @param controlUrl the control plane's base URL
   * @param rootToken the root admin token
   * @return the token's secret
   */
  static String demoSdkToken(HttpClient client, String controlUrl, String rootToken) {
    Http.Res token =
        Http.send(
            client,
            "POST",
            controlUrl + "/v1/orgs/demo/tokens",
            rootToken,
            Http.q("{'name':'edge','kind':'sdk','project':'shop','env':'production'}"));
    if (token.status() != 201) {
      throw new IllegalStateException("token not created: " + token.body());
    }
    return token.json().get("secret").asText();
  }

  /** Creates org acme, project shop and the environments; returns an org admin token. */
  void seed(String... envs) {
    Http.post(url() + "/v1/orgs", ROOT_TOKEN, Http.q("{'key':'acme','name':'Acme'}"));
    adminToken =
        Http.post(
                url() + "/v1/orgs/acme/tokens", ROOT_TOKEN, Http.q("{'name':'ci','kind':'admin'}"))
            .json()
            .get("secret")
            .asText();
    Http.post(url() + "/v1/orgs/acme/projects", adminToken, Http.q("{'key':'shop','name':'Shop'}"));
    for (String env : envs) {
      Http.post(
          url() + "/v1/orgs/acme/projects/shop/environments",
          adminToken,
          Http.q("{'key':'" + env + "','name':'" + env + "'}"));
    }
  }

  String sdkToken(String env) {
    return Http.post(
            url() + "/v1/orgs/acme/tokens",
            adminToken,
            Http.q("{'name':'edge-" + env + "','kind':'sdk','project':'shop','env':'" + env + "'}"))
        .json()
        .get("secret")
        .asText();
  }

  String envPath(String env) {
    return url() + "/v1/orgs/acme/projects/shop/environments/" + env;
  }

  Http.Res createFlag(String env, String json) {
    Http.Res res = Http.post(envPath(env) + "/flags", adminToken, Http.q(json));
    if (res.status() != 201) {
      throw new IllegalStateException(res.body());
    }
    return res;
  }

  Http.Res patchFlag(String env, String key, String mergePatch) {
    Http.Res current = Http.get(envPath(env) + "/flags/" + key, adminToken);
    Http.Res res =
        Http.send(
            "PATCH",
            envPath(env) + "/flags/" + key,
            adminToken,
            Http.q(mergePatch),
            "If-Match",
            current.header("ETag"));
    if (res.status() != 200) {
      throw new IllegalStateException(res.body());
    }
    return res;
  }

  long publish(String env) {
    Http.Res res = Http.post(envPath(env) + "/publish", adminToken, null);
    if (res.status() != 201) {
      throw new IllegalStateException(res.body());
    }
    return res.json().get("version").asLong();
  }

  long rollback(String env, long toVersion) {
    Http.Res res =
        Http.post(envPath(env) + "/rollback", adminToken, "{\"toVersion\":" + toVersion + "}");
    if (res.status() != 201) {
      throw new IllegalStateException(res.body());
    }
    return res.json().get("version").asLong();
  }

  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  public void close() {
    stop();
    admin("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, null);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
