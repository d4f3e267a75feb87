package dev.ff.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ff.server.tls.ClientTlsSettings;
import dev.ff.server.tls.TlsSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeTlsConfigTest {

  @Test
  void defaults_arePlainHttpBothWays() {
    assertThat(EdgeConfig.defaults().tls()).isEqualTo(TlsSettings.none());
    assertThat(EdgeConfig.defaults().controlTls()).isEqualTo(ClientTlsSettings.defaults());
    assertThat(EdgeConfig.fromEnvironment(Map.of()).tls().enabled()).isFalse();
  }

  @Test
  void readsTheListenerAndTheControlPlaneSideFromTheEnvironment() {
    EdgeConfig c =
        EdgeConfig.fromEnvironment(
            Map.of(
                "FF_CONTROL_URL", "https://cp.internal:8443",
                "FF_TLS_CERT", "/etc/ff/edge.pem",
                "FF_TLS_KEY", "/etc/ff/edge-key.pem",
                "FF_TLS_CLIENT_CA", "/etc/ff/ca.pem",
                "FF_CONTROL_CA", "/etc/ff/cp-ca.pem",
                "FF_CONTROL_CLIENT_CERT", "/etc/ff/client.pem",
                "FF_CONTROL_CLIENT_KEY", "/etc/ff/client-key.pem"));

    assertThat(c.tls())
        .isEqualTo(
            TlsSettings.pem(Path.of("/etc/ff/edge.pem"), Path.of("/etc/ff/edge-key.pem"))
                .withClientCa(Path.of("/etc/ff/ca.pem")));
    assertThat(c.controlTls())
        .isEqualTo(
            ClientTlsSettings.defaults()
                .trusting(Path.of("/etc/ff/cp-ca.pem"))
                .withClientCertificate(
                    Path.of("/etc/ff/client.pem"), Path.of("/etc/ff/client-key.pem")));
    // the with… copies keep the TLS settings
    assertThat(c.withPort(1).withRateLimit(5, 5).tls()).isEqualTo(c.tls());
    assertThat(c.withHost("0.0.0.0").controlTls()).isEqualTo(c.controlTls());
  }

  @Test
  void refusesIncompleteTlsVariables() {
    assertThatThrownBy(() -> EdgeConfig.fromEnvironment(Map.of("FF_TLS_CERT", "/a.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FF_TLS_KEY");
    assertThatThrownBy(() -> EdgeConfig.fromEnvironment(Map.of("FF_CONTROL_CLIENT_KEY", "/k.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FF_CONTROL_CLIENT_CERT");
  }
}
