package dev.ff.core.validate;

import static dev.ff.core.validate.Docs.documentPaths;
import static dev.ff.core.validate.Docs.flagPaths;
import static dev.ff.core.validate.Docs.json;
import static dev.ff.core.validate.Docs.remove;
import static dev.ff.core.validate.Docs.set;
import static dev.ff.core.validate.Docs.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per diagnostic rule: a valid document with a single fault, and the exact paths. */
class ConfigValidatorTest {
  private static final String CHECKOUT = "/flags/checkout";
  private static final String ROLLOUT = CHECKOUT + "/rules/1/then/rollout";
  private static final String BANNER_ROLLOUT = "/flags/banner/rules/0/then/rollout";
  private static final String LEAF = CHECKOUT + "/rules/1/if/all/0";

  private static ObjectNode with(String pointer, String valueJson) {
    return set(valid(), pointer, valueJson);
  }

  private static ObjectNode without(String pointer) {
    return remove(valid(), pointer);
  }

  @Nested
  class Document {
    @Test
    void validateDocument_validDocumentHasNoDiagnostics() {
      assertThat(ConfigValidator.validateDocument(valid())).isEmpty();
    }

    @Test
    void validateDocument_optionalMembersMayBeAbsent() {
      ObjectNode doc = without("/signature");
      doc.remove("publishedAt");
      assertThat(documentPaths(doc)).isEmpty();
    }

    @Test
    void validateDocument_nonObjectIsReportedAtRoot() {
      for (JsonNode input :
          List.of(json("[]"), json("null"), json("'doc'"), json("3"), MissingNode.getInstance())) {
        assertThat(documentPaths(input)).containsExactly("");
      }
      assertThat(documentPaths(null)).containsExactly("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"env", "project", "version", "salt", "flags", "segments"})
    void validateDocument_missingRequiredMemberIsReportedWhereItBelongs(String member) {
      assertThat(documentPaths(without("/" + member))).containsExactly("/" + member);
    }

    @Test
    void validateDocument_unknownMemberIsReported() {
      assertThat(documentPaths(with("/colour", "'red'"))).containsExactly("/colour");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'Prod'", "''", "'-prod'", "5", "null"})
    void validateDocument_badEnvOrProjectKey(String value) {
      assertThat(documentPaths(with("/env", value))).containsExactly("/env");
      assertThat(documentPaths(with("/project", value))).containsExactly("/project");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "'42'", "9007199254740992", "1e300", "null"})
    void validateDocument_badVersion(String value) {
      assertThat(documentPaths(with("/version", value))).containsExactly("/version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "42.0", "9007199254740991"})
    void validateDocument_integralVersionsAreAccepted(String value) {
      assertThat(documentPaths(with("/version", value))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"''", "'xyz'", "'a1 b2'", "12", "'0x12'"})
    void validateDocument_badSalt(String value) {
      assertThat(documentPaths(with("/salt", value))).containsExactly("/salt");
    }

    @Test
    void validateDocument_upperCaseHexSaltIsAccepted() {
      assertThat(documentPaths(with("/salt", "'ABCdef0123'"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"'yesterday'", "'2026-02-30T00:00:00Z'", "'2026-11-24'", "1700000000000"})
    void validateDocument_badPublishedAt(String value) {
      assertThat(documentPaths(with("/publishedAt", value))).containsExactly("/publishedAt");
    }

    @Test
    void validateDocument_flagsAndSegmentsMustBeObjects() {
      assertThat(documentPaths(with("/flags", "[]"))).containsExactly("/flags");
      // Segment references are not resolved against a malformed segments member.
      assertThat(documentPaths(with("/segments", "[]"))).containsExactly("/segments");
    }

    @Test
    void validateDocument_signatureShapeIsChecked() {
      assertThat(documentPaths(with("/signature", "'sig'"))).containsExactly("/signature");
      assertThat(documentPaths(with("/signature/alg", "'HS256'")))
          .containsExactly("/signature/alg");
      assertThat(documentPaths(with("/signature/kid", "''"))).containsExactly("/signature/kid");
      assertThat(documentPaths(with("/signature/value", "'not base64!'")))
          .containsExactly("/signature/value");
      assertThat(documentPaths(with("/signature/value", "'AAA'")))
          .containsExactly("/signature/value");
      assertThat(documentPaths(without("/signature/kid"))).containsExactly("/signature/kid");
      assertThat(documentPaths(with("/signature/x5c", "1"))).containsExactly("/signature/x5c");
    }

    @Test
    void validateDocument_reportsInDocumentOrder() {
      ObjectNode doc = with("/flags/new-cart/enabled", "'yes'");
      set(doc, "/flags/banner/enabled", "'no'");
      set(doc, "/flags/checkout/enabled", "0");
      assertThat(ConfigValidator.validateDocument(doc))
          .extracting(Diagnostic::path)
          .containsExactly(
              "/flags/new-cart/enabled", "/flags/checkout/enabled", "/flags/banner/enabled");
    }

    @Test
    void validateDocument_reportsEveryProblemNotJustTheFirst() {
      ObjectNode doc = with("/salt", "''");
      set(doc, "/flags/checkout/type", "'enum'");
      set(doc, "/segments/staff/colour", "1");
      assertThat(documentPaths(doc))
          .containsExactlyInAnyOrder("/salt", "/flags/checkout/type", "/segments/staff/colour");
    }
  }

  @Nested
  class Keys {
    private ObjectNode withFlag(String name, String key) {
      ObjectNode flag = (ObjectNode) valid().get("flags").get("new-cart").deepCopy();
      flag.put("key", key);
      ObjectNode doc = valid();
      ((ObjectNode) doc.get("flags")).set(name, flag);
      return doc;
    }

    @Test
    void validateDocument_keyDifferentFromMemberName() {
      assertThat(documentPaths(with("/flags/new-cart/key", "'cart'")))
          .containsExactly("/flags/new-cart/key");
      assertThat(documentPaths(with("/segments/beta/key", "'betas'")))
          .containsExactly("/segments/beta/key");
    }

    @Test
    void validateDocument_badMemberNameWithEqualKeyReportsBoth() {
      assertThat(documentPaths(withFlag("New Cart", "New Cart")))
          .containsExactlyInAnyOrder("/flags/New Cart", "/flags/New Cart/key");
    }

    @Test
    void validateDocument_badMemberNameWithGoodKeyAlsoReportsTheMismatch() {
      assertThat(documentPaths(withFlag("Cart", "cart")))
          .containsExactlyInAnyOrder("/flags/Cart", "/flags/Cart/key");
    }

    @Test
    void validateDocument_memberNamesAreEscapedInPointers() {
      assertThat(documentPaths(withFlag("a/b~c", "a/b~c")))
          .containsExactlyInAnyOrder("/flags/a~1b~0c", "/flags/a~1b~0c/key");
    }

    @Test
    void validateDocument_keyPatternBoundaries() {
      String longest = "a" + "b".repeat(127);
      assertThat(documentPaths(withFlag(longest, longest))).isEmpty();
      assertThat(documentPaths(withFlag("0a_b.c-d", "0a_b.c-d"))).isEmpty();
      String tooLong = longest + "c";
      assertThat(documentPaths(withFlag(tooLong, tooLong)))
          .containsExactlyInAnyOrder("/flags/" + tooLong, "/flags/" + tooLong + "/key");
      for (String bad : List.of("_a", ".a", "-a", "aB", "a b", "ä", "")) {
        assertThat(documentPaths(withFlag(bad, bad)))
            .as(bad)
            .containsExactlyInAnyOrder("/flags/" + bad, "/flags/" + bad + "/key");
      }
    }

    @Test
    void validateDocument_segmentMemberNameMustBeAKey() {
      ObjectNode doc = valid();
      ((ObjectNode) doc.get("segments")).set("Staff", json("{'key': 'Staff'}"));
      assertThat(documentPaths(doc))
          .containsExactlyInAnyOrder("/segments/Staff", "/segments/Staff/key");
    }
  }

  @Nested
  class FlagShape {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "key",
          "type",
          "enabled",
          "variations",
          "offVariation",
          "defaultVariation",
          "rules"
        })
    void validateDocument_missingFlagMember(String member) {
      assertThat(documentPaths(without("/flags/new-cart/" + member)))
          .containsExactly("/flags/new-cart/" + member);
    }

    @Test
    void validateDocument_optionalFlagMembersMayBeAbsent() {
      ObjectNode doc = without("/flags/checkout/description");
      remove(doc, "/flags/checkout/prerequisites");
      assertThat(documentPaths(doc)).isEmpty();
    }

    @Test
    void validateDocument_flagMemberTypes() {
      assertThat(documentPaths(with("/flags/new-cart/colour", "1")))
          .containsExactly("/flags/new-cart/colour");
      assertThat(documentPaths(with("/flags/new-cart/type", "'string'")))
          .containsExactly("/flags/new-cart/type");
      assertThat(documentPaths(with("/flags/new-cart/enabled", "'true'")))
          .containsExactly("/flags/new-cart/enabled");
      assertThat(documentPaths(with("/flags/checkout/description", "5")))
          .containsExactly("/flags/checkout/description");
      assertThat(documentPaths(with("/flags/new-cart/rules", "{}")))
          .containsExactly("/flags/new-cart/rules");
      assertThat(documentPaths(with("/flags/checkout/prerequisites", "'new-cart'")))
          .containsExactly("/flags/checkout/prerequisites");
    }

    @Test
    void validateDocument_flagThatIsNotAnObject() {
      assertThat(documentPaths(with("/flags/banner", "true"))).containsExactly("/flags/banner");
    }
  }

  @Nested
  class Variations {
    private static final String NEW_CART = "/flags/new-cart/variations";
    private static final String MULTI = "/flags/checkout/variations";
    private static final String JSON_FLAG = "/flags/banner/variations";

    @Test
    void validateDocument_booleanFlagNeedsExactlyTwoVariations() {
      assertThat(documentPaths(with(NEW_CART + "/2", "{'key': 'maybe', 'value': true}")))
          .containsExactly(NEW_CART);
    }

    @Test
    void validateDocument_booleanFlagNeedsOneTrueAndOneFalse() {
      assertThat(documentPaths(with(NEW_CART + "/0/value", "true"))).containsExactly(NEW_CART);
    }

    @Test
    void validateDocument_booleanFlagWithNonBooleanValueLacksATrueValueToo() {
      assertThat(documentPaths(with(NEW_CART + "/1/value", "'true'")))
          .containsExactlyInAnyOrder(NEW_CART + "/1/value", NEW_CART);
    }

    @Test
    void validateDocument_multivariateValuesMustShareTheFirstValuesKind() {
      ObjectNode doc = with(MULTI + "/1/value", "1");
      set(doc, MULTI + "/2", "{'key': 'c', 'value': 'c'}");
      set(doc, MULTI + "/3", "{'key': 'd', 'value': 2.5}");
      assertThat(documentPaths(doc))
          .containsExactlyInAnyOrder(MULTI + "/1/value", MULTI + "/3/value");
    }

    @Test
    void validateDocument_multivariateNumbersAreAccepted() {
      ObjectNode doc = with(MULTI + "/0/value", "1");
      set(doc, MULTI + "/1/value", "2.5");
      assertThat(documentPaths(doc)).isEmpty();
    }

    @Test
    void validateDocument_multivariateRefusesBooleansNullsAndContainers() {
      for (String value : List.of("true", "null", "[]", "{}")) {
        assertThat(documentPaths(with(MULTI + "/1/value", value)))
            .as(value)
            .containsExactly(MULTI + "/1/value");
      }
    }

    @Test
    void validateDocument_multivariateCountIs2To64() {
      assertThat(documentPaths(without(MULTI + "/1")))
          .contains(MULTI); // the references to the removed variation are reported too
      ObjectNode doc = valid();
      for (int i = 2; i < 64; i++) {
        set(doc, MULTI + "/" + i, "{'key': 'v" + i + "', 'value': 'x" + i + "'}");
      }
      assertThat(documentPaths(doc)).isEmpty();
      set(doc, MULTI + "/64", "{'key': 'v64', 'value': 'x64'}");
      assertThat(documentPaths(doc)).containsExactly(MULTI);
    }

    @Test
    void validateDocument_jsonCountIs1To64() {
      ObjectNode doc = with(JSON_FLAG, "[]");
      assertThat(documentPaths(doc))
          .containsExactlyInAnyOrder(
              JSON_FLAG,
              "/flags/banner/offVariation",
              "/flags/banner/defaultVariation",
              BANNER_ROLLOUT + "/variations/0/variation");
      doc = valid();
      for (int i = 1; i < 65; i++) {
        set(doc, JSON_FLAG + "/" + i, "{'key': 'v" + (i + 1) + "', 'value': null}");
      }
      assertThat(documentPaths(doc)).containsExactly(JSON_FLAG);
    }

    @Test
    void validateDocument_jsonValuesMayBeAnything() {
      ObjectNode doc = valid();
      List<String> values = List.of("null", "[1, 'a']", "'s'", "1.5", "false");
      for (int i = 0; i < values.size(); i++) {
        set(
            doc,
            JSON_FLAG + "/" + (i + 1),
            "{'key': 'w" + i + "', 'value': " + values.get(i) + "}");
      }
      assertThat(documentPaths(doc)).isEmpty();
    }

    @Test
    void validateDocument_duplicateVariationKeyReportsTheLaterOne() {
      assertThat(documentPaths(with(MULTI + "/1/key", "'control'")))
          .contains(MULTI + "/1/key")
          .doesNotContain(MULTI + "/0/key");
    }

    @Test
    void validateDocument_variationMembers() {
      assertThat(documentPaths(with(JSON_FLAG + "/1", "{'key': 'V2', 'value': 1}")))
          .containsExactly(JSON_FLAG + "/1/key");
      assertThat(documentPaths(with(JSON_FLAG + "/1", "{'key': 'v2'}")))
          .containsExactly(JSON_FLAG + "/1/value");
      assertThat(documentPaths(with(JSON_FLAG + "/1", "{'value': 2}")))
          .containsExactly(JSON_FLAG + "/1/key");
      assertThat(documentPaths(with(JSON_FLAG + "/1", "{'key': 'v2', 'value': 2, 'name': 'x'}")))
          .containsExactly(JSON_FLAG + "/1/name");
      assertThat(documentPaths(with(JSON_FLAG + "/1", "'v2'"))).containsExactly(JSON_FLAG + "/1");
    }

    @Test
    void validateDocument_variationsNotAnArraySkipsReferenceChecks() {
      assertThat(documentPaths(with(NEW_CART, "{}"))).containsExactly(NEW_CART);
    }
  }

  @Nested
  class References {
    @Test
    void validateDocument_unknownOffAndDefaultVariation() {
      assertThat(documentPaths(with("/flags/new-cart/offVariation", "'nope'")))
          .containsExactly("/flags/new-cart/offVariation");
      assertThat(documentPaths(with("/flags/new-cart/defaultVariation", "3")))
          .containsExactly("/flags/new-cart/defaultVariation");
    }

    @Test
    void validateDocument_unknownVariationInOutcomes() {
      assertThat(documentPaths(with(CHECKOUT + "/rules/0/then/variation", "'b'")))
          .containsExactly(CHECKOUT + "/rules/0/then/variation");
      assertThat(documentPaths(with(ROLLOUT + "/variations/1/variation", "'variant'")))
          .containsExactly(ROLLOUT + "/variations/1/variation");
    }

    @Test
    void validateDocument_unknownVariationMessageListsTheFlagsVariations() {
      List<Diagnostic> d =
          ConfigValidator.validateDocument(with("/flags/new-cart/offVariation", "'nope'"));
      assertThat(d)
          .singleElement()
          .extracting(Diagnostic::message)
          .asString()
          .contains("'nope'")
          .contains("off, on");
    }

    @Test
    void validateDocument_prerequisiteReferences() {
      String pre = CHECKOUT + "/prerequisites/0";
      assertThat(documentPaths(with(pre + "/flag", "'old-cart'"))).containsExactly(pre + "/flag");
      assertThat(documentPaths(with(pre + "/variation", "'control'")))
          .containsExactly(pre + "/variation");
      assertThat(documentPaths(with(pre + "/variation", "1"))).containsExactly(pre + "/variation");
      assertThat(documentPaths(without(pre + "/variation"))).containsExactly(pre + "/variation");
      assertThat(documentPaths(without(pre + "/flag"))).containsExactly(pre + "/flag");
      assertThat(documentPaths(with(pre + "/when", "1"))).containsExactly(pre + "/when");
      assertThat(documentPaths(with(pre, "'new-cart'"))).containsExactly(pre);
    }

    @Test
    void validateDocument_duplicatePrerequisiteReportsTheLaterOne() {
      String pres = CHECKOUT + "/prerequisites";
      assertThat(documentPaths(with(pres + "/1", "{'flag': 'new-cart', 'variation': 'off'}")))
          .containsExactly(pres + "/1/flag");
    }

    @Test
    void validateDocument_unknownSegment() {
      assertThat(documentPaths(with(CHECKOUT + "/rules/0/if/segment", "'gamma'")))
          .containsExactly(CHECKOUT + "/rules/0/if/segment");
      assertThat(documentPaths(with("/segments/beta/if/segment", "'gamma'")))
          .containsExactly("/segments/beta/if/segment");
    }
  }

  @Nested
  class Cycles {
    @Test
    void validateDocument_twoFlagCycleReportsBothReferences() {
      ObjectNode doc =
          with("/flags/new-cart/prerequisites", "[{'flag': 'checkout', 'variation': 'control'}]");
      assertThat(documentPaths(doc))
          .containsExactlyInAnyOrder(
              "/flags/new-cart/prerequisites/0/flag", CHECKOUT + "/prerequisites/0/flag");
    }

    @Test
    void validateDocument_selfPrerequisiteIsACycle() {
      ObjectNode doc =
          with("/flags/new-cart/prerequisites", "[{'flag': 'new-cart', 'variation': 'on'}]");
      assertThat(documentPaths(doc)).containsExactly("/flags/new-cart/prerequisites/0/flag");
    }

    @Test
    void validateDocument_referenceIntoACycleIsNotOnIt() {
      ObjectNode doc =
          with("/flags/new-cart/prerequisites", "[{'flag': 'checkout', 'variation': 'control'}]");
      set(doc, "/flags/banner/prerequisites", "[{'flag': 'checkout', 'variation': 'control'}]");
      assertThat(documentPaths(doc))
          .containsExactlyInAnyOrder(
              "/flags/new-cart/prerequisites/0/flag", CHECKOUT + "/prerequisites/0/flag");
    }

    @Test
    void validateDocument_threeFlagCycleReportsEveryReference() {
      ObjectNode doc = valid();
      set(doc, "/flags/new-cart/prerequisites", "[{'flag': 'banner', 'variation': 'v1'}]");
      set(doc, "/flags/banner/prerequisites", "[{'flag': 'checkout', 'variation': 'control'}]");
      assertThat(documentPaths(doc))
          .containsExactlyInAnyOrder(
              "/flags/new-cart/prerequisites/0/flag",
              "/flags/banner/prerequisites/0/flag",
              CHECKOUT + "/prerequisites/0/flag");
    }

    @Test
    void validateDocument_segmentCycleReportsEverySegmentReference() {
      ObjectNode doc = with("/segments/staff/if", "{'all': [{'not': {'segment': 'beta'}}]}");
      assertThat(documentPaths(doc))
          .containsExactlyInAnyOrder(
              "/segments/beta/if/segment", "/segments/staff/if/all/0/not/segment");
    }

    @Test
    void validateDocument_selfReferencingSegment() {
      assertThat(documentPaths(with("/segments/staff/if", "{'segment': 'staff'}")))
          .containsExactly("/segments/staff/if/segment");
    }

    @Test
    void validateDocument_longPrerequisiteChainIsFineAndARingIsReportedWhole() {
      int n = 2000;
      ObjectNode doc = valid();
      ObjectNode flags = (ObjectNode) doc.get("flags");
      for (int i = 0; i < n; i++) {
        ObjectNode f = flags.get("new-cart").deepCopy();
        f.put("key", "c" + i);
        if (i + 1 < n) {
          f.set("prerequisites", json("[{'flag': 'c" + (i + 1) + "', 'variation': 'on'}]"));
        }
        flags.set("c" + i, f);
      }
      assertThat(documentPaths(doc)).isEmpty();
      set(doc, "/flags/c" + (n - 1) + "/prerequisites", "[{'flag': 'c0', 'variation': 'on'}]");
      assertThat(documentPaths(doc)).hasSize(n);
    }
  }

  @Nested
  class Rules {
    private static final String RULES = CHECKOUT + "/rules";

    @Test
    void validateDocument_ruleShape() {
      assertThat(documentPaths(with(RULES + "/0", "[]"))).containsExactly(RULES + "/0");
      assertThat(documentPaths(with(RULES + "/0/id", "'Beta'"))).containsExactly(RULES + "/0/id");
      assertThat(documentPaths(with(RULES + "/0/priority", "1")))
          .containsExactly(RULES + "/0/priority");
      assertThat(documentPaths(with(RULES + "/0/description", "[]")))
          .containsExactly(RULES + "/0/description");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "if", "then"})
    void validateDocument_missingRuleMember(String member) {
      assertThat(documentPaths(without(RULES + "/0/" + member)))
          .containsExactly(RULES + "/0/" + member);
    }

    @Test
    void validateDocument_duplicateRuleIdReportsTheLaterOne() {
      assertThat(documentPaths(with(RULES + "/1/id", "'beta'"))).containsExactly(RULES + "/1/id");
    }

    @Test
    void validateDocument_outcomeShape() {
      String then = RULES + "/0/then";
      assertThat(documentPaths(with(then, "{}"))).containsExactly(then);
      assertThat(documentPaths(with(then, "'treatment'"))).containsExactly(then);
      assertThat(documentPaths(with(then + "/rollout", "{'variations': []}")))
          .containsExactly(then);
      assertThat(documentPaths(with(then + "/weight", "1"))).containsExactly(then + "/weight");
    }
  }

  @Nested
  class Rollouts {
    @Test
    void validateDocument_weightsMustSumTo10000() {
      List<Diagnostic> d =
          ConfigValidator.validateDocument(with(ROLLOUT + "/variations/1/weight", "4000"));
      assertThat(d)
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.path()).isEqualTo(ROLLOUT + "/variations");
                assertThat(x.message()).isEqualTo("weights sum to 9000, expected 10000");
              });
    }

    @Test
    void validateDocument_badWeightIsReportedAtTheWeight() {
      for (String w : List.of("-1", "2500.5", "'5000'", "null")) {
        ObjectNode doc = with(ROLLOUT + "/variations/1/weight", w);
        assertThat(documentPaths(doc)).as(w).containsExactly(ROLLOUT + "/variations/1/weight");
      }
      ObjectNode doc = with(ROLLOUT + "/variations/0/weight", "10001");
      set(doc, ROLLOUT + "/variations/1/weight", "-1");
      assertThat(documentPaths(doc)).containsExactly(ROLLOUT + "/variations/1/weight");
    }

    @Test
    void validateDocument_weightsWithZeroFractionAreIntegers() {
      ObjectNode doc = with(ROLLOUT + "/variations/0/weight", "5000.0");
      set(doc, ROLLOUT + "/variations/1/weight", "5e3");
      assertThat(documentPaths(doc)).isEmpty();
    }

    @Test
    void validateDocument_weightAbove10000BreaksTheSum() {
      ObjectNode doc = with(ROLLOUT + "/variations/0/weight", "1e20");
      assertThat(documentPaths(doc)).containsExactly(ROLLOUT + "/variations");
    }

    @Test
    void validateDocument_emptyRolloutVariations() {
      assertThat(documentPaths(with(ROLLOUT + "/variations", "[]")))
          .containsExactly(ROLLOUT + "/variations");
    }

    @Test
    void validateDocument_sameVariationTwiceInARolloutReportsTheLaterOne() {
      assertThat(documentPaths(with(ROLLOUT + "/variations/1/variation", "'control'")))
          .containsExactly(ROLLOUT + "/variations/1/variation");
    }

    @Test
    void validateDocument_weightedVariationShape() {
      assertThat(documentPaths(with(ROLLOUT + "/variations/1", "'treatment'")))
          .containsExactly(ROLLOUT + "/variations/1");
      assertThat(documentPaths(without(ROLLOUT + "/variations/1/weight")))
          .containsExactly(ROLLOUT + "/variations/1/weight");
      assertThat(documentPaths(with(ROLLOUT + "/variations/1/share", "1")))
          .containsExactly(ROLLOUT + "/variations/1/share");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10001", "-1", "50.5", "'100'"})
    void validateDocument_badCoverage(String value) {
      assertThat(documentPaths(with(ROLLOUT + "/coverage", value)))
          .containsExactly(ROLLOUT + "/coverage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "10000"})
    void validateDocument_coverageBounds(String value) {
      assertThat(documentPaths(with(ROLLOUT + "/coverage", value))).isEmpty();
    }

    @Test
    void validateDocument_badSeedAndBucketBy() {
      assertThat(documentPaths(with(ROLLOUT + "/seed", "'Bad Seed'")))
          .containsExactly(ROLLOUT + "/seed");
      for (String b : List.of("''", "'a..b'", "'.a'", "'a.'", "5")) {
        assertThat(documentPaths(with(ROLLOUT + "/bucketBy", b)))
            .as(b)
            .containsExactly(ROLLOUT + "/bucketBy");
      }
      assertThat(documentPaths(with(ROLLOUT + "/bucketBy", "'device.id'"))).isEmpty();
      assertThat(documentPaths(with(ROLLOUT + "/bucketBy", "'Any Name!'"))).isEmpty();
    }

    @Test
    void validateDocument_rolloutShape() {
      assertThat(documentPaths(with(ROLLOUT, "[]"))).containsExactly(ROLLOUT);
      assertThat(documentPaths(without(ROLLOUT + "/variations")))
          .containsExactly(ROLLOUT + "/variations");
      assertThat(documentPaths(with(ROLLOUT + "/variations", "{}")))
          .containsExactly(ROLLOUT + "/variations");
      assertThat(documentPaths(with(ROLLOUT + "/salt", "'ab'"))).containsExactly(ROLLOUT + "/salt");
    }

    @Test
    void validateDocument_onlyVariationsIsRequired() {
      ObjectNode doc = valid();
      for (String m : List.of("bucketBy", "seed", "coverage", "experiment", "exclusionGroup")) {
        remove(doc, ROLLOUT + "/" + m);
      }
      assertThat(documentPaths(doc)).isEmpty();
    }

    @Test
    void validateDocument_experimentKeyIsUsedOncePerDocument() {
      assertThat(documentPaths(with(ROLLOUT + "/experiment", "'Checkout'")))
          .containsExactly(ROLLOUT + "/experiment");
      assertThat(documentPaths(with(BANNER_ROLLOUT + "/experiment", "'checkout-test'")))
          .containsExactly(BANNER_ROLLOUT + "/experiment");
    }

    @Test
    void validateDocument_experimentRepeatedWithinAFlagReportsTheLaterRule() {
      ObjectNode doc = valid();
      JsonNode rule = doc.at(CHECKOUT + "/rules/1").deepCopy();
      ((ObjectNode) rule).put("id", "nl2");
      ((ObjectNode) rule.at("/then/rollout")).remove("exclusionGroup");
      set(doc, CHECKOUT + "/rules/2", rule);
      assertThat(documentPaths(doc)).containsExactly(CHECKOUT + "/rules/2/then/rollout/experiment");
    }

    @Test
    void validateDocument_exclusionGroupBounds() {
      String eg = ROLLOUT + "/exclusionGroup";
      for (String s : List.of("-1", "10001", "1.5", "'0'")) {
        assertThat(documentPaths(with(eg + "/start", s))).as(s).containsExactly(eg + "/start");
      }
      assertThat(documentPaths(with(eg + "/end", "10001"))).containsExactly(eg + "/end");
      assertThat(documentPaths(with(eg + "/end", "0"))).containsExactly(eg + "/end");
      ObjectNode doc = with(eg + "/start", "3000");
      set(doc, eg + "/end", "2000");
      assertThat(documentPaths(doc)).containsExactly(eg + "/end");
      assertThat(documentPaths(with(eg + "/key", "'Layer'"))).containsExactly(eg + "/key");
      assertThat(documentPaths(without(eg + "/end"))).containsExactly(eg + "/end");
      assertThat(documentPaths(with(eg + "/size", "1"))).containsExactly(eg + "/size");
      assertThat(documentPaths(with(eg, "'layer'"))).containsExactly(eg);
    }

    @Test
    void validateDocument_overlappingExclusionRangesReportTheLaterRollout() {
      assertThat(documentPaths(with(BANNER_ROLLOUT + "/exclusionGroup/start", "4999")))
          .containsExactly(BANNER_ROLLOUT + "/exclusionGroup");
      // A range inside the earlier one overlaps as well.
      ObjectNode doc = with(BANNER_ROLLOUT + "/exclusionGroup/start", "100");
      set(doc, BANNER_ROLLOUT + "/exclusionGroup/end", "200");
      assertThat(documentPaths(doc)).containsExactly(BANNER_ROLLOUT + "/exclusionGroup");
    }

    @Test
    void validateDocument_sameRangeInAnotherGroupIsFine() {
      ObjectNode doc = with(BANNER_ROLLOUT + "/exclusionGroup/start", "0");
      set(doc, BANNER_ROLLOUT + "/exclusionGroup/end", "5000");
      assertThat(documentPaths(doc)).containsExactly(BANNER_ROLLOUT + "/exclusionGroup");
      set(doc, BANNER_ROLLOUT + "/exclusionGroup/key", "'other-layer'");
      assertThat(documentPaths(doc)).isEmpty();
    }
  }

  @Nested
  class Segments {
    @Test
    void validateDocument_segmentShape() {
      assertThat(documentPaths(with("/segments/beta/included", "'u1'")))
          .containsExactly("/segments/beta/included");
      assertThat(documentPaths(with("/segments/beta/excluded/1", "9")))
          .containsExactly("/segments/beta/excluded/1");
      assertThat(documentPaths(without("/segments/staff/key")))
          .containsExactly("/segments/staff/key");
      assertThat(documentPaths(with("/segments/staff/rules", "[]")))
          .containsExactly("/segments/staff/rules");
      assertThat(documentPaths(with("/segments/staff", "[]"))).containsExactly("/segments/staff");
      assertThat(documentPaths(with("/segments/staff/if/op", "'like'")))
          .containsExactly("/segments/staff/if/op");
    }

    @Test
    void validateDocument_segmentWithKeyOnlyIsValidAndRepeatsAreHarmless() {
      ObjectNode doc = with("/segments/staff", "{'key': 'staff', 'included': ['a', 'a']}");
      assertThat(documentPaths(doc)).isEmpty();
    }
  }

  @Nested
  class Conditions {
    private static final String IF = CHECKOUT + "/rules/1/if";

    @Test
    void validateDocument_conditionThatIsNotAnObject() {
      for (String c : List.of("'x'", "[]", "null", "true")) {
        assertThat(documentPaths(with(IF, c))).as(c).containsExactly(IF);
      }
    }

    @Test
    void validateDocument_conditionOfNoKnownShape() {
      assertThat(documentPaths(with(IF, "{}"))).containsExactly(IF);
      assertThat(documentPaths(with(IF, "{'value': 1}"))).containsExactly(IF);
      assertThat(documentPaths(with(IF, "{'where': {}}"))).containsExactly(IF);
    }

    @Test
    void validateDocument_conditionMixingShapes() {
      assertThat(documentPaths(with(IF, "{'all': [], 'any': []}"))).containsExactly(IF);
      assertThat(documentPaths(with(IF, "{'attr': 'a', 'op': 'exists', 'segment': 'beta'}")))
          .containsExactly(IF);
      assertThat(documentPaths(with(IF, "{'not': {'all': []}, 'all': []}"))).containsExactly(IF);
    }

    @Test
    void validateDocument_unknownOperatorNamesTheAlternatives() {
      List<Diagnostic> d = ConfigValidator.validateDocument(with(LEAF + "/op", "'equals'"));
      assertThat(d)
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.path()).isEqualTo(LEAF + "/op");
                assertThat(x.message())
                    .startsWith("unknown operator 'equals'; expected one of eq, neq, ");
                assertThat(x.message()).contains("semver_gte").contains("exists");
              });
      assertThat(documentPaths(with(LEAF + "/op", "5"))).containsExactly(LEAF + "/op");
      assertThat(documentPaths(with(LEAF + "/op", "'IN'"))).containsExactly(LEAF + "/op");
    }

    @Test
    void validateDocument_leafMembers() {
      assertThat(documentPaths(without(LEAF + "/op"))).containsExactly(LEAF + "/op");
      assertThat(documentPaths(without(LEAF + "/attr"))).containsExactly(LEAF + "/attr");
      assertThat(documentPaths(without(LEAF + "/values"))).containsExactly(LEAF + "/values");
      assertThat(documentPaths(with(LEAF + "/value", "'NL'"))).containsExactly(LEAF + "/value");
      assertThat(documentPaths(with(LEAF + "/negate", "true"))).containsExactly(LEAF + "/negate");
      String eq = IF + "/all/1/not";
      assertThat(documentPaths(without(eq + "/value"))).containsExactly(eq + "/value");
      assertThat(documentPaths(with(eq + "/values", "['ios']"))).containsExactly(eq + "/values");
    }

    @Test
    void validateDocument_existsTakesNoOperand() {
      assertThat(documentPaths(with(LEAF, "{'attr': 'country', 'op': 'exists'}"))).isEmpty();
      assertThat(documentPaths(with(LEAF, "{'attr': 'country', 'op': 'exists', 'value': true}")))
          .containsExactly(LEAF + "/value");
      assertThat(documentPaths(with(LEAF, "{'attr': 'country', 'op': 'exists', 'values': []}")))
          .containsExactly(LEAF + "/values");
    }

    @Test
    void validateDocument_badAttr() {
      for (String a : List.of("''", "'a..b'", "'.a'", "'a.'", "7", "null")) {
        assertThat(documentPaths(with(LEAF + "/attr", a))).as(a).containsExactly(LEAF + "/attr");
      }
      for (String a : List.of("'device.os'", "'Country Code'", "'a.b.c'", "'ü'")) {
        assertThat(documentPaths(with(LEAF + "/attr", a))).as(a).isEmpty();
      }
    }

    @Test
    void validateDocument_combinatorMembers() {
      assertThat(documentPaths(with(IF + "/all", "{}"))).containsExactly(IF + "/all");
      assertThat(documentPaths(with(IF + "/all/2", "5"))).containsExactly(IF + "/all/2");
      assertThat(documentPaths(with(IF + "/note", "'x'"))).containsExactly(IF + "/note");
      assertThat(documentPaths(with(IF, "{'any': [{'any': []}, {}]}")))
          .containsExactly(IF + "/any/1");
      assertThat(documentPaths(with(IF, "{'not': []}"))).containsExactly(IF + "/not");
      assertThat(documentPaths(with(IF, "{'not': {'all': []}, 'x': 1}")))
          .containsExactly(IF + "/x");
      assertThat(documentPaths(with(IF, "{'segment': 5}"))).containsExactly(IF + "/segment");
      assertThat(documentPaths(with(IF, "{'segment': 'beta', 'x': 1}"))).containsExactly(IF + "/x");
    }

    @Test
    void validateDocument_sixtyFourLevelsAreAllowedAndDeeperIsReported() {
      String inner = "{'attr': 'a', 'op': 'exists'}";
      String c = inner;
      for (int i = 0; i < 63; i++) {
        c = "{'not': " + c + "}";
      }
      assertThat(documentPaths(with(IF, c))).isEmpty();
      c = "{'not': " + c + "}";
      assertThat(documentPaths(with(IF, c))).containsExactly(IF + "/not".repeat(64));
    }

    @Test
    void validateDocument_veryDeepNestingGivesOneDiagnostic() {
      JsonNodeFactory f = JsonNodeFactory.instance;
      ObjectNode c = f.objectNode().put("attr", "a").put("op", "exists");
      for (int i = 0; i < 20_000; i++) {
        ObjectNode outer = f.objectNode();
        outer.putArray(i % 2 == 0 ? "all" : "any").add(c);
        c = outer;
      }
      ObjectNode doc = valid();
      set(doc, IF, c);
      set(doc, "/segments/staff/if", c);
      assertThat(ConfigValidator.validateDocument(doc)).hasSize(2);
    }
  }

  @Nested
  class Operands {
    @ParameterizedTest(name = "{0} {1} → valid={2}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        textBlock =
            """
            eq          | 'x'                          | true
            eq          | 1.5                          | true
            eq          | true                         | true
            eq          | null                         | false
            eq          | [1]                          | false
            eq          | {}                           | false
            neq         | 0                            | true
            neq         | null                         | false
            neq         | ['a']                        | false
            contains    | ''                           | true
            contains    | 1                            | false
            starts_with | 'ab'                         | true
            starts_with | true                         | false
            ends_with   | 'z'                          | true
            ends_with   | ['z']                        | false
            regex       | '^a.*b$'                     | true
            regex       | '(?i)straße'                 | true
            regex       | '\\\\d+'                     | true
            regex       | '('                          | false
            regex       | '(?=a)b'                     | false
            regex       | '(?<!a)b'                    | false
            regex       | '(a)\\\\1'                   | false
            regex       | '[z-a]'                      | false
            regex       | 5                            | false
            lt          | 1                            | true
            lte         | -2.5                         | true
            gt          | 1e3                          | true
            gte         | '1'                          | false
            lt          | null                         | false
            semver_eq   | '1.2.3'                      | true
            semver_lt   | 'v2.3'                       | true
            semver_lte  | '2'                          | true
            semver_gt   | '2.3-beta'                   | true
            semver_gte  | '1.0.0-rc.1+build.5'         | true
            semver_eq   | '1.2.3.4'                    | false
            semver_eq   | '01.2.3'                     | false
            semver_eq   | ' 1.2.3'                     | false
            semver_eq   | 'V1.2.3'                     | false
            semver_eq   | ''                           | false
            semver_eq   | 1                            | false
            before      | '2026-01-01T00:00:00Z'       | true
            before      | '2026-01-01t00:00:00.123z'   | true
            after       | '2026-01-01T00:00:00+18:00'  | true
            after       | 1700000000000                | true
            after       | 1.7e12                       | true
            before      | 1.5                          | false
            before      | '2026-02-30T00:00:00Z'       | false
            before      | '2026-01-01'                 | false
            before      | '2026-01-01T00:00:60Z'       | false
            after       | '2026-01-01T00:00:00+18:01'  | false
            after       | true                         | false
            after       | null                         | false
            """)
    void validateDocument_singleOperandRules(String op, String value, boolean valid) {
      ObjectNode doc =
          with(LEAF, "{'attr': 'country', 'op': '" + op + "', 'value': " + value + "}");
      if (valid) {
        assertThat(documentPaths(doc)).isEmpty();
      } else {
        assertThat(documentPaths(doc)).containsExactly(LEAF + "/value");
      }
    }

    @Test
    void validateDocument_listOperandRules() {
      for (String op : List.of("in", "not_in")) {
        String leaf = "{'attr': 'country', 'op': '" + op + "', 'values': ";
        assertThat(documentPaths(with(LEAF, leaf + "['a', 1, true, 2.5]}"))).isEmpty();
        assertThat(documentPaths(with(LEAF, leaf + "[]}"))).isEmpty();
        assertThat(documentPaths(with(LEAF, leaf + "'a'}"))).containsExactly(LEAF + "/values");
        assertThat(documentPaths(with(LEAF, leaf + "['a', null, [1], {}]}")))
            .containsExactlyInAnyOrder(LEAF + "/values/1", LEAF + "/values/2", LEAF + "/values/3");
      }
    }

    @Test
    void validateDocument_regexMessageExplainsTheSyntaxError() {
      List<Diagnostic> d =
          ConfigValidator.validateDocument(
              with(LEAF, "{'attr': 'a', 'op': 'regex', 'value': '(?=x)'}"));
      assertThat(d)
          .singleElement()
          .extracting(Diagnostic::message)
          .asString()
          .startsWith("invalid RE2 pattern");
    }
  }

  @Nested
  class SingleFlag {
    @Test
    void validateFlag_validFlagHasNoDiagnostics() {
      assertThat(ConfigValidator.validateFlag(Docs.flag())).isEmpty();
    }

    @Test
    void validateFlag_nonObjectIsReportedAtRoot() {
      assertThat(flagPaths(json("[]"))).containsExactly("");
      assertThat(flagPaths(null)).containsExactly("");
    }

    @Test
    void validateFlag_pathsAreRelativeToTheFlag() {
      assertThat(flagPaths(set(Docs.flag(), "/rules/0/if/op", "'equals'")))
          .containsExactly("/rules/0/if/op");
      assertThat(flagPaths(remove(Docs.flag(), "/key"))).containsExactly("/key");
      assertThat(flagPaths(set(Docs.flag(), "/key", "'F'"))).containsExactly("/key");
    }

    @Test
    void validateFlag_referencesToOtherFlagsAndSegmentsAreNotChecked() {
      ObjectNode flag = Docs.flag();
      set(flag, "/prerequisites", "[{'flag': 'elsewhere', 'variation': 'whatever'}]");
      set(flag, "/rules/0/if", "{'segment': 'nowhere'}");
      assertThat(flagPaths(flag)).isEmpty();
    }

    @Test
    void validateFlag_ownVariationReferencesAreChecked() {
      assertThat(flagPaths(set(Docs.flag(), "/rules/0/then/variation", "'maybe'")))
          .containsExactly("/rules/0/then/variation");
    }

    @Test
    void validateFlag_selfPrerequisiteIsACycle() {
      ObjectNode flag = set(Docs.flag(), "/prerequisites", "[{'flag': 'f', 'variation': 'on'}]");
      assertThat(flagPaths(flag)).containsExactly("/prerequisites/0/flag");
    }

    @Test
    void validateFlag_rolloutChecksApply() {
      ObjectNode flag =
          set(
              Docs.flag(),
              "/rules/0/then",
              "{'rollout': {'variations': [{'variation': 'on', 'weight': 1}]}}");
      assertThat(flagPaths(flag)).containsExactly("/rules/0/then/rollout/variations");
    }
  }
}
