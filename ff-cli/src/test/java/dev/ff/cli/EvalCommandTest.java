package dev.ff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.document.DocumentSigner;
import dev.ff.core.document.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  static final Path REPO = Path.of(System.getProperty("ff.repo.dir", ".."));
  static final String DEMO = REPO.resolve("examples/demo/config.json").toString();

  @TempDir Path dir;

  @Test
  void eval_demoRequestsGiveOneResultPerLine() throws Exception {
    String requests = Files.readString(REPO.resolve("examples/demo/requests.jsonl"));
    CliRunner.Run run = CliRunner.run(requests, "eval", "--config", DEMO);
    assertThat(run.exitCode()).isZero();
    List<String> lines = run.outLines();
    assertThat(lines).hasSize((int) requests.lines().filter(l -> !l.isBlank()).count());

    JsonNode staff = JsonLines.MAPPER.readTree(lines.get(0));
    assertThat(staff.get("reason").asText()).isEqualTo("TARGETING_MATCH");
    assertThat(staff.get("ruleId").asText()).isEqualTo("staff");
    assertThat(staff.get("value").asBoolean()).isTrue();
    assertThat(staff.get("configVersion").asLong()).isEqualTo(7);

    // u-1001 is in bucket 5282 of salt 9f2c4e1ab37d / seed new-checkout (computed with python
    // hashlib): outside the 20% "on" range [0, 2000), so the rollout serves "off".
    JsonNode gradual = JsonLines.MAPPER.readTree(lines.get(3));
    assertThat(gradual.get("reason").asText()).isEqualTo("SPLIT");
    assertThat(gradual.get("variation").asText()).isEqualTo("off");
    assertThat(gradual.get("inExperiment").asBoolean()).isFalse();

    JsonNode unknown = JsonLines.MAPPER.readTree(lines.get(10));
    assertThat(unknown.get("errorCode").asText()).isEqualTo("FLAG_NOT_FOUND");
    assertThat(unknown.get("value").asText()).isEqualTo("fallback");

    JsonNode badContext = JsonLines.MAPPER.readTree(lines.get(11));
    assertThat(badContext.get("errorCode").asText()).isEqualTo("INVALID_CONTEXT");
  }

  @Test
  void eval_faultyLinesGiveAnErrorObjectAndTheRunGoesOn() throws Exception {
    String input =
        "{not json\n"
            + "{\"context\": {\"key\": \"u1\"}}\n"
            + "[1,2]\n"
            + "{\"flag\": \"legacy-search\", \"context\": {\"key\": \"u1\"}, \"default\": true}\n";
    CliRunner.Run run = CliRunner.run(input, "eval", "-c", DEMO);
    assertThat(run.exitCode()).isZero();
    List<String> lines = run.outLines();
    assertThat(lines).hasSize(4);
    assertThat(JsonLines.MAPPER.readTree(lines.get(0)).get("error").asText())
        .contains("malformed JSON");
    assertThat(JsonLines.MAPPER.readTree(lines.get(1)).get("error").asText()).contains("'flag'");
    assertThat(JsonLines.MAPPER.readTree(lines.get(2)).has("error")).isTrue();
    assertThat(JsonLines.MAPPER.readTree(lines.get(3)).get("reason").asText())
        .isEqualTo("DISABLED");
  }

  @Test
  void eval_invalidConfigIsRefusedWithItsProblems() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file, Files.readString(Path.of(DEMO)).replace("\"version\": 7", "\"version\": 0"));
    CliRunner.Run run = CliRunner.run("", "eval", "-c", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("/version");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void eval_signedDocumentVerifiesWithEitherRotationKey() throws Exception {
    Path signed = dir.resolve("signed.json");
    ObjectNode doc = (ObjectNode) JsonLines.MAPPER.readTree(Path.of(DEMO).toFile());
    ObjectNode withSignature =
        DocumentSigner.sign(
            doc, new SigningKey("k2", "new-secret".getBytes(StandardCharsets.UTF_8)));
    Files.writeString(signed, JsonLines.MAPPER.writeValueAsString(withSignature));
    String request = "{\"flag\": \"legacy-search\", \"context\": {\"key\": \"u1\"}}\n";

    CliRunner.Run ok =
        CliRunner.run(
            request,
            "eval",
            "-c",
            signed.toString(),
            "--verify-key",
            "k1=old-secret",
            "--verify-key",
            "k2=new-secret");
    assertThat(ok.exitCode()).isZero();
    assertThat(JsonLines.MAPPER.readTree(ok.out()).get("reason").asText()).isEqualTo("DISABLED");

    CliRunner.Run wrong =
        CliRunner.run(request, "eval", "-c", signed.toString(), "--verify-key", "k2=guess");
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err()).contains("refused");
  }

  @Test
  void eval_unsignedDocumentIsRefusedWhenAKeyIsGiven() {
    CliRunner.Run run = CliRunner.run("", "eval", "-c", DEMO, "--verify-key", "k1=secret");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("refused");
  }

  @Test
  void eval_badKeyOptionAndMissingConfigAreClearErrors() {
    assertThat(CliRunner.run("", "eval", "-c", DEMO, "--verify-key", "nokey").err())
        .contains("KID=SECRET");
    CliRunner.Run missing = CliRunner.run("", "eval", "-c", dir.resolve("x.json").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file").doesNotContain("\tat ");
    assertThat(CliRunner.run("", "eval").exitCode()).isEqualTo(2);
  }
}
