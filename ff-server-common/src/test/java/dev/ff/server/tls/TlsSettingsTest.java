package dev.ff.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {
  @TempDir Path dir;

  @Test
  void defaults_arePlainHttp() {
    assertThat(TlsSettings.defaults()).isEqualTo(TlsSettings.none());
    assertThat(TlsSettings.defaults().enabled()).isFalse();
    assertThat(TlsSettings.defaults().mutual()).isFalse();
    assertThat(TlsSettings.fromEnvironment(Map.of())).isEqualTo(TlsSettings.none());
    assertThat(TlsSettings.fromEnvironment(Map.of("FF_TLS_CERT", " ", "FF_TLS_KEY", "")))
        .isEqualTo(TlsSettings.none());
  }

  @Test
  void fromEnvironment_readsPemFilesAndTheClientCa() {
    TlsSettings settings =
        TlsSettings.fromEnvironment(
            Map.of(
                "FF_TLS_CERT", "/etc/ff/server.pem",
                "FF_TLS_KEY", "/etc/ff/server-key.pem",
                "FF_TLS_CLIENT_CA", "/etc/ff/ca.pem"));

    assertThat(settings.identity())
        .contains(
            new TlsSettings.PemFiles(
                Path.of("/etc/ff/server.pem"), Path.of("/etc/ff/server-key.pem")));
    assertThat(settings.clientCa()).contains(Path.of("/etc/ff/ca.pem"));
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.mutual()).isTrue();
  }

  @Test
  void fromEnvironment_readsAKeystoreWithItsPasswordFromTheEnvironmentOrAFile() throws Exception {
    TlsSettings inline =
        TlsSettings.fromEnvironment(
            Map.of("FF_TLS_KEYSTORE", "/etc/ff/server.p12", "FF_TLS_KEYSTORE_PASSWORD", "pw 1"));
    assertThat(inline.identity())
        .contains(new TlsSettings.Pkcs12File(Path.of("/etc/ff/server.p12"), "pw 1"));

    Path file = dir.resolve("password");
    Files.writeString(file, "from-a-file\n");
    TlsSettings fromFile =
        TlsSettings.fromEnvironment(
            Map.of(
                "FF_TLS_KEYSTORE",
                "/etc/ff/server.p12",
                "FF_TLS_KEYSTORE_PASSWORD_FILE",
                file.toString()));
    assertThat(fromFile.identity())
        .contains(new TlsSettings.Pkcs12File(Path.of("/etc/ff/server.p12"), "from-a-file"));

    Files.writeString(file, "");
    assertThat(
            TlsSettings.fromEnvironment(
                    Map.of(
                        "FF_TLS_KEYSTORE",
                        "/k.p12",
                        "FF_TLS_KEYSTORE_PASSWORD_FILE",
                        file.toString()))
                .identity())
        .contains(new TlsSettings.Pkcs12File(Path.of("/k.p12"), ""));
  }

  @Test
  void fromEnvironment_refusesIncompleteOrContradictoryCombinations() {
    assertThatThrownBy(() -> TlsSettings.fromEnvironment(Map.of("FF_TLS_CERT", "/c.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FF_TLS_CERT and FF_TLS_KEY go together");
    assertThatThrownBy(() -> TlsSettings.fromEnvironment(Map.of("FF_TLS_KEY", "/k.pem")))
        .hasMessageContaining("FF_TLS_CERT and FF_TLS_KEY go together");
    assertThatThrownBy(
            () ->
                TlsSettings.fromEnvironment(
                    Map.of(
                        "FF_TLS_CERT", "/c.pem",
                        "FF_TLS_KEY", "/k.pem",
                        "FF_TLS_KEYSTORE", "/s.p12",
                        "FF_TLS_KEYSTORE_PASSWORD", "x")))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> TlsSettings.fromEnvironment(Map.of("FF_TLS_KEYSTORE", "/s.p12")))
        .hasMessageContaining("FF_TLS_KEYSTORE_PASSWORD");
    assertThatThrownBy(
            () ->
                TlsSettings.fromEnvironment(
                    Map.of(
                        "FF_TLS_KEYSTORE", "/s.p12",
                        "FF_TLS_KEYSTORE_PASSWORD", "x",
                        "FF_TLS_KEYSTORE_PASSWORD_FILE", "/pw")))
        .hasMessageContaining("not both");
    assertThatThrownBy(
            () -> TlsSettings.fromEnvironment(Map.of("FF_TLS_KEYSTORE_PASSWORD", "orphan")))
        .hasMessageContaining("FF_TLS_KEYSTORE is not");
    assertThatThrownBy(() -> TlsSettings.fromEnvironment(Map.of("FF_TLS_CLIENT_CA", "/ca.pem")))
        .hasMessageContaining("needs a server certificate");
    assertThatThrownBy(
            () ->
                TlsSettings.fromEnvironment(
                    Map.of(
                        "FF_TLS_KEYSTORE",
                        "/s.p12",
                        "FF_TLS_KEYSTORE_PASSWORD_FILE",
                        dir.resolve("missing").toString())))
        .hasMessageContaining("FF_TLS_KEYSTORE_PASSWORD_FILE")
        .hasMessageContaining("missing");
  }

  @Test
  void toString_neverShowsThePassword() {
    TlsSettings settings =
        TlsSettings.pkcs12(Path.of("/s.p12"), "hunter2-secret").withClientCa(Path.of("/ca.pem"));
    assertThat(settings.toString()).doesNotContain("hunter2").contains("/s.p12", "/ca.pem");
    assertThat(settings.identity().orElseThrow().toString()).doesNotContain("hunter2");
  }

  @Test
  void clientSettings_fromEnvironmentUseTheirPrefix() {
    ClientTlsSettings settings =
        ClientTlsSettings.fromEnvironment(
            Map.of(
                "FF_CONTROL_CA", "/ca.pem",
                "FF_CONTROL_CLIENT_CERT", "/client.pem",
                "FF_CONTROL_CLIENT_KEY", "/client-key.pem"),
            "FF_CONTROL");
    assertThat(settings.trustedCa()).contains(Path.of("/ca.pem"));
    assertThat(settings.certificate()).contains(Path.of("/client.pem"));
    assertThat(settings.privateKey()).contains(Path.of("/client-key.pem"));
    assertThat(settings.presentsCertificate()).isTrue();
    assertThat(settings.isDefault()).isFalse();

    assertThat(ClientTlsSettings.fromEnvironment(Map.of(), "FF_CONTROL"))
        .isEqualTo(ClientTlsSettings.defaults());
    assertThat(ClientTlsSettings.defaults().isDefault()).isTrue();
    assertThatThrownBy(
            () ->
                ClientTlsSettings.fromEnvironment(
                    Map.of("FF_CONTROL_CLIENT_CERT", "/client.pem"), "FF_CONTROL"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FF_CONTROL_CLIENT_CERT and FF_CONTROL_CLIENT_KEY go together");
    assertThatThrownBy(
            () ->
                new ClientTlsSettings(
                    Optional.empty(), Optional.of(Path.of("/c.pem")), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
