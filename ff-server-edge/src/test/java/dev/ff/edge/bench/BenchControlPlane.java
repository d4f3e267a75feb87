package dev.ff.edge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ff.control.ControlPlaneConfig;
import dev.ff.control.ControlPlaneServer;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * A control plane for the edge benchmarks: a {@link ControlPlaneServer} in this JVM on a fresh
 * PostgreSQL database ({@code -Dff.bench.pg.url}, default {@code
 * jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code postgres}, trust), dropped on {@link
 * #close()}; org {@code bench}, project {@code load}, one environment; helpers for the admin API.
 */
final class BenchControlPlane implements AutoCloseable {
  static final String ROOT_TOKEN = "bench-root-token";
  static final String SIGNING_KEYS = "k1:bench-secret-1";
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ADMIN_URL =
      System.getProperty("ff.bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String USER = System.getProperty("ff.bench.pg.user", "postgres");

  final String dbName = "ff_ebench_" + System.currentTimeMillis();
  final String env;
  final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private ControlPlaneServer server;
  private boolean closed;

  BenchControlPlane(String env, int port) throws IOException {
    this.env = env;
    admin("CREATE DATABASE " + dbName);
    String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + dbName;
    server =
        new ControlPlaneServer(
                ControlPlaneConfig.defaults()
                    .withPort(port)
                    .withDataDir(Files.createTempDirectory("ff-ebench-cp"))
                    .withDatabase(url, USER, null)
                    .withAdminToken(ROOT_TOKEN)
                    .withSigningKeys(SIGNING_KEYS)
                    .withTokenPepper("pepper-for-the-edge-benchmarks")
                    .withRateLimit(1_000_000, 1_000_000))
            .start();
    call("POST", "/v1/orgs", "{\"key\":\"bench\",\"name\":\"Bench\"}", 201);
    call("POST", "/v1/orgs/bench/projects", "{\"key\":\"load\",\"name\":\"Load\"}", 201);
    call(
        "POST",
        "/v1/orgs/bench/projects/load/environments",
        "{\"key\":\"" + env + "\",\"name\":\"" + env + "\"}",
        201);
  }

  String url() {
    return server.url();
  }

  String envPath() {
    return "/v1/orgs/bench/projects/load/environments/" + env;
  }

  /** A new SDK token of the environment. */
  String sdkToken() {
    return json(call(
            "POST",
            "/v1/orgs/bench/tokens",
            "{\"name\":\"edge-bench\",\"kind\":\"sdk\",\"project\":\"load\",\"env\":\""
                + env
                + "\"}",
            201))
        .get("secret")
        .asText();
  }

  /** Publishes the environment; returns the new version. */
  long publish() {
    return json(call("POST", envPath() + "/publish", null, 201)).get("version").asLong();
  }

  /** Republishes an earlier version's content; returns the new version. */
  long rollback(long toVersion) {
    return json(call("POST", envPath() + "/rollback", "{\"toVersion\":" + toVersion + "}", 201))
        .get("version")
        .asLong();
  }

  /**
   * One admin call with the root token; fails unless the status is {@code expected}.
   *
   * @param headers extra header name/value pairs
   */
  HttpResponse<String> call(
      String method, String path, String body, int expected, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + ROOT_TOKEN)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != expected) {
        throw new IllegalStateException(
            method + " " + path + " → " + r.statusCode() + ": " + r.body());
      }
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.close();
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
