package dev.ff.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of {@code spec/stats/*.json} through {@link StatsRequests}. A case is {@code
 * {"name", "kind", "inputs", "expected"}}; {@code expected} is either the full result object or
 * {@code {"error": F}} (the request must fail and the message must name F).
 *
 * <p>Comparison follows the statistics contract: reals within {@code 1e-9 + 1e-6·scale} with {@code
 * scale = |expected|} (for a confidence bound, the larger of that and the interval's half-width);
 * sequential boundaries and the Pocock constant within 1e-6 absolute; integers, booleans, strings
 * and nulls exactly; objects must have exactly the expected members.
 */
class StatsConformanceTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, String> CI_PARTNER =
      Map.of(
          "ciLower", "ciUpper",
          "ciUpper", "ciLower",
          "liftCiLower", "liftCiUpper",
          "liftCiUpper", "liftCiLower");
  private static final Set<String> ABSOLUTE_1E6 = Set.of("boundaries", "classicPocockConstant");

  @TestFactory
  Stream<DynamicNode> specStats_everyCaseMatches() throws IOException {
    String dir = System.getProperty("ff.spec.dir");
    assertThat(dir).as("system property ff.spec.dir (the spec folder)").isNotBlank();
    Path folder = Path.of(dir, "stats");
    assertThat(folder).as("statistics conformance folder").isDirectory();
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).as("JSON files in " + folder).isNotEmpty();
    List<DynamicNode> containers = new ArrayList<>();
    for (Path file : files) {
      JsonNode doc = MAPPER.readTree(file.toFile());
      JsonNode cases = doc.get("cases");
      assertThat(cases).as(file + ": cases").isNotNull();
      assertThat(cases.size()).as(file + ": number of cases").isPositive();
      List<DynamicNode> tests = new ArrayList<>();
      for (JsonNode c : cases) {
        tests.add(dynamicTest(c.get("name").asText(), () -> runCase(c)));
      }
      containers.add(dynamicContainer(file.getFileName().toString(), tests));
    }
    return containers.stream();
  }

  private static void runCase(JsonNode c) {
    ObjectNode request = MAPPER.createObjectNode();
    request.set("kind", c.get("kind"));
    request.set("inputs", c.get("inputs"));
    JsonNode expected = c.get("expected");
    if (expected.size() == 1 && expected.has("error")) {
      assertThatThrownBy(() -> StatsRequests.handle(request))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(expected.get("error").asText());
      return;
    }
    JsonNode actual = StatsRequests.handle(request);
    List<String> problems = new ArrayList<>();
    compare(expected, actual, "", null, null, problems);
    assertThat(problems).as("mismatches; actual = " + actual).isEmpty();
  }

  /** Collects every mismatch between expected and actual. */
  static void compare(
      JsonNode expected,
      JsonNode actual,
      String path,
      String field,
      JsonNode parent,
      List<String> problems) {
    if (expected.isObject()) {
      if (!actual.isObject()) {
        problems.add(path + ": expected an object, got " + actual);
        return;
      }
      Set<String> want = names(expected);
      Set<String> got = names(actual);
      if (!want.equals(got)) {
        problems.add(path + ": members " + got + " differ from expected " + want);
      }
      for (String name : want) {
        if (actual.has(name)) {
          compare(
              expected.get(name), actual.get(name), path + "/" + name, name, expected, problems);
        }
      }
    } else if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        problems.add(path + ": expected " + expected + ", got " + actual);
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(expected.get(i), actual.get(i), path + "/" + i, field, parent, problems);
      }
    } else if (expected.isIntegralNumber()) {
      if (!actual.isIntegralNumber() || actual.longValue() != expected.longValue()) {
        problems.add(path + ": expected the integer " + expected + ", got " + actual);
      }
    } else if (expected.isNumber()) {
      if (!actual.isNumber()) {
        problems.add(path + ": expected " + expected + ", got " + actual);
        return;
      }
      double e = expected.doubleValue();
      double a = actual.doubleValue();
      double tolerance;
      if (ABSOLUTE_1E6.contains(field)) {
        tolerance = 1e-6;
      } else {
        double scale = Math.abs(e);
        String partner = CI_PARTNER.get(field);
        if (partner != null && parent.hasNonNull(partner)) {
          scale = Math.max(scale, Math.abs(parent.get(partner).doubleValue() - e) / 2);
        }
        tolerance = 1e-9 + 1e-6 * scale;
      }
      if (!(Math.abs(a - e) <= tolerance)) {
        problems.add(path + ": expected " + e + " ± " + tolerance + ", got " + a);
      }
    } else if (!expected.equals(actual)) {
      problems.add(path + ": expected " + expected + ", got " + actual);
    }
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new TreeSet<>();
    Iterator<String> it = node.fieldNames();
    it.forEachRemaining(names::add);
    return names;
  }
}
