package dev.ff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ff stats} end to end: every statistics conformance case of {@code spec/stats} goes through
 * the command as one JSON line, and each output line must match the expected result.
 */
class StatsCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private record Case(String name, String kind, JsonNode request, JsonNode expected) {}

  private static List<Case> conformanceCases() throws IOException {
    Path folder = Path.of(System.getProperty("ff.spec.dir"), "stats");
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).as("statistics conformance files").isNotEmpty();
    List<Case> cases = new ArrayList<>();
    for (Path file : files) {
      for (JsonNode c : MAPPER.readTree(file.toFile()).get("cases")) {
        ObjectNode request = MAPPER.createObjectNode();
        request.set("kind", c.get("kind"));
        request.set("inputs", c.get("inputs"));
        cases.add(
            new Case(c.get("name").asText(), c.get("kind").asText(), request, c.get("expected")));
      }
    }
    return cases;
  }

  @Test
  void stats_answersEveryConformanceCaseLineByLine() throws IOException {
    List<Case> cases = conformanceCases();
    StringBuilder stdin = new StringBuilder();
    for (Case c : cases) {
      stdin.append(MAPPER.writeValueAsString(c.request())).append('\n');
    }
    CliRunner.Run run = CliRunner.run(stdin.toString(), "stats");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.outLines();
    assertThat(lines).hasSameSizeAs(cases);
    Set<String> kinds = new HashSet<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      JsonNode actual = MAPPER.readTree(lines.get(i));
      List<String> problems = new ArrayList<>();
      if (c.expected().has("error")) {
        assertThat(actual.size()).as(c.name()).isEqualTo(1);
        assertThat(actual.get("error").asText())
            .as(c.name())
            .contains(c.expected().get("error").asText());
      } else {
        kinds.add(c.kind());
        compare(c.expected(), actual, c.name(), problems);
      }
      assertThat(problems).as(c.name() + ": " + actual).isEmpty();
    }
    assertThat(kinds)
        .containsExactlyInAnyOrder(
            "welch",
            "proportions",
            "chi2_2xk",
            "ratio",
            "cuped",
            "srm",
            "pocock_spending",
            "sequential_decision",
            "sample_size",
            "power",
            "mde",
            "multiple_comparisons");
  }

  /** Same members, exact integers/strings/booleans/nulls, reals within 1e-9 + 1e-6·|expected|. */
  private static void compare(
      JsonNode expected, JsonNode actual, String path, List<String> problems) {
    if (expected.isObject()) {
      Set<String> want = new HashSet<>();
      expected.fieldNames().forEachRemaining(want::add);
      Set<String> got = new HashSet<>();
      actual.fieldNames().forEachRemaining(got::add);
      if (!want.equals(got)) {
        problems.add(path + ": members " + got + " instead of " + want);
        return;
      }
      for (String name : want) {
        compare(expected.get(name), actual.get(name), path + "/" + name, problems);
      }
    } else if (expected.isArray()) {
      if (actual.size() != expected.size()) {
        problems.add(path + ": " + actual + " instead of " + expected);
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(expected.get(i), actual.get(i), path + "/" + i, problems);
      }
    } else if (expected.isFloatingPointNumber()) {
      double e = expected.doubleValue();
      double tolerance =
          1e-6 * Math.max(Math.abs(e), path.contains("Ci") || path.contains("ci") ? 1 : 0) + 1e-9;
      if (!actual.isNumber() || Math.abs(actual.doubleValue() - e) > tolerance) {
        problems.add(path + ": " + actual + " instead of " + expected);
      }
    } else if (!expected.equals(actual)) {
      problems.add(path + ": " + actual + " instead of " + expected);
    }
  }

  @Test
  void stats_badLinesGiveErrorObjectsAndTheRunGoesOn() {
    String input =
        "{\"kind\":\"multiple_comparisons\",\"inputs\":{\"pValues\":[0.01,0.04,0.03]}}\n"
            + "not json\n"
            + "\n"
            + "{\"kind\":\"anova\",\"inputs\":{}}\n"
            + "{\"kind\":\"welch\",\"inputs\":{\"control\":[1,2]}}\n"
            + "{\"kind\":\"srm\",\"inputs\":{\"counts\":[5050,4950],\"weights\":[0.5,0.5]}}\n";
    CliRunner.Run run = CliRunner.run(input, "stats");
    assertThat(run.exitCode()).isZero();
    List<String> lines = run.outLines();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("{\"holm\":[0.03,0.06,0.06]");
    assertThat(lines.get(1)).startsWith("{\"error\":").contains("malformed JSON");
    assertThat(lines.get(2)).startsWith("{\"error\":").contains("anova");
    assertThat(lines.get(3)).startsWith("{\"error\":").contains("inputs.treatment");
    assertThat(lines.get(4)).contains("\"status\":\"OK\"", "\"df\":1", "\"srmDetected\":false");
  }

  @Test
  void stats_readsRequestsFromAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("requests.jsonl");
    Files.writeString(
        file,
        "{\"kind\":\"proportions\",\"inputs\":{\"nControl\":1000,\"convControl\":100,"
            + "\"nTreatment\":1000,\"convTreatment\":125,\"alpha\":0.05}}\n");
    CliRunner.Run run = CliRunner.run("", "stats", "--file", file.toString());
    assertThat(run.exitCode()).isZero();
    JsonNode r = MAPPER.readTree(run.outLines().get(0));
    // The worked example in docs/statistics.md: p = 0.0768689 to six significant digits.
    assertThat(r.get("pValue").asDouble()).isBetween(0.07686885, 0.07686895);
  }

  @Test
  void stats_missingFileIsACommandErrorWithExitCode2(@TempDir Path dir) {
    CliRunner.Run run = CliRunner.run("", "stats", "--file", dir.resolve("nope.jsonl").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("ff stats").contains("no such file");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void stats_emptyInputGivesNoOutput() {
    CliRunner.Run run = CliRunner.run("\n\n", "stats");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
  }
}
