package dev.ff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ff.control.ControlPlaneConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

  private static ServeCommand parse(String... args) {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void config_defaultsToPort8080DataFolderAndDemoSeed() {
    ControlPlaneConfig config = parse().config(Map.of());
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    assertThat(config.seedDemo()).isTrue();
    assertThat(config.databaseUrl()).isEmpty();
  }

  @Test
  void config_optionsWinOverTheEnvironment() {
    ControlPlaneConfig config =
        parse("--port", "9091", "--data", "/tmp/ff-b", "--no-seed")
            .config(Map.of("FF_HTTP_PORT", "7000", "FF_DATA_DIR", "/tmp/ff-a"));
    assertThat(config.port()).isEqualTo(9091);
    assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/ff-b"));
    assertThat(config.seedDemo()).isFalse();
  }

  @Test
  void config_takesTheDatabaseAndAdminTokenFromTheEnvironment() {
    ControlPlaneConfig config =
        parse()
            .config(
                Map.of(
                    "FF_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/ff",
                    "FF_ADMIN_TOKEN", "ffa_preset-token-for-tests",
                    "FF_DATA_DIR", "/var/lib/ff",
                    "FF_SEED_DEMO", "false"));
    assertThat(config.databaseUrl()).contains("jdbc:postgresql://127.0.0.1:5432/ff");
    assertThat(config.adminToken()).contains("ffa_preset-token-for-tests");
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/ff"));
    assertThat(config.seedDemo()).isFalse();
  }

  @Test
  void unknownOption_isAUsageErrorWithoutAStackTrace() {
    CliRunner.Run result = CliRunner.run("", "serve", "--bogus");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("--bogus").doesNotContain("Exception");
  }
}
