package dev.ff.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevCertificatesTest {
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  @TempDir Path dir;

  private static void verifies(X509Certificate leaf, X509Certificate ca) throws Exception {
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX")
        .validate(
            CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), parameters);
  }

  private static Set<String> alternativeNames(X509Certificate certificate) throws Exception {
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    return names.stream().map(name -> name.get(1).toString()).collect(Collectors.toSet());
  }

  @Test
  void create_issuesServerAndClientCertificatesFromOneCa() throws Exception {
    DevCertificates.Bundle bundle =
        DevCertificates.create(
            List.of("Edge.Internal", "10.0.0.7", "[fd00::1]"), Duration.ofDays(3));
    X509Certificate ca = bundle.ca().certificate();
    X509Certificate server = bundle.server().certificate();
    X509Certificate client = bundle.client().certificate();

    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(server.getBasicConstraints()).isEqualTo(-1);
    assertThat(server.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(client.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertThat(client.getSubjectX500Principal().getName()).isEqualTo("CN=ff-client");
    assertThat(alternativeNames(server))
        .containsExactlyInAnyOrder(
            "localhost",
            "127.0.0.1",
            "0:0:0:0:0:0:0:1",
            "edge.internal",
            "10.0.0.7",
            "fd00:0:0:0:0:0:0:1");
    verifies(server, ca);
    verifies(client, ca);
    assertThat(server.getNotAfter().getTime() - System.currentTimeMillis())
        .isBetween(Duration.ofDays(3).minusMinutes(5).toMillis(), Duration.ofDays(3).toMillis());
    assertThat(Credentials.matches(bundle.server().privateKey(), server.getPublicKey())).isTrue();
    assertThat(Credentials.matches(bundle.client().privateKey(), server.getPublicKey())).isFalse();
    assertThat(bundle.server().toString()).doesNotContain("PRIVATE");
  }

  @Test
  void certificatesOfAnotherCa_doNotVerify() {
    DevCertificates.Bundle one = DevCertificates.create(List.of(), Duration.ofDays(1));
    DevCertificates.Bundle two = DevCertificates.create(List.of(), Duration.ofDays(1));
    assertThatThrownBy(() -> verifies(two.client().certificate(), one.ca().certificate()))
        .isInstanceOf(CertPathValidatorException.class);
  }

  @Test
  void writeTo_writesPemFilesWithPrivateKeysOwnerOnly() throws Exception {
    DevCertificates.Bundle bundle = DevCertificates.create(List.of(), Duration.ofDays(1));
    Path out = dir.resolve("nested/certs");

    List<Path> files = bundle.writeTo(out, false);

    assertThat(files.stream().map(f -> f.getFileName().toString()))
        .containsExactlyElementsOf(DevCertificates.FILE_NAMES);
    assertThat(Pem.readCertificates(out.resolve("server.pem")))
        .containsExactly(bundle.server().certificate());
    assertThat(Pem.readPrivateKey(out.resolve("client-key.pem")))
        .isEqualTo(bundle.client().privateKey());
    for (String key : List.of("ca-key.pem", "server-key.pem", "client-key.pem")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(key))))
          .isEqualTo("rw-------");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("ca.pem"))))
        .isEqualTo("rw-r--r--");
    try (var listing = Files.list(out)) {
      assertThat(listing.count()).as("no temporary files left").isEqualTo(6);
    }
  }

  @Test
  void writeTo_refusesToOverwriteUnlessAsked() throws Exception {
    Path out = dir.resolve("certs");
    DevCertificates.create(List.of(), Duration.ofDays(1)).writeTo(out, false);
    String before = Files.readString(out.resolve("ca.pem"));
    Files.delete(out.resolve("client.pem"));

    assertThatThrownBy(
            () -> DevCertificates.create(List.of(), Duration.ofDays(1)).writeTo(out, false))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("ca.pem");
    assertThat(Files.readString(out.resolve("ca.pem"))).isEqualTo(before);
    assertThat(out.resolve("client.pem")).doesNotExist();

    DevCertificates.create(List.of(), Duration.ofDays(1)).writeTo(out, true);
    assertThat(Files.readString(out.resolve("ca.pem"))).isNotEqualTo(before);
    assertThat(out.resolve("client.pem")).exists();
  }

  @Test
  void create_refusesBadHostsAndValidity() {
    assertThatThrownBy(() -> DevCertificates.create(List.of("bad host"), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad host");
    assertThatThrownBy(() -> DevCertificates.create(List.of("300.1.1.1"), Duration.ofDays(1)))
        .hasMessageContaining("300.1.1.1");
    assertThatThrownBy(() -> DevCertificates.create(List.of("-x.example"), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DevCertificates.create(List.of(), Duration.ZERO))
        .hasMessageContaining("validity");
    assertThat(DevCertificates.normalizeHost(" *.Example.COM ")).isEqualTo("*.example.com");
  }
}
