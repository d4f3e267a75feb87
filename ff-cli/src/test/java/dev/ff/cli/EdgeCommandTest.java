package dev.ff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ff.edge.EdgeConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EdgeCommandTest {

  private static EdgeCommand parse(String... args) {
    EdgeCommand command = new EdgeCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void config_optionsWinOverTheEnvironment() {
    EdgeConfig config =
        parse(
                "--control", "http://cp:9000",
                "--env", "prod=ffs_a",
                "--env", "staging=ffs_b",
                "--port", "8191",
                "--signing-keys", "k1:s1")
            .config(
                Map.of(
                    "FF_CONTROL_URL", "http://other:1",
                    "FF_EDGE_ENVIRONMENTS", "dev=ffs_c",
                    "FF_SIGNING_KEYS", "k9:s9"));
    assertThat(config.controlUrl().toString()).isEqualTo("http://cp:9000");
    assertThat(config.environments())
        .containsExactly(Map.entry("prod", "ffs_a"), Map.entry("staging", "ffs_b"));
    assertThat(config.port()).isEqualTo(8191);
    assertThat(config.keyRing().find("k1")).isPresent();
    assertThat(config.redisUrl()).isNull();
  }

  @Test
  void config_takesEverythingFromTheEnvironment() {
    EdgeConfig config =
        parse()
            .config(
                Map.of(
                    "FF_EDGE_ENVIRONMENTS", "dev=ffs_c",
                    "FF_SIGNING_KEYS", "k9:s9",
                    "FF_REDIS_URL", "redis://127.0.0.1:6379"));
    assertThat(config.environments()).containsExactly(Map.entry("dev", "ffs_c"));
    assertThat(config.port()).isEqualTo(8090);
    assertThat(config.redisUrl()).isEqualTo("redis://127.0.0.1:6379");
  }

  @Test
  void config_refusesMissingKeysAndRepeatedEnvironments() {
    assertThatThrownBy(() -> parse("--env", "a=1").config(Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> parse("--env", "a=1", "--env", "a=2", "--signing-keys", "k:s").config(Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownOption_isAUsageErrorWithoutAStackTrace() {
    CliRunner.Run result = CliRunner.run("", "edge", "--bogus");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("--bogus").doesNotContain("Exception");
  }
}
