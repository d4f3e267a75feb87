package dev.ff.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.ControlPlaneServer;
import dev.ff.server.tls.ClientTls;
import dev.ff.server.tls.ClientTlsSettings;
import dev.ff.server.tls.DevCertificates;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS between real processes: the control plane and the edges run as their own JVMs, started
 * with their {@code main} and configured only through {@code FF_*} variables, with the files {@code
 * ff certs dev} writes ({@link DevCertificates}). The control plane requires client certificates
 * ({@code FF_TLS_CLIENT_CA}); an edge that presents one ({@code FF_CONTROL_CLIENT_CERT}) gets its
 * config and answers {@code /evaluate} over HTTPS to a client that presents one too; an edge
 * without it is refused at the handshake and stays not ready.
 */
class MutualTlsProcessesTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String ROOT_TOKEN = "root-token-for-mtls-processes";
  private static final String SIGNING_KEYS = "k1:mtls-processes-secret";

  @TempDir static Path dir;
  private static Path certs;
  private static ControlPlaneFixture database;
  private static final List<Process> processes = new ArrayList<>();
  private static String controlUrl;
  private static HttpClient mutual;
  private static String sdkToken;

  @BeforeAll
  static void start() throws Exception {
    certs = dir.resolve("certs");
    DevCertificates.create(List.of(), Duration.ofDays(1)).writeTo(certs, false);
    mutual =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .sslContext(
                ClientTls.create(
                        ClientTlsSettings.defaults()
                            .trusting(certs.resolve("ca.pem"))
                            .withClientCertificate(
                                certs.resolve("client.pem"), certs.resolve("client-key.pem")))
                    .sslContext())
            .build();
    database = new ControlPlaneFixture();

    int controlPort = freePort();
    Map<String, String> control = serverTls(true);
    control.put("FF_HTTP_HOST", "127.0.0.1");
    control.put("FF_HTTP_PORT", Integer.toString(controlPort));
    control.put("FF_DATA_DIR", Files.createTempDirectory(dir, "cp").toString());
    control.put("FF_DATABASE_URL", database.jdbcUrl());
    control.put("FF_DATABASE_USER", ControlPlaneFixture.databaseUser());
    control.put("FF_ADMIN_TOKEN", ROOT_TOKEN);
    control.put("FF_SIGNING_KEYS", SIGNING_KEYS);
    control.put("FF_TOKEN_PEPPER", "pepper-for-mtls-processes-0123456789");
    control.put("FF_SEED_DEMO", "true");
    launch("control", ControlPlaneServer.class.getName(), control);
    controlUrl = "https://127.0.0.1:" + controlPort;
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> Http.send(mutual, "GET", controlUrl + "/ready", null, null).status() == 200);

    sdkToken = ControlPlaneFixture.demoSdkToken(mutual, controlUrl, ROOT_TOKEN);
  }

  @AfterAll
  static void stop() throws Exception {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  /** The listener's HTTPS variables: the server certificate and, for mTLS, the client CA. */
  private static Map<String, String> serverTls(boolean requireClientCertificates) {
    Map<String, String> env = new HashMap<>();
    env.put("FF_TLS_CERT", certs.resolve("server.pem").toString());
    env.put("FF_TLS_KEY", certs.resolve("server-key.pem").toString());
    if (requireClientCertificates) {
      env.put("FF_TLS_CLIENT_CA", certs.resolve("ca.pem").toString());
    }
    return env;
  }

  private static Map<String, String> edgeEnv(int port, boolean presentsCertificate) {
    Map<String, String> env = serverTls(true);
    env.put("FF_HTTP_HOST", "127.0.0.1");
    env.put("FF_HTTP_PORT", Integer.toString(port));
    env.put("FF_CONTROL_URL", controlUrl);
    env.put("FF_CONTROL_CA", certs.resolve("ca.pem").toString());
    if (presentsCertificate) {
      env.put("FF_CONTROL_CLIENT_CERT", certs.resolve("client.pem").toString());
      env.put("FF_CONTROL_CLIENT_KEY", certs.resolve("client-key.pem").toString());
    }
    env.put("FF_EDGE_ENVIRONMENTS", "production=" + sdkToken);
    env.put("FF_SIGNING_KEYS", SIGNING_KEYS);
    return env;
  }

  @Test
  void anEdgeProcessWithAClientCertificate_servesEvaluationsOverMutualTls() throws Exception {
    int port = freePort();
    Process edge = launch("edge-with-certificate", EdgeServer.class.getName(), edgeEnv(port, true));
    String edgeUrl = "https://127.0.0.1:" + port;
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> Http.send(mutual, "GET", edgeUrl + "/ready", null, null).status() == 200);
    assertThat(edge.isAlive()).isTrue();

    Http.Res evaluated =
        Http.send(
            mutual,
            "POST",
            edgeUrl + "/evaluate",
            sdkToken,
            Http.q("{'envKey':'production','flagKey':'kill-switch','context':{'key':'u-1'}}"));
    assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
    JsonNode result = evaluated.json();
    assertThat(result.get("errorCode").isNull()).as(evaluated.body()).isTrue();
    assertThat(result.get("configVersion").asLong()).isPositive();

    // The edge's own listener requires a client certificate as well.
    HttpClient noCertificate =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(
                ClientTls.create(ClientTlsSettings.defaults().trusting(certs.resolve("ca.pem")))
                    .sslContext())
            .build();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                noCertificate.send(
                    HttpRequest.newBuilder(URI.create(edgeUrl + "/ready")).timeout(WAIT).build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void anEdgeProcessWithoutAClientCertificate_isRefusedByTheControlPlane_andStaysNotReady()
      throws Exception {
    int port = freePort();
    Process edge =
        launch("edge-without-certificate", EdgeServer.class.getName(), edgeEnv(port, false));
    String edgeUrl = "https://127.0.0.1:" + port;
    // It runs (live) but never gets a config: its handshakes with the control plane fail.
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> Http.send(mutual, "GET", edgeUrl + "/live", null, null).status() == 200);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(WAIT)
        .until(
            () ->
                edge.isAlive()
                    && Http.send(mutual, "GET", edgeUrl + "/ready", null, null).status() == 503);
    assertThat(controlHandshakeFailures()).isPositive();
  }

  private static double controlHandshakeFailures() throws Exception {
    String prefix = "tls_handshake_failures_total{reason=\"no_client_certificate\"} ";
    return Http.send(mutual, "GET", controlUrl + "/metrics", ROOT_TOKEN, null)
        .body()
        .lines()
        .filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
        .findFirst()
        .orElse(0);
  }

  private static Process launch(String name, String mainClass, Map<String, String> env)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), mainClass)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("FF_"));
    builder.environment().putAll(env);
    Process p = builder.start();
    processes.add(p);
    return p;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
