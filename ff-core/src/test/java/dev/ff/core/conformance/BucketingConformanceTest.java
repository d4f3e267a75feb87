package dev.ff.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.core.bucket.Bucketing;
import dev.ff.core.conformance.SpecFiles.SpecFile;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code spec/bucketing/vectors.json}: every vector through {@link Bucketing#bucket} and every
 * attribute of {@code units} through {@link Bucketing#unitOf}.
 */
class BucketingConformanceTest {
  private static final String FOLDER = "bucketing";
  private static final String FILE = "vectors.json";

  @Test
  void vectors_coverEnoughInputs() {
    SpecFile file = SpecFiles.load(FOLDER, FILE);
    assertThat(file.array("vectors")).hasSizeGreaterThanOrEqualTo(200);
    assertThat(file.array("units")).isNotEmpty();
  }

  @TestFactory
  Stream<DynamicTest> bucket_matchesVector() {
    SpecFile file = SpecFiles.load(FOLDER, FILE);
    List<JsonNode> vectors = file.array("vectors");
    return vectors.stream()
        .map(
            v -> {
              String salt = SpecFiles.text(v, "salt");
              String seed = SpecFiles.text(v, "seed");
              String unit = SpecFiles.text(v, "unit");
              JsonNode expected = SpecFiles.member(v, "bucket");
              String name =
                  String.format(
                      "%s: bucket(%s, %s, %s)", file.name(), salt, shown(seed), shown(unit));
              return dynamicTest(
                  name,
                  () -> {
                    assertThat(expected.isInt()).as("vector bucket is an integer").isTrue();
                    assertThat(Bucketing.bucket(salt, seed, unit)).isEqualTo(expected.intValue());
                  });
            });
  }

  @TestFactory
  Stream<DynamicTest> unitOf_matchesUnit() {
    SpecFile file = SpecFiles.load(FOLDER, FILE);
    return file.array("units").stream()
        .map(
            u -> {
              JsonNode attribute = SpecFiles.member(u, "attribute");
              JsonNode expected = SpecFiles.member(u, "unit");
              String want = expected.isNull() ? null : expected.asText();
              String name = file.name() + ": unit of " + attribute + " is " + expected;
              return dynamicTest(
                  name,
                  () -> {
                    assertThat(expected.isNull() || expected.isTextual())
                        .as("expected unit is a string or null")
                        .isTrue();
                    assertThat(Bucketing.unitOf(attribute)).isEqualTo(want);
                  });
            });
  }

  /** A readable form of a string for a test name: line breaks and tabs escaped, 40 chars. */
  private static String shown(String s) {
    String escaped = s.replace("\n", "\\n").replace("\t", "\\t");
    return escaped.length() <= 40
        ? escaped
        : escaped.substring(0, 37) + "...(" + s.length() + " chars)";
  }
}
