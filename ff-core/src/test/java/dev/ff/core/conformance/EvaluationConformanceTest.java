package dev.ff.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.conformance.SpecFiles.SpecFile;
import dev.ff.core.eval.CompiledConfig;
import dev.ff.core.eval.Compiler;
import dev.ff.core.eval.EvaluationResult;
import dev.ff.core.json.ModelReader;
import dev.ff.core.validate.ConfigValidator;
import dev.ff.core.validate.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code spec/eval/*.json}: each file's config document must validate without diagnostics,
 * then every case is evaluated (untyped) on the compiled document and its {@code toJson()} must
 * equal the expected result, all nine members, numbers compared by value ({@code 1} = {@code 1.0}).
 */
class EvaluationConformanceTest {
  private static final String FOLDER = "eval";

  /** The topics the data must cover; a missing file fails {@link #eval_hasEveryTopic}. */
  private static final List<String> TOPICS =
      List.of(
          "operators-equality",
          "operators-strings",
          "operators-regex",
          "operators-numeric",
          "operators-semver",
          "operators-dates",
          "exists-and-missing",
          "arrays",
          "combinators",
          "segments",
          "prerequisites",
          "rollouts-and-coverage",
          "exclusion-groups",
          "reasons-and-errors",
          "contexts",
          "typed-calls");

  private static final Set<String> RESULT_MEMBERS =
      Set.of(
          "flag",
          "variation",
          "value",
          "reason",
          "ruleId",
          "inExperiment",
          "experiment",
          "configVersion",
          "errorCode");

  /** Numbers equal when their values are (1 = 1.0 = 1e0); everything else by JSON equality. */
  static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
      };

  @Test
  void eval_hasEveryTopic() {
    List<String> names = SpecFiles.names(FOLDER);
    for (String topic : TOPICS) {
      assertThat(names).as("spec/eval topics").contains(topic + ".json");
    }
  }

  @Test
  void numbersByValue_treatsOneAndOnePointZeroAsEqualButNotAString() {
    ObjectNode a = SpecFiles.jsonOf("{\"v\": 1, \"w\": [2.50]}");
    ObjectNode b = SpecFiles.jsonOf("{\"v\": 1.0, \"w\": [2.5]}");
    ObjectNode c = SpecFiles.jsonOf("{\"v\": \"1\", \"w\": [2.5]}");
    assertThat(a.equals(NUMBERS_BY_VALUE, b)).isTrue();
    assertThat(a.equals(NUMBERS_BY_VALUE, c)).isFalse();
  }

  @TestFactory
  Stream<DynamicTest> evaluate_givesTheExpectedResult() {
    List<DynamicTest> tests = new ArrayList<>();
    for (SpecFile file : SpecFiles.load(FOLDER)) {
      Compiled compiled = new Compiled(file);
      tests.add(
          dynamicTest(
              file.name() + ": config document is valid",
              () -> assertThat(compiled.diagnostics()).as("diagnostics").isEmpty()));
      for (JsonNode c : file.cases()) {
        tests.add(dynamicTest(file.testName(c), () -> run(file.testName(c), compiled, c)));
      }
    }
    return tests.stream();
  }

  private static void run(String testName, Compiled compiled, JsonNode c) {
    String flag = SpecFiles.text(c, "flag");
    JsonNode context = SpecFiles.member(c, "context");
    JsonNode defaultValue = c.get("default"); // absent → null: no default
    JsonNode expected = SpecFiles.member(c, "expected");
    Set<String> expectedMembers = new TreeSet<>();
    expected.fieldNames().forEachRemaining(expectedMembers::add);
    assertThat(expectedMembers).as("members of the expected result").isEqualTo(RESULT_MEMBERS);

    EvaluationResult result = evaluate(compiled.config(), c, flag, context, defaultValue);
    ObjectNode actual = result.toJson();
    assertThat(actual.equals(NUMBERS_BY_VALUE, expected))
        .as(
            "%s%n evaluate(%s, %s, %s)%n expected: %s%n   actual: %s",
            testName, flag, context, defaultValue, expected, actual)
        .isTrue();
  }

  /**
   * Calls the evaluator the way the case's optional {@code call} member says: {@code "boolean"} or
   * {@code "string"} for the typed getters (the default must then be of that type), untyped
   * otherwise.
   */
  private static EvaluationResult evaluate(
      CompiledConfig config, JsonNode c, String flag, JsonNode context, JsonNode defaultValue) {
    String call = c.has("call") ? SpecFiles.text(c, "call") : "untyped";
    return switch (call) {
      case "untyped" -> config.evaluate(flag, context, defaultValue);
      case "boolean" -> {
        assertThat(defaultValue.isBoolean()).as("default of a boolean call").isTrue();
        yield config.evaluateBoolean(flag, context, defaultValue.booleanValue());
      }
      case "string" -> {
        assertThat(defaultValue.isTextual()).as("default of a string call").isTrue();
        yield config.evaluateString(flag, context, defaultValue.textValue());
      }
      default -> throw new AssertionError("unknown call '" + call + "' in " + c);
    };
  }

  /** A file's config document, validated and compiled once for all its cases. */
  private static final class Compiled {
    private final SpecFile file;
    private List<Diagnostic> diagnostics;
    private CompiledConfig config;

    Compiled(SpecFile file) {
      this.file = file;
    }

    synchronized List<Diagnostic> diagnostics() {
      if (diagnostics == null) {
        diagnostics = ConfigValidator.validateDocument(SpecFiles.member(file.content(), "config"));
      }
      return diagnostics;
    }

    synchronized CompiledConfig config() {
      if (config == null) {
        assertThat(diagnostics()).as("diagnostics of %s's config document", file.name()).isEmpty();
        config =
            Compiler.compile(ModelReader.readDocument(SpecFiles.member(file.content(), "config")));
      }
      return config;
    }
  }
}
