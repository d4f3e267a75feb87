package dev.ff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.ControlPlaneConfig;
import dev.ff.core.ConfigLoader;
import dev.ff.core.document.KeyRing;
import dev.ff.core.document.SigningKey;
import dev.ff.core.eval.CompiledConfig;
import dev.ff.edge.EdgeConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code ff serve}'s assembly against a real PostgreSQL: the edge's routes on the control plane's
 * port, SDK tokens authenticated by the control plane, a replica started on first use and following
 * publishes.
 */
class AllInOneTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String ROOT = "root-token-for-all-in-one";
  private static final String KEYS = "k1:all-in-one-secret";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static String database;
  private static AllInOne platform;
  private static String url;
  private static String admin;
  private static String devToken;
  private static String prodToken;

  private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
  private static Appender<ILoggingEvent> console;
  private static Level previousLevel;

  @BeforeAll
  static void start() throws Exception {
    // Every line at DEBUG goes to the list (and not to the console) while the platform runs.
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    console = root.getAppender("JSON");
    root.detachAppender("JSON");
    previousLevel = root.getLevel();
    root.setLevel(Level.DEBUG);
    LOGS.start();
    root.addAppender(LOGS);
    database = "ff_test_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    sql("CREATE DATABASE " + database);
    platform =
        new AllInOne(
                ControlPlaneConfig.defaults()
                    .withPort(0)
                    .withDataDir(Files.createTempDirectory("ff-all-in-one"))
                    .withDatabase(PG + database, "postgres", null)
                    .withAdminToken(ROOT)
                    .withSigningKeys(KEYS)
                    .withTokenPepper("pepper-for-all-in-one-tests")
                    .withRateLimit(10_000, 20_000)
                    .withSeedDemo(true),
                EdgeConfig.defaults())
            .start();
    url = platform.control().url();
    admin = platform.control().seedResult().orElseThrow().adminSecret().orElseThrow();
    devToken = sdkToken("development");
    prodToken = sdkToken("production");
  }

  @AfterAll
  static void stop() throws SQLException {
    if (platform != null) {
      platform.close();
    }
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(LOGS);
    root.setLevel(previousLevel);
    if (console != null) {
      root.addAppender(console);
    }
    sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  @Test
  void noSecretEverReachesTheLogs() throws Exception {
    // Requests with every kind of secret, good and bad, including a failing one.
    send("GET", "/v1/orgs", ROOT, null);
    send("GET", "/v1/orgs/demo/tokens", admin, null);
    send("POST", "/evaluate", devToken, "{\"envKey\":\"development\",\"flagKey\":\"x\"}");
    send("GET", "/v1/orgs", "ffa_not-a-real-token-but-secret-looking", null);
    List<String> secrets =
        List.of(
            ROOT,
            admin,
            devToken,
            prodToken,
            "all-in-one-secret",
            "pepper-for-all-in-one-tests",
            "ffa_not-a-real-token-but-secret-looking");
    List<ILoggingEvent> events;
    synchronized (LOGS) {
      events = List.copyOf(LOGS.list);
    }
    assertThat(events).hasSizeGreaterThan(10);
    for (ILoggingEvent event : events) {
      String text =
          event.getFormattedMessage()
              + event.getKeyValuePairs()
              + event.getMDCPropertyMap()
              + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
      for (String secret : secrets) {
        assertThat(text).as("log line of %s", event.getLoggerName()).doesNotContain(secret);
      }
    }
  }

  @Test
  void evaluatesOnTheControlPlanesPortLikeTheCore() throws Exception {
    String body =
        "{\"envKey\":\"development\",\"flagKey\":\"new-checkout\","
            + "\"context\":{\"key\":\"user-42\",\"country\":\"DE\"}}";
    await().atMost(WAIT).until(() -> send("POST", "/evaluate", devToken, body).statusCode() == 200);
    JsonNode result = json(send("POST", "/evaluate", devToken, body));

    HttpResponse<String> doc = send("GET", "/v1/configs/development", devToken, null);
    assertThat(doc.statusCode()).isEqualTo(200);
    ConfigLoader.Result loaded =
        ConfigLoader.load(
            (ObjectNode) MAPPER.readTree(doc.body()),
            KeyRing.of(SigningKey.parseList(KEYS).toArray(SigningKey[]::new)));
    CompiledConfig plan = ((ConfigLoader.Loaded) loaded).config();
    JsonNode expected =
        plan.evaluate(
                "new-checkout", MAPPER.readTree("{\"key\":\"user-42\",\"country\":\"DE\"}"), null)
            .toJson();
    assertThat(result).isEqualTo(expected);
  }

  @Test
  void refusesTokensOfOtherEnvironmentsAndNonSdkCallers() throws Exception {
    String body = "{\"envKey\":\"development\",\"flagKey\":\"kill-switch\",\"context\":{}}";
    assertThat(send("POST", "/evaluate", null, body).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/evaluate", "nope", body).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/evaluate", ROOT, body).statusCode()).isEqualTo(403);
    assertThat(send("POST", "/evaluate", admin, body).statusCode()).isEqualTo(403);
    HttpResponse<String> other = send("POST", "/evaluate", prodToken, body);
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(send("GET", "/configs/development", prodToken, null).statusCode()).isEqualTo(403);
    HttpResponse<String> bad = send("POST", "/evaluate", devToken, "{\"envKey\":\"development\"}");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("/flagKey").contains("/context");
  }

  @Test
  void aPublishReachesTheMountedEdge() throws Exception {
    await()
        .atMost(WAIT)
        .until(() -> send("GET", "/configs/production", prodToken, null).statusCode() == 200);
    long before = version(send("GET", "/configs/production", prodToken, null));

    String flag = "/v1/orgs/demo/projects/shop/environments/production/flags/kill-switch";
    HttpResponse<String> current = send("GET", flag, admin, null);
    HttpResponse<String> patched =
        send(
            "PATCH",
            flag,
            admin,
            "{\"enabled\":false}",
            "If-Match",
            current.headers().firstValue("ETag").orElseThrow());
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    HttpResponse<String> published =
        send("POST", "/v1/orgs/demo/projects/shop/environments/production/publish", admin, null);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
    long after = json(published).get("version").asLong();
    assertThat(after).isGreaterThan(before);

    await()
        .atMost(WAIT)
        .until(() -> version(send("GET", "/configs/production", prodToken, null)) == after);
    JsonNode off =
        json(
            send(
                "POST",
                "/evaluate",
                prodToken,
                "{\"envKey\":\"production\",\"flagKey\":\"kill-switch\",\"context\":{}}"));
    assertThat(off.get("reason").asText()).isEqualTo("DISABLED");
    assertThat(send("GET", "/metrics", null, null).body())
        .contains("edge_propagation_delay_seconds_count")
        .contains("edge_config_version");
  }

  private static long version(HttpResponse<String> response) {
    return Long.parseLong(response.headers().firstValue("ETag").orElse("\"0\"").replace("\"", ""));
  }

  private static String sdkToken(String env) throws Exception {
    HttpResponse<String> created =
        send(
            "POST",
            "/v1/orgs/demo/tokens",
            admin,
            "{\"name\":\"sdk-"
                + env
                + "\",\"kind\":\"sdk\",\"project\":\"shop\",\"env\":\""
                + env
                + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("secret").asText();
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return MAPPER.readTree(response.body());
  }

  private static HttpResponse<String> send(
      String method, String path, String token, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (body != null && !typed) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", null)) {
      c.createStatement().execute(statement);
    }
  }
}
