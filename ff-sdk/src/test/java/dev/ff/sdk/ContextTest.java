package dev.ff.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.eval.EvaluationResult;
import dev.ff.core.eval.Reason;
import dev.ff.sdk.internal.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Context building: immutability, reuse of a builder, attribute types. */
class ContextTest {

  @Test
  void aBuilderUsedAfterBuild_doesNotChangeTheBuiltContext() {
    Context.Builder b = Context.builder("u-1").set("plan", "free");
    Context first = b.build();
    Context second = b.set("plan", "pro").set("country", "NL").build();
    Context third = b.set("country", "BE").build();
    assertThat(first.toJson().toString()).isEqualTo("{\"key\":\"u-1\",\"plan\":\"free\"}");
    assertThat(second.toJson().toString())
        .isEqualTo("{\"key\":\"u-1\",\"plan\":\"pro\",\"country\":\"NL\"}");
    assertThat(third.get("country").asText()).isEqualTo("BE");
    assertThat(second.get("country").asText()).isEqualTo("NL");
  }

  @Test
  void aJacksonNodeIsCopiedWhenSet() {
    ObjectNode device = Json.MAPPER.createObjectNode().put("os", "ios");
    Context.Builder b = Context.builder("u-2").set("device", device);
    device.put("os", "android"); // after set: not seen
    Context c = b.build();
    device.put("os", "linux"); // after build: not seen
    assertThat(c.get("device").get("os").asText()).isEqualTo("ios");
  }

  @Test
  void attributeTypes_areTheNodesJacksonWouldMake() {
    Map<String, Object> values =
        Map.of(
            "s",
            "text",
            "b",
            true,
            "i",
            42,
            "l",
            1L << 40,
            "d",
            2.5,
            "bd",
            new BigDecimal("1.25"),
            "list",
            List.of(1, "a"),
            "map",
            Map.of("k", 1));
    Context.Builder b = Context.builder("u-3");
    values.forEach(b::set);
    Context c = b.build();
    values.forEach(
        (name, value) -> {
          JsonNode expected = Json.MAPPER.valueToTree(value);
          assertThat(c.get(name)).as(name).isEqualTo(expected);
          assertThat(c.get(name).getClass()).as(name).isEqualTo(expected.getClass());
        });
    assertThat(c.get("missing")).isNull();
    assertThat(Context.builder(null).set("a", null).build().toJson().toString())
        .isEqualTo("{\"a\":null}");
  }

  @Test
  void equalContentMeansEqualContexts_whateverTheirExposureHistory() {
    Context a = Context.of("u-4");
    Context b = Context.builder("u-4").build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    EvaluationResult v1 = result("on", 1);
    a.rememberExposure(v1);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.exposureMemoIs(v1)).isTrue();
    assertThat(a.exposureMemoIs(result("on", 1))).isFalse(); // another instance
    assertThat(b.exposureMemoIs(v1)).isFalse();
  }

  @Test
  void theExposureMemo_isWrittenOncePerConfigVersion() {
    Context c = Context.of("u-5");
    EvaluationResult first = result("on", 1);
    EvaluationResult otherFlag = result("off", 1);
    EvaluationResult nextVersion = result("on", 2);
    c.rememberExposure(first);
    c.rememberExposure(otherFlag); // same version: kept as it is
    assertThat(c.exposureMemoIs(first)).isTrue();
    assertThat(c.exposureMemoIs(otherFlag)).isFalse();
    c.rememberExposure(nextVersion); // a new config: replaced
    assertThat(c.exposureMemoIs(nextVersion)).isTrue();
  }

  private static EvaluationResult result(String variation, long version) {
    return new EvaluationResult(
        "flag", variation, BooleanNode.TRUE, Reason.DEFAULT, null, false, null, version, null);
  }
}
