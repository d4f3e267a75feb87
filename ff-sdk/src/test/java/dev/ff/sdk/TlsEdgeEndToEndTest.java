package dev.ff.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ff.core.bucket.Bucketing;
import dev.ff.edge.EdgeServer;
import dev.ff.server.tls.DevCertificates;
import dev.ff.server.tls.TlsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK against a real edge that serves HTTPS and requires client certificates (mutual TLS), with
 * certificates from {@link DevCertificates} (what {@code ff certs dev} writes): with the CA trusted
 * and the client certificate presented it streams the config and evaluates; without the client
 * certificate, or without trusting the CA, it never becomes ready; unusable files fail {@code
 * build()} with a message naming the file.
 */
class TlsEdgeEndToEndTest {
  @TempDir static Path dir;
  private static Path certs;
  private static RealControlPlane cp;
  private static EdgeServer edge;
  private static String salt;

  @BeforeAll
  static void start() throws Exception {
    certs = dir.resolve("certs");
    DevCertificates.create(List.of(), Duration.ofDays(1)).writeTo(certs, false);
    cp = new RealControlPlane();
    cp.createRolloutFlag(3000);
    cp.publish();
    salt = cp.salt();
    edge =
        cp.startEdge(
            cp.edgeConfig()
                .withTls(
                    TlsSettings.pem(certs.resolve("server.pem"), certs.resolve("server-key.pem"))
                        .withClientCa(certs.resolve("ca.pem"))));
  }

  @AfterAll
  static void stop() throws Exception {
    if (cp != null) {
      cp.close(); // and the edge
    }
  }

  private static FfClient.Builder sdk(Tls tls) {
    return FfClient.builder(cp.sdkToken)
        .envKey("prod")
        .endpoint(edge.url())
        .edgePaths()
        .signingKey(RealControlPlane.SIGNING_KID, RealControlPlane.SIGNING_SECRET)
        .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
        .events(false)
        .tls(tls);
  }

  private static Tls mutual() {
    return Tls.trusting(certs.resolve("ca.pem"))
        .withClientCertificate(certs.resolve("client.pem"), certs.resolve("client-key.pem"));
  }

  @Test
  void withTheCaAndAClientCertificate_streamsOverHttpsAndEvaluates() {
    assertThat(edge.url()).startsWith("https://");
    try (FfClient client = sdk(mutual()).build()) {
      InitStatus status = client.awaitInitialized(Duration.ofSeconds(15));
      assertThat(status.isReady()).as(status.message()).isTrue();
      for (int i = 0; i < 200; i++) {
        String unit = "tls-" + i;
        assertThat(client.boolVariation("new-checkout", Context.of(unit), false))
            .as(unit)
            .isEqualTo(Bucketing.bucket(salt, "new-checkout", unit) < 3000);
      }
    }
  }

  @Test
  void withoutAClientCertificate_theEdgeRefusesTheConnection() {
    try (FfClient client = sdk(Tls.trusting(certs.resolve("ca.pem"))).build()) {
      InitStatus status = client.awaitInitialized(Duration.ofSeconds(2));
      assertThat(status.isReady()).isFalse();
      assertThat(status.state()).isEqualTo(InitStatus.State.TIMEOUT);
      // The server's alert, as the JDK's TLS 1.3 and 1.2 client reports it.
      assertThat(status.message()).containsAnyOf("bad_certificate", "certificate_required");
    }
  }

  @Test
  void withTheJdkTrustStore_theEdgesCertificateIsNotTrusted() {
    Tls systemTrust =
        Tls.systemTrust()
            .withClientCertificate(certs.resolve("client.pem"), certs.resolve("client-key.pem"));
    try (FfClient client = sdk(systemTrust).build()) {
      InitStatus status = client.awaitInitialized(Duration.ofSeconds(2));
      assertThat(status.isReady()).isFalse();
      assertThat(status.message()).contains("SSLHandshakeException");
    }
  }

  @Test
  void unusableFilesFailTheBuildNamingTheFile() throws Exception {
    Path missing = dir.resolve("absent.pem");
    assertThatThrownBy(() -> sdk(Tls.trusting(missing)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absent.pem");

    Path garbage = dir.resolve("garbage.pem");
    Files.writeString(garbage, "not a certificate", StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> sdk(Tls.trusting(garbage)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("garbage.pem");

    // A certificate where the key should be: the key file is named.
    Tls keyIsACertificate =
        Tls.trusting(certs.resolve("ca.pem"))
            .withClientCertificate(certs.resolve("client.pem"), certs.resolve("client.pem"));
    assertThatThrownBy(() -> sdk(keyIsACertificate).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("client.pem")
        .hasMessageContaining("PKCS#8");
  }
}
