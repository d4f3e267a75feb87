package dev.ff.core.eval;

import static dev.ff.core.eval.TestDocs.compile;
import static dev.ff.core.eval.TestDocs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** Reasons, error codes and their order, typed calls, prerequisites and segments. */
class CompiledConfigTest {

  private static final String BOOL_VARS =
      "\"variations\":[{\"key\":\"off\",\"value\":false},{\"key\":\"on\",\"value\":true}],"
          + "\"offVariation\":\"off\",\"defaultVariation\":\"off\"";

  /** A boolean flag with the given enabled state, prerequisites and rules. */
  private static String boolFlag(String key, boolean enabled, String prerequisites, String rules) {
    return "\""
        + key
        + "\":{\"key\":\""
        + key
        + "\",\"type\":\"boolean\",\"enabled\":"
        + enabled
        + ","
        + BOOL_VARS
        + ",\"prerequisites\":["
        + prerequisites
        + "],\"rules\":["
        + rules
        + "]}";
  }

  private static final String COLOR =
      "\"color\":{\"key\":\"color\",\"type\":\"multivariate\",\"enabled\":true,"
          + "\"variations\":[{\"key\":\"red\",\"value\":\"#f00\"},"
          + "{\"key\":\"blue\",\"value\":\"#00f\"},{\"key\":\"green\",\"value\":\"#0f0\"}],"
          + "\"offVariation\":\"red\",\"defaultVariation\":\"blue\","
          + "\"rules\":[{\"id\":\"vip\",\"description\":\"VIPs\","
          + "\"if\":{\"attr\":\"tier\",\"op\":\"eq\",\"value\":\"vip\"},"
          + "\"then\":{\"variation\":\"green\"}},"
          + "{\"id\":\"also-vip\",\"if\":{\"attr\":\"tier\",\"op\":\"exists\"},"
          + "\"then\":{\"variation\":\"red\"}}]}";

  private static final String SIZE =
      "\"size\":{\"key\":\"size\",\"type\":\"multivariate\",\"enabled\":true,"
          + "\"variations\":[{\"key\":\"s\",\"value\":1},{\"key\":\"l\",\"value\":3}],"
          + "\"offVariation\":\"s\",\"defaultVariation\":\"l\",\"rules\":[]}";

  private static final String CONFIG =
      "\"config\":{\"key\":\"config\",\"type\":\"json\",\"enabled\":true,"
          + "\"variations\":[{\"key\":\"a\",\"value\":{\"limit\":5,\"tags\":[\"x\"]}}],"
          + "\"offVariation\":\"a\",\"defaultVariation\":\"a\",\"rules\":[]}";

  private static final String WORDS =
      "\"words\":{\"key\":\"words\",\"type\":\"json\",\"enabled\":true,"
          + "\"variations\":[{\"key\":\"a\",\"value\":\"alpha\"},{\"key\":\"b\",\"value\":\"beta\"}],"
          + "\"offVariation\":\"a\",\"defaultVariation\":\"b\",\"rules\":[]}";

  private static CompiledConfig all() {
    return compile(
        String.join(
            ",",
            boolFlag("dark", false, "", ""),
            boolFlag("plain", true, "", ""),
            COLOR,
            SIZE,
            CONFIG,
            WORDS));
  }

  private static void assertResult(
      EvaluationResult r,
      String flag,
      String variation,
      JsonNode value,
      Reason reason,
      String ruleId,
      ErrorCode code) {
    assertThat(r.flag()).isEqualTo(flag);
    assertThat(r.variation()).isEqualTo(variation);
    assertThat(r.value()).isEqualTo(value);
    assertThat(r.reason()).isEqualTo(reason);
    assertThat(r.ruleId()).isEqualTo(ruleId);
    assertThat(r.inExperiment()).isFalse();
    assertThat(r.experiment()).isNull();
    assertThat(r.configVersion()).isEqualTo(TestDocs.VERSION);
    assertThat(r.errorCode()).isEqualTo(code);
  }

  @Test
  void evaluate_disabledFlag_servesOffVariation() {
    EvaluationResult r = all().evaluate("dark", json("{\"key\":\"u1\"}"), null);
    assertResult(r, "dark", "off", BooleanNode.FALSE, Reason.DISABLED, null, null);
  }

  @Test
  void evaluate_noRuleMatches_servesDefault() {
    EvaluationResult r = all().evaluate("color", json("{\"key\":\"u1\"}"), null);
    assertResult(r, "color", "blue", TextNode.valueOf("#00f"), Reason.DEFAULT, null, null);
    assertResult(
        all().evaluate("plain", json("{}"), null),
        "plain",
        "off",
        BooleanNode.FALSE,
        Reason.DEFAULT,
        null,
        null);
  }

  @Test
  void evaluate_firstMatchingRuleWins() {
    CompiledConfig c = all();
    assertResult(
        c.evaluate("color", json("{\"tier\":\"vip\"}"), null),
        "color",
        "green",
        TextNode.valueOf("#0f0"),
        Reason.TARGETING_MATCH,
        "vip",
        null);
    assertResult(
        c.evaluate("color", json("{\"tier\":\"gold\"}"), null),
        "color",
        "red",
        TextNode.valueOf("#f00"),
        Reason.TARGETING_MATCH,
        "also-vip",
        null);
  }

  @Test
  void evaluate_jsonFlag_servesStructuredValue() {
    EvaluationResult r = all().evaluate("config", json("{}"), IntNode.valueOf(1));
    assertThat(r.value()).isEqualTo(json("{\"limit\":5,\"tags\":[\"x\"]}"));
    assertThat(r.reason()).isEqualTo(Reason.DEFAULT);
  }

  @Test
  void evaluate_successResultsAreSharedInstances() {
    CompiledConfig c = all();
    JsonNode ctx = json("{\"key\":\"u1\",\"tier\":\"vip\"}");
    assertThat(c.evaluate("color", ctx, null)).isSameAs(c.evaluate("color", ctx, null));
  }

  @Test
  void evaluate_unknownFlag_flagNotFoundWithDefault() {
    EvaluationResult r = all().evaluate("nope", json("{}"), TextNode.valueOf("dflt"));
    assertResult(
        r, "nope", null, TextNode.valueOf("dflt"), Reason.ERROR, null, ErrorCode.FLAG_NOT_FOUND);
  }

  @Test
  void evaluate_errorWithoutDefault_servesJsonNull() {
    EvaluationResult r = all().evaluate("nope", json("{}"), null);
    assertThat(r.value()).isEqualTo(NullNode.getInstance());
    assertThat(all().evaluate(null, json("{}"), MissingNode.getInstance()).value())
        .isEqualTo(NullNode.getInstance());
    assertThat(all().evaluate(null, json("{}"), null).errorCode())
        .isEqualTo(ErrorCode.FLAG_NOT_FOUND);
  }

  @Test
  void evaluate_invalidContexts() {
    CompiledConfig c = all();
    for (String ctx :
        new String[] {
          "[]",
          "\"u1\"",
          "1",
          "null",
          "true",
          "{\"key\":1}",
          "{\"key\":true}",
          "{\"key\":[\"u1\"]}",
          "{\"key\":{\"id\":\"u1\"}}"
        }) {
      EvaluationResult r = c.evaluate("plain", json(ctx), BooleanNode.TRUE);
      assertResult(
          r, "plain", null, BooleanNode.TRUE, Reason.ERROR, null, ErrorCode.INVALID_CONTEXT);
    }
    assertThat(c.evaluate("plain", null, null).errorCode()).isEqualTo(ErrorCode.INVALID_CONTEXT);
  }

  @Test
  void evaluate_nullOrAbsentKey_evaluatesNormally() {
    CompiledConfig c = all();
    assertThat(c.evaluate("plain", json("{\"key\":null}"), null).reason())
        .isEqualTo(Reason.DEFAULT);
    assertThat(c.evaluate("plain", json("{\"key\":\"\"}"), null).reason())
        .isEqualTo(Reason.DEFAULT);
  }

  @Test
  void evaluate_errorOrder_unknownFlagBeforeInvalidContext() {
    assertThat(all().evaluate("nope", json("[]"), null).errorCode())
        .isEqualTo(ErrorCode.FLAG_NOT_FOUND);
  }

  @Test
  void evaluate_errorOrder_invalidContextEvenForDisabledFlag() {
    assertThat(all().evaluate("dark", json("{\"key\":5}"), null).errorCode())
        .isEqualTo(ErrorCode.INVALID_CONTEXT);
  }

  @Test
  void evaluate_untyped_ignoresDefaultType() {
    EvaluationResult r = all().evaluate("size", json("{}"), TextNode.valueOf("x"));
    assertThat(r.value()).isEqualTo(IntNode.valueOf(3));
    assertThat(r.errorCode()).isNull();
  }

  @Test
  void evaluateBoolean_booleanFlag() {
    EvaluationResult r = all().evaluateBoolean("plain", json("{}"), true);
    assertResult(r, "plain", "off", BooleanNode.FALSE, Reason.DEFAULT, null, null);
  }

  @Test
  void evaluateBoolean_otherTypes_typeMismatch() {
    CompiledConfig c = all();
    for (String flag : new String[] {"color", "size", "config", "words"}) {
      EvaluationResult r = c.evaluateBoolean(flag, json("{}"), true);
      assertResult(r, flag, null, BooleanNode.TRUE, Reason.ERROR, null, ErrorCode.TYPE_MISMATCH);
    }
  }

  @Test
  void evaluateBoolean_errorsCarryTheDefault() {
    CompiledConfig c = all();
    assertThat(c.evaluateBoolean("nope", json("{}"), true).value()).isEqualTo(BooleanNode.TRUE);
    EvaluationResult r = c.evaluateBoolean("plain", json("[]"), false);
    assertThat(r.errorCode()).isEqualTo(ErrorCode.INVALID_CONTEXT);
    assertThat(r.value()).isEqualTo(BooleanNode.FALSE);
  }

  @Test
  void evaluateBoolean_invalidContextBeforeTypeMismatch() {
    assertThat(all().evaluateBoolean("color", json("[]"), true).errorCode())
        .isEqualTo(ErrorCode.INVALID_CONTEXT);
  }

  @Test
  void evaluateString_stringValuedFlags() {
    CompiledConfig c = all();
    assertThat(c.evaluateString("color", json("{}"), "x").value())
        .isEqualTo(TextNode.valueOf("#00f"));
    assertThat(c.evaluateString("words", json("{}"), "x").variation()).isEqualTo("b");
  }

  @Test
  void evaluateString_nonStringFlags_typeMismatch() {
    CompiledConfig c = all();
    for (String flag : new String[] {"plain", "size", "config"}) {
      EvaluationResult r = c.evaluateString(flag, json("{}"), "dflt");
      assertResult(
          r, flag, null, TextNode.valueOf("dflt"), Reason.ERROR, null, ErrorCode.TYPE_MISMATCH);
    }
    assertThat(c.evaluateString("size", json("{}"), null).value())
        .isEqualTo(NullNode.getInstance());
    assertThat(c.evaluateString("nope", json("{}"), "d").errorCode())
        .isEqualTo(ErrorCode.FLAG_NOT_FOUND);
  }

  @Test
  void evaluate_contextThatThrows_generalError() {
    ObjectNode hostile =
        new ObjectNode(JsonNodeFactory.instance) {
          private static final long serialVersionUID = 1L;

          @Override
          public JsonNode get(String name) {
            throw new IllegalStateException("boom");
          }
        };
    EvaluationResult r = all().evaluate("plain", hostile, IntNode.valueOf(4));
    assertResult(r, "plain", null, IntNode.valueOf(4), Reason.ERROR, null, ErrorCode.GENERAL);
  }

  @Test
  void accessors_describeTheDocument() {
    CompiledConfig c = all();
    assertThat(c.version()).isEqualTo(TestDocs.VERSION);
    assertThat(c.env()).isEqualTo("prod");
    assertThat(c.project()).isEqualTo("shop");
    assertThat(c.salt()).isEqualTo(TestDocs.SALT);
    assertThat(c.flagKeys()).containsExactly("dark", "plain", "color", "size", "config", "words");
    assertThat(c.hasFlag("color")).isTrue();
    assertThat(c.hasFlag("nope")).isFalse();
    assertThat(c.hasFlag(null)).isFalse();
  }

  // ---- prerequisites

  private static final String BETA_RULE =
      "{\"id\":\"beta\",\"if\":{\"attr\":\"beta\",\"op\":\"eq\",\"value\":true},"
          + "\"then\":{\"variation\":\"on\"}}";

  private static final String ALWAYS_ON =
      "{\"id\":\"all\",\"if\":{\"all\":[]},\"then\":{\"variation\":\"on\"}}";

  @Test
  void prerequisites_metForTheSameContext() {
    CompiledConfig c =
        compile(
            boolFlag("base", true, "", BETA_RULE)
                + ","
                + boolFlag("child", true, "{\"flag\":\"base\",\"variation\":\"on\"}", ALWAYS_ON));
    assertResult(
        c.evaluate("child", json("{\"beta\":true}"), null),
        "child",
        "on",
        BooleanNode.TRUE,
        Reason.TARGETING_MATCH,
        "all",
        null);
    assertResult(
        c.evaluate("child", json("{\"beta\":false}"), null),
        "child",
        "off",
        BooleanNode.FALSE,
        Reason.PREREQUISITE_FAILED,
        null,
        null);
  }

  @Test
  void prerequisites_disabledChildIgnoresPrerequisites() {
    CompiledConfig c =
        compile(
            boolFlag("base", true, "", "")
                + ","
                + boolFlag("child", false, "{\"flag\":\"base\",\"variation\":\"on\"}", ""));
    assertThat(c.evaluate("child", json("{}"), null).reason()).isEqualTo(Reason.DISABLED);
  }

  @Test
  void prerequisites_disabledPrerequisiteYieldsItsOffVariation() {
    CompiledConfig c =
        compile(
            boolFlag("base", false, "", ALWAYS_ON)
                + ","
                + boolFlag(
                    "wants-off", true, "{\"flag\":\"base\",\"variation\":\"off\"}", ALWAYS_ON)
                + ","
                + boolFlag(
                    "wants-on", true, "{\"flag\":\"base\",\"variation\":\"on\"}", ALWAYS_ON));
    assertThat(c.evaluate("wants-off", json("{}"), null).reason())
        .isEqualTo(Reason.TARGETING_MATCH);
    assertThat(c.evaluate("wants-on", json("{}"), null).reason())
        .isEqualTo(Reason.PREREQUISITE_FAILED);
  }

  @Test
  void prerequisites_allMustBeMetAndChainsAreFollowed() {
    CompiledConfig c =
        compile(
            String.join(
                ",",
                boolFlag("a", true, "", BETA_RULE),
                boolFlag("b", true, "{\"flag\":\"a\",\"variation\":\"on\"}", ALWAYS_ON),
                boolFlag("c", true, "", ""),
                boolFlag(
                    "d",
                    true,
                    "{\"flag\":\"b\",\"variation\":\"on\"},{\"flag\":\"c\",\"variation\":\"off\"}",
                    ALWAYS_ON),
                boolFlag(
                    "e",
                    true,
                    "{\"flag\":\"b\",\"variation\":\"on\"},{\"flag\":\"c\",\"variation\":\"on\"}",
                    ALWAYS_ON)));
    assertThat(c.evaluate("d", json("{\"beta\":true}"), null).reason())
        .isEqualTo(Reason.TARGETING_MATCH);
    assertThat(c.evaluate("d", json("{\"beta\":false}"), null).reason())
        .isEqualTo(Reason.PREREQUISITE_FAILED);
    assertThat(c.evaluate("e", json("{\"beta\":true}"), null).reason())
        .isEqualTo(Reason.PREREQUISITE_FAILED);
  }

  @Test
  void prerequisites_erroringPrerequisiteIsNotMet() {
    // The prerequisite reads attribute "boom", whose lookup fails; the child has no rules that
    // read the context, so only the prerequisite errors.
    CompiledConfig c =
        compile(
            boolFlag(
                    "base",
                    true,
                    "",
                    "{\"id\":\"x\",\"if\":{\"attr\":\"boom\",\"op\":\"exists\"},"
                        + "\"then\":{\"variation\":\"on\"}}")
                + ","
                + boolFlag("child", true, "{\"flag\":\"base\",\"variation\":\"off\"}", ALWAYS_ON));
    ObjectNode ctx =
        new ObjectNode(JsonNodeFactory.instance) {
          private static final long serialVersionUID = 1L;

          @Override
          public JsonNode get(String name) {
            if (name.equals("boom")) {
              throw new IllegalStateException("boom");
            }
            return super.get(name);
          }
        };
    assertThat(c.evaluate("child", ctx, null).reason()).isEqualTo(Reason.PREREQUISITE_FAILED);
    assertThat(c.evaluate("base", ctx, null).errorCode()).isEqualTo(ErrorCode.GENERAL);
  }

  // ---- segments

  private static final String SEGMENTS =
      "\"beta\":{\"key\":\"beta\",\"included\":[\"u1\",\"u2\",\"u1\"],\"excluded\":[\"u2\",\"u3\"],"
          + "\"if\":{\"attr\":\"plan\",\"op\":\"eq\",\"value\":\"pro\"}},"
          + "\"listed\":{\"key\":\"listed\",\"included\":[\"u7\"]},"
          + "\"empty\":{\"key\":\"empty\"},"
          + "\"nested\":{\"key\":\"nested\",\"excluded\":[\"u1\"],"
          + "\"if\":{\"any\":[{\"segment\":\"beta\"},{\"segment\":\"listed\"}]}}";

  private static boolean member(String segment, String context) {
    CompiledConfig c =
        compile(
            boolFlag(
                "f",
                true,
                "",
                "{\"id\":\"s\",\"if\":{\"segment\":\""
                    + segment
                    + "\"},"
                    + "\"then\":{\"variation\":\"on\"}}"),
            SEGMENTS);
    return "on".equals(c.evaluate("f", json(context), null).variation());
  }

  @Test
  void segment_includedKeyIsMember() {
    assertThat(member("beta", "{\"key\":\"u1\"}")).isTrue();
    assertThat(member("listed", "{\"key\":\"u7\"}")).isTrue();
  }

  @Test
  void segment_excludedWinsOverIncludedAndCondition() {
    assertThat(member("beta", "{\"key\":\"u2\"}")).isFalse();
    assertThat(member("beta", "{\"key\":\"u3\",\"plan\":\"pro\"}")).isFalse();
  }

  @Test
  void segment_conditionDecidesOtherKeys() {
    assertThat(member("beta", "{\"key\":\"u9\",\"plan\":\"pro\"}")).isTrue();
    assertThat(member("beta", "{\"key\":\"u9\",\"plan\":\"free\"}")).isFalse();
    assertThat(member("beta", "{\"plan\":\"pro\"}")).isTrue();
    assertThat(member("listed", "{\"key\":\"u9\"}")).isFalse();
    assertThat(member("empty", "{\"key\":\"u1\"}")).isFalse();
  }

  @Test
  void segment_nestedSegmentsAreResolved() {
    assertThat(member("nested", "{\"key\":\"u7\"}")).isTrue();
    assertThat(member("nested", "{\"key\":\"u9\",\"plan\":\"pro\"}")).isTrue();
    assertThat(member("nested", "{\"key\":\"u1\"}")).isFalse();
    assertThat(member("nested", "{\"key\":\"u2\",\"plan\":\"pro\"}")).isFalse();
    assertThat(member("nested", "{\"key\":\"u9\"}")).isFalse();
  }

  @Test
  void segment_notOfSegment() {
    CompiledConfig c =
        compile(
            boolFlag(
                "f",
                true,
                "",
                "{\"id\":\"s\",\"if\":{\"not\":{\"segment\":\"listed\"}},"
                    + "\"then\":{\"variation\":\"on\"}}"),
            SEGMENTS);
    assertThat(c.evaluate("f", json("{\"key\":\"u7\"}"), null).variation()).isEqualTo("off");
    assertThat(c.evaluate("f", json("{}"), null).variation()).isEqualTo("on");
  }

  // ---- result wire form

  @Test
  void toJson_writesAllNineMembersInOrder() {
    EvaluationResult r = all().evaluate("color", json("{\"tier\":\"vip\"}"), null);
    assertThat(r.toJson())
        .isEqualTo(
            json(
                "{\"flag\":\"color\",\"variation\":\"green\",\"value\":\"#0f0\","
                    + "\"reason\":\"TARGETING_MATCH\",\"ruleId\":\"vip\",\"inExperiment\":false,"
                    + "\"experiment\":null,\"configVersion\":7,\"errorCode\":null}"));
    assertThat(r.toJson().fieldNames())
        .toIterable()
        .containsExactly(
            "flag",
            "variation",
            "value",
            "reason",
            "ruleId",
            "inExperiment",
            "experiment",
            "configVersion",
            "errorCode");
  }

  @Test
  void toJson_errorResult() {
    EvaluationResult r = all().evaluate("nope", json("{}"), null);
    assertThat(r.toJson())
        .isEqualTo(
            json(
                "{\"flag\":\"nope\",\"variation\":null,\"value\":null,\"reason\":\"ERROR\","
                    + "\"ruleId\":null,\"inExperiment\":false,\"experiment\":null,"
                    + "\"configVersion\":7,\"errorCode\":\"FLAG_NOT_FOUND\"}"));
    assertThat(r.isError()).isTrue();
  }

  @Test
  void toJson_largeVersionStaysExact() {
    EvaluationResult r = EvaluationResult.error("f", null, ErrorCode.NOT_READY, 5_000_000_000L);
    assertThat(r.toJson().get("configVersion").longValue()).isEqualTo(5_000_000_000L);
    assertThat(r.toJson()).isEqualTo(json(r.toJson().toString()));
  }

  @Test
  void error_factoryBuildsNotReady() {
    EvaluationResult r = EvaluationResult.error("f", null, ErrorCode.NOT_READY, 0);
    assertThat(r.reason()).isEqualTo(Reason.ERROR);
    assertThat(r.errorCode()).isEqualTo(ErrorCode.NOT_READY);
    assertThat(r.value()).isEqualTo(NullNode.getInstance());
  }
}
