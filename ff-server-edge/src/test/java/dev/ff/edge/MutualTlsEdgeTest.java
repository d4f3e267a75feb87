package dev.ff.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.ControlPlaneConfig;
import dev.ff.control.ControlPlaneServer;
import dev.ff.server.tls.ClientTls;
import dev.ff.server.tls.ClientTlsSettings;
import dev.ff.server.tls.DevCertificates;
import dev.ff.server.tls.TlsSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real control plane that requires client certificates (mutual TLS) on a fresh PostgreSQL
 * database, and real edges following it over HTTPS: one with a certificate of the CA gets its first
 * config, one without stays not ready.
 */
class MutualTlsEdgeTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String ROOT_TOKEN = "root-token-for-mtls-tests";
  private static final String SIGNING_KEYS = "k1:mtls-test-secret";

  @TempDir static Path dir;
  static Path certs;
  static ControlPlaneFixture database;
  static ControlPlaneServer cp;
  static HttpClient admin;
  static String sdkToken;

  @BeforeAll
  static void start() throws Exception {
    certs = dir.resolve("certs");
    DevCertificates.create(List.of(), Duration.ofDays(1)).writeTo(certs, false);
    database = new ControlPlaneFixture();
    cp =
        new ControlPlaneServer(
                ControlPlaneConfig.defaults()
                    .withPort(0)
                    .withDataDir(Files.createTempDirectory(dir, "cp"))
                    .withDatabase(database.jdbcUrl(), ControlPlaneFixture.databaseUser(), null)
                    .withAdminToken(ROOT_TOKEN)
                    .withSigningKeys(SIGNING_KEYS)
                    .withTokenPepper("pepper-for-mtls-tests-0123456789")
                    .withSeedDemo(true)
                    .withTls(serverTls().withClientCa(certs.resolve("ca.pem"))))
            .start();
    admin = client(withCertificate());
    sdkToken = ControlPlaneFixture.demoSdkToken(admin, cp.url(), ROOT_TOKEN);
  }

  @AfterAll
  static void stop() {
    if (cp != null) {
      cp.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private static TlsSettings serverTls() {
    return TlsSettings.pem(certs.resolve("server.pem"), certs.resolve("server-key.pem"));
  }

  private static ClientTlsSettings trustOnly() {
    return ClientTlsSettings.defaults().trusting(certs.resolve("ca.pem"));
  }

  private static ClientTlsSettings withCertificate() {
    return trustOnly()
        .withClientCertificate(certs.resolve("client.pem"), certs.resolve("client-key.pem"));
  }

  private static HttpClient client(ClientTlsSettings settings) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .sslContext(ClientTls.create(settings).sslContext())
        .build();
  }

  private static EdgeServer edge(ClientTlsSettings towardsControl) {
    return new EdgeServer(
            EdgeConfig.defaults()
                .withPort(0)
                .withControlUrl(cp.url())
                .withEnvironments(Map.of("production", sdkToken))
                .withSigningKeys(SIGNING_KEYS)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
                .withPollInterval(Duration.ofMillis(200))
                .withTls(serverTls())
                .withControlTls(towardsControl))
        .start();
  }

  private static double handshakeFailures(String reason) {
    String prefix = "tls_handshake_failures_total{reason=\"" + reason + "\"} ";
    return new String(cp.metrics().scrape(), StandardCharsets.UTF_8)
        .lines()
        .filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anEdgeWithAClientCertificate_getsItsFirstConfigOverMutualTls() throws Exception {
    assertThat(cp.url()).startsWith("https://");
    try (EdgeServer edge = edge(withCertificate())) {
      await().atMost(WAIT).until(edge::allReady);

      assertThat(edge.url()).startsWith("https://");
      HttpClient sdk = client(trustOnly());
      assertThat(Http.send(sdk, "GET", edge.url() + "/ready", null, null).status()).isEqualTo(200);
      Http.Res evaluated =
          Http.send(
              sdk,
              "POST",
              edge.url() + "/evaluate",
              sdkToken,
              Http.q("{'envKey':'production','flagKey':'kill-switch','context':{'key':'u-1'}}"));
      assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
      JsonNode result = evaluated.json();
      assertThat(result.has("value")).as(evaluated.body()).isTrue();
    }
  }

  @Test
  void anEdgeWithoutAClientCertificate_staysNotReady() {
    double before = handshakeFailures("no_client_certificate");
    try (EdgeServer edge = edge(trustOnly())) {
      // the control plane refuses its handshakes...
      await().atMost(WAIT).until(() -> handshakeFailures("no_client_certificate") >= before + 2);
      // ...so it never gets a config
      await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> !edge.allReady());
      assertThat(edge.replica("production").orElseThrow().isReady()).isFalse();
    }
  }

  @Test
  void plainHttpAndClientsWithoutCertificate_cannotUseTheControlPlane() throws Exception {
    String live = cp.url().replace("https://", "http://") + "/v1/orgs";
    HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> refused =
        plain.send(
            HttpRequest.newBuilder(URI.create(live))
                .timeout(WAIT)
                .header("Authorization", "Bearer " + ROOT_TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("HTTPS");

    assertThatThrownBy(
            () ->
                client(trustOnly())
                    .send(
                        HttpRequest.newBuilder(URI.create(cp.url() + "/v1/orgs"))
                            .timeout(WAIT)
                            .header("Authorization", "Bearer " + ROOT_TOKEN)
                            .build(),
                        HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void tlsTowardsAnHttpControlPlane_isAConfigurationError() {
    EdgeConfig config =
        EdgeConfig.defaults()
            .withControlUrl("http://127.0.0.1:1")
            .withControlTls(withCertificate());
    assertThatThrownBy(() -> EdgeServer.controlPlaneClient(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https://");
  }
}
