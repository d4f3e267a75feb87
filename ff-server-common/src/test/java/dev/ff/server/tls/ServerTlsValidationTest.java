package dev.ff.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ff.server.http.HttpServer;
import dev.ff.server.http.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad TLS files fail fast, with a message that names the file and the problem. */
class ServerTlsValidationTest {
  @TempDir static Path dir;
  static Path certs;
  static Path other;

  @BeforeAll
  static void certificates() throws Exception {
    certs = dir.resolve("certs");
    other = dir.resolve("other");
    DevCertificates.create(List.of(), Duration.ofDays(2)).writeTo(certs, false);
    DevCertificates.create(List.of(), Duration.ofDays(2)).writeTo(other, false);
  }

  private static String failure(TlsSettings settings) {
    IllegalArgumentException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> ServerTls.sslContext(settings));
    return error.getMessage();
  }

  @Test
  void goodFiles_makeAContext() {
    assertThat(
            ServerTls.sslContext(
                    TlsSettings.pem(certs.resolve("server.pem"), certs.resolve("server-key.pem"))
                        .withClientCa(certs.resolve("ca.pem")))
                .isServer())
        .isTrue();
  }

  @Test
  void missingAndUnreadableFiles_areNamed() throws Exception {
    Path missing = dir.resolve("nope.pem");
    assertThat(failure(TlsSettings.pem(missing, certs.resolve("server-key.pem"))))
        .contains(missing.toString(), "no such file");
    assertThat(failure(TlsSettings.pem(dir, certs.resolve("server-key.pem"))))
        .contains("is a directory");
    Path garbage = dir.resolve("garbage.pem");
    Files.writeString(garbage, "hello, not a certificate\n");
    assertThat(failure(TlsSettings.pem(garbage, certs.resolve("server-key.pem"))))
        .contains(garbage.toString(), "not a PEM file");
    assertThat(
            failure(
                TlsSettings.pem(certs.resolve("server-key.pem"), certs.resolve("server-key.pem"))))
        .contains("no certificate");
    assertThat(failure(TlsSettings.pem(certs.resolve("server.pem"), certs.resolve("server.pem"))))
        .contains("no private key");
    Path binary = dir.resolve("binary.pem");
    Files.write(binary, new byte[] {(byte) 0x30, (byte) 0x82, (byte) 0xff, (byte) 0xfe});
    assertThat(failure(TlsSettings.pem(binary, certs.resolve("server-key.pem"))))
        .contains(binary.toString());
    assertThat(
            failure(
                TlsSettings.pem(certs.resolve("server.pem"), certs.resolve("server-key.pem"))
                    .withClientCa(missing)))
        .contains(missing.toString(), "no such file");
  }

  @Test
  void aKeyOfAnotherCertificate_isAMismatch() {
    assertThat(
            failure(TlsSettings.pem(certs.resolve("server.pem"), other.resolve("server-key.pem"))))
        .contains(other.resolve("server-key.pem").toString(), "does not belong", "mismatched");
  }

  @Test
  void aChainOutOfOrder_isRefused() throws Exception {
    Path reversed = dir.resolve("reversed.pem");
    Files.writeString(
        reversed,
        Files.readString(certs.resolve("ca.pem")) + Files.readString(certs.resolve("server.pem")));
    assertThat(failure(TlsSettings.pem(reversed, certs.resolve("server-key.pem"))))
        .contains("leaf first");
    Path ordered = dir.resolve("chain.pem");
    Files.writeString(
        ordered,
        Files.readString(certs.resolve("server.pem")) + Files.readString(certs.resolve("ca.pem")));
    assertThat(ServerTls.sslContext(TlsSettings.pem(ordered, certs.resolve("server-key.pem"))))
        .isNotNull();
  }

  @Test
  void expiredAndNotYetValidCertificates_areRefused() {
    TlsSettings settings =
        TlsSettings.pem(certs.resolve("server.pem"), certs.resolve("server-key.pem"));
    Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(3)), ZoneOffset.UTC);
    Clock earlier = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
    assertThatThrownBy(() -> ServerTls.sslContext(settings, later))
        .hasMessageContaining("expired on");
    assertThatThrownBy(() -> ServerTls.sslContext(settings, earlier))
        .hasMessageContaining("not valid before");
  }

  @Test
  void keystores_withAWrongPasswordOrNoKey_areRefused() throws Exception {
    Path keyStore = dir.resolve("server.p12");
    TestKeyStores.write(
        keyStore, "right", certs.resolve("server.pem"), certs.resolve("server-key.pem"));
    assertThat(ServerTls.sslContext(TlsSettings.pkcs12(keyStore, "right"))).isNotNull();
    String wrong = failure(TlsSettings.pkcs12(keyStore, "wrong"));
    assertThat(wrong).contains(keyStore.toString(), "password").doesNotContain("right");
    assertThat(failure(TlsSettings.pkcs12(certs.resolve("ca.pem"), "x")))
        .contains("ca.pem", "PKCS#12");
  }

  @Test
  void theHttpServerBuilder_failsFastOnBadFiles() {
    HttpServer.Builder builder = HttpServer.builder(ServerConfig.defaults());
    assertThatThrownBy(
            () ->
                builder.tls(
                    TlsSettings.pem(certs.resolve("server.pem"), other.resolve("server-key.pem"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mismatched");
  }
}
