package dev.ff.core.eval;

import static dev.ff.core.eval.TestDocs.compile;
import static dev.ff.core.eval.TestDocs.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rollouts end to end. Expected buckets were computed independently with python3 hashlib for salt
 * "abc": seed "exp": u0 1949, u1 226, u3 9659, u7 7589, u9 9760, u10 4733, u11 7410; seed
 * "custom-seed": u0 4385, u2 9935, u5 2479; seed "xg/layer": u0 4647, u1 6615, u3 1628, u9 7648;
 * seed "exp" on units "5" 1675 and "-3" 1041.
 */
class RolloutTest {

  private static String flag(String rules) {
    return "\"exp\":{\"key\":\"exp\",\"type\":\"multivariate\",\"enabled\":true,"
        + "\"variations\":[{\"key\":\"a\",\"value\":\"A\"},{\"key\":\"b\",\"value\":\"B\"},"
        + "{\"key\":\"c\",\"value\":\"C\"},{\"key\":\"d\",\"value\":\"D\"}],"
        + "\"offVariation\":\"a\",\"defaultVariation\":\"d\",\"rules\":["
        + rules
        + "]}";
  }

  private static String rolloutRule(String rollout) {
    return "{\"id\":\"r\",\"if\":{\"all\":[]},\"then\":{\"rollout\":" + rollout + "}}";
  }

  private static final String HALVES =
      "\"variations\":[{\"variation\":\"a\",\"weight\":5000},{\"variation\":\"b\",\"weight\":5000}]";

  private static CompiledConfig config(String rollout) {
    return compile(flag(rolloutRule(rollout)));
  }

  private static String variation(CompiledConfig c, String context) {
    return c.evaluate("exp", json(context), null).variation();
  }

  private static String unit(CompiledConfig c, String key) {
    return variation(c, "{\"key\":\"" + key + "\"}");
  }

  @Test
  void rollout_fullCoverage_splitsByBucket() {
    CompiledConfig c = config("{" + HALVES + "}");
    assertThat(unit(c, "u0")).isEqualTo("a");
    assertThat(unit(c, "u3")).isEqualTo("b");
    assertThat(unit(c, "u10")).isEqualTo("a");
    assertThat(unit(c, "u11")).isEqualTo("b");
    EvaluationResult r = c.evaluate("exp", json("{\"key\":\"u0\"}"), null);
    assertThat(r.reason()).isEqualTo(Reason.SPLIT);
    assertThat(r.ruleId()).isEqualTo("r");
    assertThat(r.value()).isEqualTo(json("\"A\""));
    assertThat(r.inExperiment()).isFalse();
    assertThat(r.experiment()).isNull();
  }

  @Test
  void rollout_withExperiment_marksResult() {
    CompiledConfig c = config("{" + HALVES + ",\"experiment\":\"exp-test\"}");
    EvaluationResult r = c.evaluate("exp", json("{\"key\":\"u3\"}"), null);
    assertThat(r.variation()).isEqualTo("b");
    assertThat(r.inExperiment()).isTrue();
    assertThat(r.experiment()).isEqualTo("exp-test");
    assertThat(r.toJson().get("inExperiment").booleanValue()).isTrue();
  }

  @Test
  void rollout_experimentOutsideCoverage_isNotInExperiment() {
    CompiledConfig c = config("{" + HALVES + ",\"coverage\":5000,\"experiment\":\"exp-test\"}");
    EvaluationResult r = c.evaluate("exp", json("{\"key\":\"u3\"}"), null);
    assertThat(r.reason()).isEqualTo(Reason.DEFAULT);
    assertThat(r.inExperiment()).isFalse();
    assertThat(r.experiment()).isNull();
  }

  @Test
  void rollout_partialCoverage_scalesEachRangeFromItsStart() {
    // a owns [0, 2500), b owns [5000, 7500).
    CompiledConfig c = config("{" + HALVES + ",\"coverage\":5000}");
    assertThat(unit(c, "u0")).isEqualTo("a");
    assertThat(unit(c, "u10")).isEqualTo("d");
    assertThat(unit(c, "u11")).isEqualTo("b");
    assertThat(unit(c, "u7")).isEqualTo("d");
    assertThat(unit(c, "u3")).isEqualTo("d");
  }

  @Test
  void rollout_threeWayPartialCoverage() {
    // Weights 2000/3000/5000 at coverage 5000: a [0,1000), b [2000,3500), c [5000,7500).
    CompiledConfig c =
        config(
            "{\"variations\":[{\"variation\":\"a\",\"weight\":2000},"
                + "{\"variation\":\"b\",\"weight\":3000},{\"variation\":\"c\",\"weight\":5000}],"
                + "\"coverage\":5000}");
    assertThat(unit(c, "u1")).isEqualTo("a");
    assertThat(unit(c, "u0")).isEqualTo("d");
    assertThat(unit(c, "u10")).isEqualTo("d");
    assertThat(unit(c, "u11")).isEqualTo("c");
    assertThat(unit(c, "u3")).isEqualTo("d");
  }

  @Test
  void rollout_zeroCoverage_neverApplies() {
    CompiledConfig c = config("{" + HALVES + ",\"coverage\":0}");
    for (String u : new String[] {"u0", "u1", "u3", "u7", "u9", "u10", "u11"}) {
      assertThat(unit(c, u)).isEqualTo("d");
    }
  }

  @Test
  void rollout_zeroWeightVariationGetsNothing() {
    CompiledConfig c =
        config(
            "{\"variations\":[{\"variation\":\"a\",\"weight\":0},"
                + "{\"variation\":\"b\",\"weight\":10000}]}");
    for (String u : new String[] {"u0", "u1", "u3", "u7", "u9", "u10", "u11"}) {
      assertThat(unit(c, u)).isEqualTo("b");
    }
  }

  @Test
  void rollout_notApplying_fallsThroughToNextRule() {
    CompiledConfig c =
        compile(
            flag(
                rolloutRule("{" + HALVES + ",\"coverage\":5000}")
                    + ",{\"id\":\"fallback\",\"if\":{\"all\":[]},\"then\":{\"variation\":\"c\"}}"));
    EvaluationResult r = c.evaluate("exp", json("{\"key\":\"u3\"}"), null);
    assertThat(r.variation()).isEqualTo("c");
    assertThat(r.reason()).isEqualTo(Reason.TARGETING_MATCH);
    assertThat(r.ruleId()).isEqualTo("fallback");
    assertThat(c.evaluate("exp", json("{\"key\":\"u0\"}"), null).ruleId()).isEqualTo("r");
  }

  @Test
  void rollout_exclusionGroup_admitsOnlyItsSlice() {
    CompiledConfig low =
        config("{" + HALVES + ",\"exclusionGroup\":{\"key\":\"layer\",\"start\":0,\"end\":5000}}");
    assertThat(unit(low, "u0")).isEqualTo("a");
    assertThat(unit(low, "u1")).isEqualTo("d");
    assertThat(unit(low, "u3")).isEqualTo("b");
    assertThat(unit(low, "u9")).isEqualTo("d");
    CompiledConfig high =
        config(
            "{" + HALVES + ",\"exclusionGroup\":{\"key\":\"layer\",\"start\":5000,\"end\":10000}}");
    assertThat(unit(high, "u0")).isEqualTo("d");
    assertThat(unit(high, "u1")).isEqualTo("a");
    assertThat(unit(high, "u9")).isEqualTo("b");
    assertThat(unit(high, "u3")).isEqualTo("d");
  }

  @Test
  void rollout_exclusionGroupRangeIsHalfOpen() {
    // u0's group bucket is 4647: inside [4647, 4648), outside [4646, 4647).
    CompiledConfig at =
        config(
            "{" + HALVES + ",\"exclusionGroup\":{\"key\":\"layer\",\"start\":4647,\"end\":4648}}");
    CompiledConfig before =
        config(
            "{" + HALVES + ",\"exclusionGroup\":{\"key\":\"layer\",\"start\":4646,\"end\":4647}}");
    assertThat(unit(at, "u0")).isEqualTo("a");
    assertThat(unit(before, "u0")).isEqualTo("d");
  }

  @Test
  void rollout_explicitSeed() {
    CompiledConfig c = config("{" + HALVES + ",\"seed\":\"custom-seed\"}");
    assertThat(unit(c, "u0")).isEqualTo("a");
    assertThat(unit(c, "u2")).isEqualTo("b");
    assertThat(unit(c, "u5")).isEqualTo("a");
  }

  @Test
  void rollout_numericUnits() {
    CompiledConfig c =
        config(
            "{\"variations\":[{\"variation\":\"a\",\"weight\":1500},"
                + "{\"variation\":\"b\",\"weight\":8500}],\"bucketBy\":\"id\"}");
    assertThat(variation(c, "{\"id\":5}")).isEqualTo("b");
    assertThat(variation(c, "{\"id\":5.0}")).isEqualTo("b");
    assertThat(variation(c, "{\"id\":\"5\"}")).isEqualTo("b");
    assertThat(variation(c, "{\"id\":-3}")).isEqualTo("a");
  }

  @Test
  void rollout_unusableUnits_doNotApply() {
    CompiledConfig c = config("{" + HALVES + ",\"bucketBy\":\"id\"}");
    for (String ctx :
        new String[] {
          "{}",
          "{\"id\":null}",
          "{\"id\":\"\"}",
          "{\"id\":1.5}",
          "{\"id\":true}",
          "{\"id\":[\"u0\"]}",
          "{\"id\":{\"x\":1}}",
          "{\"id\":9007199254740992}",
          "{\"key\":\"u0\"}"
        }) {
      EvaluationResult r = c.evaluate("exp", json(ctx), null);
      assertThat(r.reason()).as(ctx).isEqualTo(Reason.DEFAULT);
    }
  }

  @Test
  void rollout_contextWithoutKey_rolloutByKeyDoesNotApply() {
    CompiledConfig c = config("{" + HALVES + "}");
    assertThat(c.evaluate("exp", json("{}"), null).reason()).isEqualTo(Reason.DEFAULT);
    assertThat(c.evaluate("exp", json("{\"key\":null}"), null).reason()).isEqualTo(Reason.DEFAULT);
  }

  @Test
  void rollout_nestedBucketBy() {
    CompiledConfig c = config("{" + HALVES + ",\"bucketBy\":\"user.id\"}");
    assertThat(variation(c, "{\"user\":{\"id\":\"u3\"}}")).isEqualTo("b");
    assertThat(variation(c, "{\"user\":{\"id\":\"u0\"}}")).isEqualTo("a");
    assertThat(variation(c, "{\"user.id\":\"u3\"}")).isEqualTo("d");
  }
}
