package dev.ff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ff.control.ControlPlaneConfig;
import dev.ff.edge.EdgeConfig;
import dev.ff.server.tls.ClientTls;
import dev.ff.server.tls.ClientTlsSettings;
import dev.ff.server.tls.DevCertificates;
import dev.ff.server.tls.TlsSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ff serve} with mutual TLS: its edge routes follow its control plane over the loopback with
 * the {@code FF_CONTROL_*} client certificate, so {@code /evaluate} answers over HTTPS.
 */
class AllInOneTlsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String ROOT = "root-token-for-all-in-one-tls";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path dir;
  private static String database;
  private static AllInOne platform;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    Path certs = dir.resolve("certs");
    DevCertificates.create(List.of(), Duration.ofDays(1)).writeTo(certs, false);
    ClientTlsSettings mutual =
        ClientTlsSettings.defaults()
            .trusting(certs.resolve("ca.pem"))
            .withClientCertificate(certs.resolve("client.pem"), certs.resolve("client-key.pem"));
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(ClientTls.create(mutual).sslContext())
            .build();
    database = "ff_test_cli_tls_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    sql("CREATE DATABASE " + database);
    platform =
        new AllInOne(
                ControlPlaneConfig.defaults()
                    .withPort(0)
                    .withDataDir(Files.createTempDirectory(dir, "data"))
                    .withDatabase(PG + database, "postgres", null)
                    .withAdminToken(ROOT)
                    .withSigningKeys("k1:all-in-one-tls-secret")
                    .withTokenPepper("pepper-for-all-in-one-tls-tests")
                    .withSeedDemo(true)
                    .withTls(
                        TlsSettings.pem(
                                certs.resolve("server.pem"), certs.resolve("server-key.pem"))
                            .withClientCa(certs.resolve("ca.pem"))),
                EdgeConfig.defaults()
                    .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
                    .withControlTls(mutual))
            .start();
  }

  @AfterAll
  static void stop() throws SQLException {
    if (platform != null) {
      platform.close();
    }
    if (database != null) {
      sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private static HttpResponse<String> post(String path, String token, String body)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(platform.control().url() + path))
            .timeout(WAIT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theEdgeRoutesFollowTheControlPlaneOverMutualTls() throws Exception {
    assertThat(platform.control().url()).startsWith("https://");
    HttpResponse<String> token =
        post(
            "/v1/orgs/demo/tokens",
            ROOT,
            "{\"name\":\"web\",\"kind\":\"sdk\",\"project\":\"shop\",\"env\":\"production\"}");
    assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
    String sdk = MAPPER.readTree(token.body()).get("secret").asText();
    String evaluate =
        "{\"envKey\":\"production\",\"flagKey\":\"kill-switch\",\"context\":{\"key\":\"u-1\"}}";

    // 503 until the on-demand replica has its first document over the loopback, then 200
    await().atMost(WAIT).until(() -> post("/evaluate", sdk, evaluate).statusCode() == 200);

    HttpResponse<String> result = post("/evaluate", sdk, evaluate);
    assertThat(MAPPER.readTree(result.body()).get("flag").asText()).isEqualTo("kill-switch");
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", null);
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
