package dev.ff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ff.server.tls.Pem;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertsCommandTest {
  @TempDir Path dir;

  private static X509Certificate certificate(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static void verifies(X509Certificate leaf, X509Certificate ca) throws Exception {
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX")
        .validate(
            CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), parameters);
  }

  private static boolean belongs(PrivateKey key, X509Certificate certificate) throws Exception {
    byte[] data = "proof".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key);
    signer.update(data);
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(data);
    return verifier.verify(signer.sign());
  }

  @Test
  void dev_writesACaAndServerAndClientCertificatesThatChain() throws Exception {
    Path out = dir.resolve("certs");

    CliRunner.Run run =
        CliRunner.run(
            "", "certs", "dev", "--out", out.toString(), "--host", "edge.local", "--days", "30");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("ca.pem", "edge.local", "FF_TLS_CLIENT_CA", "FF_CONTROL_CA");
    X509Certificate ca = certificate(out.resolve("ca.pem"));
    X509Certificate server = certificate(out.resolve("server.pem"));
    X509Certificate client = certificate(out.resolve("client.pem"));
    verifies(server, ca);
    verifies(client, ca);
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(server.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()))
        .contains("localhost", "127.0.0.1", "edge.local");
    assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(Duration.between(Instant.now(), server.getNotAfter().toInstant()))
        .isBetween(Duration.ofDays(29), Duration.ofDays(30));
    assertThat(belongs(Pem.readPrivateKey(out.resolve("server-key.pem")), server)).isTrue();
    assertThat(belongs(Pem.readPrivateKey(out.resolve("client-key.pem")), client)).isTrue();
    assertThat(belongs(Pem.readPrivateKey(out.resolve("ca-key.pem")), ca)).isTrue();
    assertThat(Files.readString(out.resolve("server-key.pem")))
        .startsWith("-----BEGIN PRIVATE KEY-----");
    for (String key : List.of("ca-key.pem", "server-key.pem", "client-key.pem")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(key))))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void dev_refusesToOverwriteWithoutForce() throws Exception {
    Path out = dir.resolve("certs");
    assertThat(CliRunner.run("", "certs", "dev", "--out", out.toString()).exitCode()).isZero();
    String ca = Files.readString(out.resolve("ca.pem"));

    CliRunner.Run again = CliRunner.run("", "certs", "dev", "--out", out.toString());

    assertThat(again.exitCode()).isNotZero();
    assertThat(again.err()).contains("exists already", "--force").doesNotContain("Exception");
    assertThat(Files.readString(out.resolve("ca.pem"))).isEqualTo(ca);

    CliRunner.Run forced = CliRunner.run("", "certs", "dev", "--out", out.toString(), "--force");
    assertThat(forced.exitCode()).isZero();
    assertThat(Files.readString(out.resolve("ca.pem"))).isNotEqualTo(ca);
  }

  @Test
  void dev_refusesBadHostsAndDays() {
    Path out = dir.resolve("certs");
    CliRunner.Run badHost =
        CliRunner.run("", "certs", "dev", "--out", out.toString(), "--host", "not a host");
    assertThat(badHost.exitCode()).isNotZero();
    assertThat(badHost.err()).contains("not a host").doesNotContain("Exception");

    CliRunner.Run badDays =
        CliRunner.run("", "certs", "dev", "--out", out.toString(), "--days", "0");
    assertThat(badDays.exitCode()).isNotZero();
    assertThat(badDays.err()).contains("--days");

    CliRunner.Run notANumber =
        CliRunner.run("", "certs", "dev", "--out", out.toString(), "--days", "many");
    assertThat(notANumber.exitCode()).isNotZero();
    assertThat(out).doesNotExist();
  }

  @Test
  void certsWithoutSubcommand_printsUsage() {
    CliRunner.Run run = CliRunner.run("", "certs");
    assertThat(run.err()).contains("dev");
  }
}
