package dev.ff.core.eval;

import static dev.ff.core.eval.TestDocs.compile;
import static dev.ff.core.eval.TestDocs.json;
import static dev.ff.core.eval.TestDocs.ruleFlag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.ff.core.model.Condition;
import dev.ff.core.model.ConfigDocument;
import dev.ff.core.model.Flag;
import dev.ff.core.model.FlagType;
import dev.ff.core.model.Operator;
import dev.ff.core.model.Outcome;
import dev.ff.core.model.Prerequisite;
import dev.ff.core.model.Rule;
import dev.ff.core.model.Segment;
import dev.ff.core.model.Variation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the compiler refuses, and that it never exhausts the stack. */
class CompilerTest {

  private static final List<Variation> BOOL =
      List.of(new Variation("off", BooleanNode.FALSE), new Variation("on", BooleanNode.TRUE));

  private static Flag boolFlag(String key, List<Prerequisite> prerequisites, List<Rule> rules) {
    return new Flag(key, FlagType.BOOLEAN, true, BOOL, "off", "off", prerequisites, rules, null);
  }

  private static ConfigDocument doc(Map<String, Flag> flags, Map<String, Segment> segments) {
    return new ConfigDocument("prod", "shop", 3, null, "abc", flags, segments);
  }

  private static Rule segmentRule(String segment) {
    return new Rule("r", null, new Condition.SegmentRef(segment), new Outcome.Serve("on"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"attr\":\"a\",\"op\":\"eq\",\"value\":null}",
        "{\"attr\":\"a\",\"op\":\"eq\",\"value\":[1]}",
        "{\"attr\":\"a\",\"op\":\"neq\",\"value\":{}}",
        "{\"attr\":\"a\",\"op\":\"in\",\"values\":[null]}",
        "{\"attr\":\"a\",\"op\":\"not_in\",\"values\":[[\"x\"]]}",
        "{\"attr\":\"a\",\"op\":\"contains\",\"value\":1}",
        "{\"attr\":\"a\",\"op\":\"starts_with\",\"value\":true}",
        "{\"attr\":\"a\",\"op\":\"ends_with\",\"value\":null}",
        "{\"attr\":\"a\",\"op\":\"regex\",\"value\":\"(\"}",
        "{\"attr\":\"a\",\"op\":\"regex\",\"value\":\"a(?=b)\"}",
        "{\"attr\":\"a\",\"op\":\"regex\",\"value\":\"(a)\\\\1\"}",
        "{\"attr\":\"a\",\"op\":\"regex\",\"value\":5}",
        "{\"attr\":\"a\",\"op\":\"lt\",\"value\":\"5\"}",
        "{\"attr\":\"a\",\"op\":\"gte\",\"value\":null}",
        "{\"attr\":\"a\",\"op\":\"semver_eq\",\"value\":\"1.x\"}",
        "{\"attr\":\"a\",\"op\":\"semver_gt\",\"value\":1}",
        "{\"attr\":\"a\",\"op\":\"before\",\"value\":\"2026-13-01T00:00:00Z\"}",
        "{\"attr\":\"a\",\"op\":\"after\",\"value\":1.5}",
        "{\"attr\":\"a\",\"op\":\"after\",\"value\":true}",
        "{\"attr\":\"a..b\",\"op\":\"exists\"}",
        "{\"attr\":\".a\",\"op\":\"exists\"}",
        "{\"attr\":\"a.\",\"op\":\"exists\"}",
        "{\"attr\":\"\",\"op\":\"exists\"}",
        "{\"segment\":\"nope\"}"
      })
  void compile_badConditions_throw(String condition) {
    assertThatThrownBy(() -> compile(ruleFlag(condition)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compile_leafWithoutValue_throws() {
    Rule r =
        new Rule(
            "r", null, new Condition.Leaf("a", Operator.EQ, null, null), new Outcome.Serve("on"));
    assertThatThrownBy(
            () -> Compiler.compile(doc(Map.of("f", boolFlag("f", List.of(), List.of(r))), null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"variation\":\"nope\"}",
        "{\"rollout\":{\"variations\":[{\"variation\":\"nope\",\"weight\":10000}]}}",
        "{\"rollout\":{\"variations\":[{\"variation\":\"on\",\"weight\":9999}]}}",
        "{\"rollout\":{\"variations\":[{\"variation\":\"on\",\"weight\":10001},"
            + "{\"variation\":\"off\",\"weight\":-1}]}}",
        "{\"rollout\":{\"variations\":[{\"variation\":\"on\",\"weight\":10000}],\"coverage\":10001}}",
        "{\"rollout\":{\"variations\":[{\"variation\":\"on\",\"weight\":10000}],\"coverage\":-1}}",
        "{\"rollout\":{\"variations\":[{\"variation\":\"on\",\"weight\":10000}],"
            + "\"bucketBy\":\"a..b\"}}"
      })
  void compile_badOutcomes_throw(String outcome) {
    String flag =
        "\"f\":{\"key\":\"f\",\"type\":\"boolean\",\"enabled\":true,"
            + "\"variations\":[{\"key\":\"off\",\"value\":false},{\"key\":\"on\",\"value\":true}],"
            + "\"offVariation\":\"off\",\"defaultVariation\":\"off\","
            + "\"rules\":[{\"id\":\"r\",\"if\":{\"all\":[]},\"then\":"
            + outcome
            + "}]}";
    assertThatThrownBy(() -> compile(flag)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compile_unknownOffOrDefaultVariation_throws() {
    Flag off =
        new Flag("f", FlagType.BOOLEAN, true, BOOL, "nope", "off", List.of(), List.of(), null);
    Flag def =
        new Flag("f", FlagType.BOOLEAN, true, BOOL, "off", "nope", List.of(), List.of(), null);
    assertThatThrownBy(() -> Compiler.compile(doc(Map.of("f", off), null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Compiler.compile(doc(Map.of("f", def), null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compile_unknownPrerequisite_throws() {
    Flag f = boolFlag("f", List.of(new Prerequisite("ghost", "on")), List.of());
    assertThatThrownBy(() -> Compiler.compile(doc(Map.of("f", f), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ghost");
  }

  @Test
  void compile_prerequisiteCycles_throw() {
    Flag self = boolFlag("a", List.of(new Prerequisite("a", "on")), List.of());
    assertThatThrownBy(() -> Compiler.compile(doc(Map.of("a", self), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cycle");
    Map<String, Flag> two = new LinkedHashMap<>();
    two.put("a", boolFlag("a", List.of(new Prerequisite("b", "on")), List.of()));
    two.put("b", boolFlag("b", List.of(new Prerequisite("a", "on")), List.of()));
    assertThatThrownBy(() -> Compiler.compile(doc(two, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cycle");
  }

  @Test
  void compile_segmentCycles_throw() {
    Map<String, Segment> self =
        Map.of("s", new Segment("s", null, null, new Condition.SegmentRef("s")));
    Flag f = boolFlag("f", List.of(), List.of(segmentRule("s")));
    assertThatThrownBy(() -> Compiler.compile(doc(Map.of("f", f), self)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cycle");
    Map<String, Segment> nested = new LinkedHashMap<>();
    nested.put(
        "s",
        new Segment(
            "s",
            null,
            null,
            new Condition.All(
                List.of(
                    new Condition.Not(
                        new Condition.Any(List.of(new Condition.SegmentRef("t"))))))));
    nested.put("t", new Segment("t", null, null, new Condition.SegmentRef("s")));
    assertThatThrownBy(() -> Compiler.compile(doc(Map.of("f", f), nested)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cycle");
  }

  @Test
  void compile_unknownSegmentInSegment_throws() {
    Map<String, Segment> s =
        Map.of("s", new Segment("s", null, null, new Condition.SegmentRef("ghost")));
    assertThatThrownBy(() -> Compiler.compile(doc(Map.of(), s)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ghost");
  }

  @Test
  void compile_longPrerequisiteCycle_throwsWithoutStackOverflow() {
    int n = 30_000;
    Map<String, Flag> flags = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String next = "f" + ((i + 1) % n);
      flags.put("f" + i, boolFlag("f" + i, List.of(new Prerequisite(next, "off")), List.of()));
    }
    assertThatThrownBy(() -> Compiler.compile(doc(flags, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cycle");
  }

  @Test
  void compile_longSegmentCycle_throwsWithoutStackOverflow() {
    int n = 30_000;
    Map<String, Segment> segments = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String next = "s" + ((i + 1) % n);
      segments.put("s" + i, new Segment("s" + i, null, null, new Condition.SegmentRef(next)));
    }
    assertThatThrownBy(() -> Compiler.compile(doc(Map.of(), segments)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cycle");
  }

  @Test
  void evaluate_veryLongPrerequisiteChain_neverThrows() {
    int n = 30_000;
    Map<String, Flag> flags = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      List<Prerequisite> pre =
          i + 1 < n ? List.of(new Prerequisite("f" + (i + 1), "off")) : List.of();
      flags.put("f" + i, boolFlag("f" + i, pre, List.of()));
    }
    CompiledConfig c = Compiler.compile(doc(flags, null));
    assertThat(c.evaluate("f" + (n - 2), json("{}"), null).reason()).isEqualTo(Reason.DEFAULT);
    EvaluationResult deep = c.evaluate("f0", json("{}"), null);
    // Either the chain fits on the stack (DEFAULT) or evaluation reports GENERAL; never throws.
    assertThat(deep.reason()).isIn(Reason.DEFAULT, Reason.ERROR);
    if (deep.isError()) {
      assertThat(deep.errorCode()).isEqualTo(ErrorCode.GENERAL);
    }
  }

  @Test
  void compile_conditionsNestedTooDeeply_throw() {
    Condition c = new Condition.All(List.of());
    for (int i = 0; i < Compiler.MAX_CONDITION_DEPTH + 5; i++) {
      c = new Condition.Not(c);
    }
    Flag f = boolFlag("f", List.of(), List.of(new Rule("r", null, c, new Outcome.Serve("on"))));
    assertThatThrownBy(() -> Compiler.compile(doc(Map.of("f", f), null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compile_deepButAllowedNesting_evaluates() {
    Condition c = new Condition.All(List.of());
    for (int i = 0; i < 400; i++) {
      c = new Condition.Not(new Condition.Not(c));
    }
    Flag f = boolFlag("f", List.of(), List.of(new Rule("r", null, c, new Outcome.Serve("on"))));
    CompiledConfig cc = Compiler.compile(doc(Map.of("f", f), null));
    assertThat(cc.evaluate("f", json("{}"), null).variation()).isEqualTo("on");
  }

  @Test
  void compile_validDocument_succeeds() {
    assertThatNoException()
        .isThrownBy(() -> compile(ruleFlag("{\"attr\":\"a\",\"op\":\"regex\",\"value\":\"^x\"}")));
  }

  @Test
  void dependencyOrder_putsDependenciesFirst() {
    Map<String, List<String>> g = new LinkedHashMap<>();
    g.put("a", List.of("b", "c"));
    g.put("b", List.of("c"));
    g.put("c", List.of());
    g.put("d", List.of("a"));
    assertThat(Compiler.dependencyOrder(g, "x")).containsExactly("c", "b", "a", "d");
  }
}
