package dev.ff.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.core.conformance.SpecFiles.SpecFile;
import dev.ff.core.validate.ConfigValidator;
import dev.ff.core.validate.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code spec/invalid/*.json} (the set of reported JSON Pointer paths must equal the expected
 * set exactly) and {@code spec/valid/*.json} (no diagnostics). Kind {@code document} uses {@link
 * ConfigValidator#validateDocument}, kind {@code flag} uses {@link ConfigValidator#validateFlag}.
 */
class ValidationConformanceTest {

  @Test
  void invalid_hasAtLeastOneHundredCases() {
    int count = SpecFiles.load("invalid").stream().mapToInt(f -> f.cases().size()).sum();
    assertThat(count).isGreaterThanOrEqualTo(100);
  }

  @TestFactory
  Stream<DynamicTest> validate_reportsExactlyTheExpectedPaths() {
    List<DynamicTest> tests = new ArrayList<>();
    for (SpecFile file : SpecFiles.load("invalid")) {
      for (JsonNode c : file.cases()) {
        tests.add(
            dynamicTest(
                file.testName(c),
                () -> {
                  JsonNode errors = SpecFiles.member(c, "errors");
                  assertThat(errors.isArray() && !errors.isEmpty())
                      .as("\"errors\" is a non-empty array")
                      .isTrue();
                  Set<String> expected = new TreeSet<>();
                  errors.forEach(e -> expected.add(e.asText()));
                  List<Diagnostic> diagnostics = validate(c);
                  assertThat(paths(diagnostics))
                      .as(
                          "%s%n paths reported for %s%n diagnostics: %s",
                          file.testName(c), c.get("input"), diagnostics)
                      .isEqualTo(expected);
                }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> validate_acceptsValidInput() {
    List<DynamicTest> tests = new ArrayList<>();
    for (SpecFile file : SpecFiles.load("valid")) {
      for (JsonNode c : file.cases()) {
        tests.add(
            dynamicTest(
                file.testName(c),
                () ->
                    assertThat(validate(c))
                        .as("%s%n diagnostics for %s", file.testName(c), c.get("input"))
                        .isEmpty()));
      }
    }
    return tests.stream();
  }

  private static List<Diagnostic> validate(JsonNode c) {
    String kind = SpecFiles.text(c, "kind");
    JsonNode input = SpecFiles.member(c, "input");
    return switch (kind) {
      case "document" -> ConfigValidator.validateDocument(input);
      case "flag" -> ConfigValidator.validateFlag(input);
      default -> throw new AssertionError("unknown case kind: " + kind);
    };
  }

  private static Set<String> paths(List<Diagnostic> diagnostics) {
    Set<String> paths = new TreeSet<>();
    diagnostics.forEach(d -> paths.add(d.path()));
    return paths;
  }
}
