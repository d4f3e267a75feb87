package dev.ff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ff.control.ControlPlaneConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SeedCommandTest {

  private static SeedCommand parse(String... args) {
    SeedCommand command = new SeedCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void config_namesTheInstanceLikeServe() {
    assertThat(parse().config(Map.of()).dataDir()).isEqualTo(Path.of("data"));
    assertThat(parse().config(Map.of("FF_DATA_DIR", "/srv/ff")).dataDir())
        .isEqualTo(Path.of("/srv/ff"));
    ControlPlaneConfig external =
        parse("--data", "/tmp/x").config(Map.of("FF_DATABASE_URL", "jdbc:postgresql://db:5432/ff"));
    assertThat(external.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(external.databaseUrl()).contains("jdbc:postgresql://db:5432/ff");
  }
}
