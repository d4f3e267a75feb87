package dev.ff.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeConfigTest {

  @Test
  void readsTheEnvironment() {
    EdgeConfig c =
        EdgeConfig.fromEnvironment(
            Map.of(
                "FF_CONTROL_URL", "http://cp:8080/",
                "FF_EDGE_ENVIRONMENTS", "prod=ffs_a, staging=ffs_b",
                "FF_SIGNING_KEYS", "k1:s1,k2:s2",
                "FF_REDIS_URL", "redis://127.0.0.1:6379",
                "FF_HTTP_PORT", "9191",
                "FF_EDGE_MAX_COMPILED", "5"));
    assertThat(c.controlUrl().toString()).isEqualTo("http://cp:8080");
    assertThat(c.environments())
        .containsExactly(Map.entry("prod", "ffs_a"), Map.entry("staging", "ffs_b"));
    assertThat(c.keyRing().size()).isEqualTo(2);
    assertThat(c.keyRing().find("k2")).isPresent();
    assertThat(c.redisUrl()).isEqualTo("redis://127.0.0.1:6379");
    assertThat(c.port()).isEqualTo(9191);
    assertThat(c.maxCompiledEnvironments()).isEqualTo(5);
    assertThat(EdgeConfig.defaults().redisUrl()).isNull();
  }

  @Test
  void refusesMalformedSettings() {
    assertThatThrownBy(() -> EdgeConfig.parseEnvironments("prod"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EdgeConfig.parseEnvironments("a=1,a=2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EdgeConfig.defaults().keyRing())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EdgeConfig.defaults().withSigningKeys("nocolon").keyRing())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EdgeConfig.fromEnvironment(Map.of("FF_HTTP_PORT", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EdgeServer(EdgeConfig.defaults()).start())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
