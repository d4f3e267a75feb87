package dev.ff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  static final String DEMO =
      Path.of(System.getProperty("ff.repo.dir", ".."), "examples/demo/config.json").toString();

  @TempDir Path dir;

  @Test
  void validate_demoConfigIsValid() throws Exception {
    CliRunner.Run run = CliRunner.run("", "validate", DEMO);
    assertThat(run.exitCode()).isZero();
    assertThat(JsonLines.MAPPER.readTree(run.out()).get("errors")).isEmpty();
  }

  @Test
  void validate_reportsEveryProblemWithItsPointer() throws Exception {
    Path file = dir.resolve("bad.json");
    String demo = Files.readString(Path.of(DEMO));
    Files.writeString(
        file,
        demo.replace("\"op\": \"ends_with\"", "\"op\": \"endswith\"")
            .replace("\"weight\": 8000", "\"weight\": 7000"));
    CliRunner.Run run = CliRunner.run("", "validate", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode errors = JsonLines.MAPPER.readTree(run.out()).get("errors");
    assertThat(errors.findValuesAsText("path"))
        .containsExactlyInAnyOrder(
            "/flags/new-checkout/rules/0/if/op",
            "/flags/new-checkout/rules/2/then/rollout/variations");
    assertThat(errors.findValuesAsText("message")).allMatch(m -> !m.isBlank());
  }

  @Test
  void validate_singleFlagFromStdin() throws Exception {
    String flag =
        "{\"key\":\"f\",\"type\":\"boolean\",\"enabled\":true,"
            + "\"variations\":[{\"key\":\"off\",\"value\":false},{\"key\":\"on\",\"value\":true}],"
            + "\"offVariation\":\"off\",\"defaultVariation\":\"nope\",\"rules\":[]}";
    CliRunner.Run run = CliRunner.run(flag, "validate", "-");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(JsonLines.MAPPER.readTree(run.out()).get("errors").findValuesAsText("path"))
        .containsExactly("/defaultVariation");
  }

  @Test
  void validate_malformedJsonIsAnErrorNotACrash() throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\"env\": ");
    CliRunner.Run run = CliRunner.run("", "validate", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode error = JsonLines.MAPPER.readTree(run.out()).get("errors").get(0);
    assertThat(error.get("path").asText()).isEmpty();
    assertThat(error.get("message").asText()).contains("malformed JSON");
  }

  @Test
  void validate_missingFileGivesOneLineAndExit2() {
    CliRunner.Run run = CliRunner.run("", "validate", dir.resolve("nope.json").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("no such file")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }
}
