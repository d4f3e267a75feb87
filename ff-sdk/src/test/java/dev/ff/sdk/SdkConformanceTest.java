package dev.ff.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code spec/eval/*.json} through the SDK's public API: one offline client per file with the
 * file's config as bootstrap, then each case through {@link FfClient#variation}, the typed detail
 * getters, or {@link FfClient#evaluateJson} for contexts that are not objects with a string key.
 */
class SdkConformanceTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
      };

  static Path specDir() {
    String dir = System.getProperty("ff.spec.dir");
    assertThat(dir).as("system property ff.spec.dir (set by the pom)").isNotNull();
    return Path.of(dir);
  }

  static List<Path> evalFiles() throws IOException {
    try (Stream<Path> files = Files.list(specDir().resolve("eval"))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void everyTopicIsPresent() throws IOException {
    assertThat(evalFiles()).hasSizeGreaterThanOrEqualTo(16);
  }

  @TestFactory
  Stream<DynamicTest> sdkGivesTheExpectedResults() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : evalFiles()) {
      JsonNode content = MAPPER.readTree(file.toFile());
      JsonNode cases = content.get("cases");
      assertThat(cases).as("cases of %s", file).isNotNull();
      assertThat(cases.size()).as("cases of %s", file).isPositive();
      FfClient client =
          FfClient.builder(null).offline(true).bootstrapConfig(content.get("config")).build();
      tests.add(
          dynamicTest(
              file.getFileName() + ": bootstrap is ready",
              () ->
                  assertThat(client.awaitInitialized(java.time.Duration.ZERO).isReady()).isTrue()));
      for (JsonNode c : cases) {
        String name = file.getFileName() + ": " + c.get("name").asText();
        tests.add(dynamicTest(name, () -> run(name, client, c)));
      }
    }
    return tests.stream();
  }

  private static void run(String name, FfClient client, JsonNode c) {
    String flag = c.get("flag").asText();
    JsonNode context = c.get("context");
    JsonNode def = c.get("default");
    String call = c.has("call") ? c.get("call").asText() : "untyped";
    EvaluationDetail d;
    boolean objectWithKey =
        context instanceof ObjectNode o
            && (o.get("key") == null || o.get("key").isNull() || o.get("key").isTextual());
    if (objectWithKey) {
      Context ctx = Context.fromJson(context);
      d =
          switch (call) {
            case "boolean" -> client.boolVariationDetail(flag, ctx, def.booleanValue());
            case "string" -> client.stringVariationDetail(flag, ctx, def.textValue());
            default -> client.variation(flag, ctx, def);
          };
    } else {
      d = client.evaluateJson(flag, context, def, call);
    }
    ObjectNode actual = d.toJson();
    JsonNode expected = c.get("expected");
    assertThat(actual.equals(NUMBERS_BY_VALUE, expected))
        .as("%s%n expected: %s%n   actual: %s", name, expected, actual)
        .isTrue();
  }
}
