package dev.ff.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ff.server.tls.TlsSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlPlaneTlsConfigTest {

  @Test
  void defaults_arePlainHttp() {
    assertThat(ControlPlaneConfig.defaults().tls()).isEqualTo(TlsSettings.none());
    assertThat(ControlPlaneConfig.fromEnvironment(Map.of()).tls().enabled()).isFalse();
  }

  @Test
  void readsTlsFromTheEnvironmentAndKeepsItThroughCopies() {
    ControlPlaneConfig config =
        ControlPlaneConfig.fromEnvironment(
            Map.of(
                "FF_TLS_KEYSTORE", "/etc/ff/server.p12",
                "FF_TLS_KEYSTORE_PASSWORD", "changeit",
                "FF_TLS_CLIENT_CA", "/etc/ff/ca.pem"));

    assertThat(config.tls())
        .isEqualTo(
            TlsSettings.pkcs12(Path.of("/etc/ff/server.p12"), "changeit")
                .withClientCa(Path.of("/etc/ff/ca.pem")));
    assertThat(config.withPort(0).withRateLimit(1, 1).withSeedDemo(true).tls())
        .isEqualTo(config.tls());
    assertThat(config.toString()).doesNotContain("changeit");
    assertThat(config.withTls(TlsSettings.none()).tls().enabled()).isFalse();
  }

  @Test
  void refusesAClientCaWithoutServerCertificate() {
    assertThatThrownBy(
            () -> ControlPlaneConfig.fromEnvironment(Map.of("FF_TLS_CLIENT_CA", "/etc/ff/ca.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FF_TLS_CERT");
  }
}
