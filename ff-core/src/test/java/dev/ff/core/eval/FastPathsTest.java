package dev.ff.core.eval;

import static dev.ff.core.eval.TestDocs.compile;
import static dev.ff.core.eval.TestDocs.json;
import static dev.ff.core.eval.TestDocs.ruleFlag;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import dev.ff.core.value.SemVer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluator's fast paths give exactly the answers of the general code they bypass. */
class FastPathsTest {
  private static final List<String> VERSIONS =
      List.of(
          "0",
          "1",
          "2",
          "2.3",
          "2.3.0",
          "2.2.10",
          "2.10.0",
          "2.3.1",
          "3",
          "10.0.0",
          "02.3.0",
          "2.03",
          "v2.3.0",
          "2.3.0-rc.1",
          "2.3.0+b",
          "2.3-beta",
          "2.",
          ".2",
          "",
          "2.3.0.1",
          "999999999999999999.0.0",
          "1000000000000000000.0.0",
          "2..3",
          "x",
          "2.3.0 ");

  @Test
  void plainSemVer_agreesWithCompareText() {
    for (String op : VERSIONS) {
      SemVer operand = SemVer.parse(op);
      if (operand == null) {
        continue;
      }
      long[] parts = new long[3];
      boolean plain = Cond.SemVerCompare.comparePlain(op, new long[3], parts) != 2;
      for (String text : VERSIONS) {
        int expected = operand.compareText(text);
        int fast = plain ? Cond.SemVerCompare.comparePlain(text, parts, null) : 2;
        if (fast != 2) {
          assertThat(fast).as("%s vs %s", text, op).isEqualTo(expected);
        }
        for (String o :
            List.of("semver_eq", "semver_lt", "semver_lte", "semver_gt", "semver_gte")) {
          boolean holds = holds(o, op, text);
          boolean want =
              expected != SemVer.INVALID
                  && switch (o) {
                    case "semver_eq" -> expected == 0;
                    case "semver_lt" -> expected < 0;
                    case "semver_lte" -> expected <= 0;
                    case "semver_gt" -> expected > 0;
                    default -> expected >= 0;
                  };
          assertThat(holds).as("%s %s %s", text, o, op).isEqualTo(want);
        }
      }
    }
  }

  private static boolean holds(String op, String operand, String text) {
    String cond = "{\"attr\":\"v\",\"op\":\"" + op + "\",\"value\":\"" + operand + "\"}";
    String ctx = "{\"v\":\"" + text + "\"}";
    return "on".equals(compile(ruleFlag(cond)).evaluate("f", json(ctx), null).variation());
  }

  @Test
  void anchoredLiteralSet_agreesWithRe2() {
    List<String> patterns =
        List.of("^ab(c|cd|)", "^(a|ab|abc)", "^x(y|z)", "^Mozilla/5\\.0 \\((iPhone|iPad|Linux)");
    List<String> texts =
        List.of(
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abx",
            "x",
            "xy",
            "xz",
            "xw",
            "Mozilla/5.0 (",
            "Mozilla/5.0 (iPad; x",
            "Mozilla/5.0 (iPhone",
            "Mozilla/5.0 (Windows NT",
            "Mozilla/5.0 (L");
    for (String p : patterns) {
      LiteralRegex literal = LiteralRegex.analyze(p);
      assertThat(literal).as(p).isNotNull();
      Pattern re2 = Pattern.compile(p);
      for (String t : texts) {
        assertThat(literal.find(t)).as("%s on %s", p, t).isEqualTo(re2.matcher(t).find());
      }
    }
  }

  @Test
  void inWithManyStrings_usesTheSetAndAgrees() {
    String cond =
        "{\"attr\":\"c\",\"op\":\"in\",\"values\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\","
            + "\"i\",\"j\",1,true]}";
    CompiledConfig config = compile(ruleFlag(cond));
    for (String v :
        List.of("\"a\"", "\"j\"", "\"k\"", "1", "2", "true", "false", "[\"x\",\"i\"]")) {
      boolean expected = !v.equals("\"k\"") && !v.equals("2") && !v.equals("false");
      String variation = config.evaluate("f", json("{\"c\":" + v + "}"), null).variation();
      assertThat("on".equals(variation)).as(v).isEqualTo(expected);
    }
  }

  @Test
  void deepPaths_andNegation_stillWalkThePath() {
    String cond = "{\"not\":{\"attr\":\"a.b\",\"op\":\"neq\",\"value\":\"x\"}}";
    CompiledConfig config = compile(ruleFlag(cond));
    assertThat(config.evaluate("f", json("{\"a\":{\"b\":\"x\"}}"), null).variation())
        .isEqualTo("on");
    assertThat(config.evaluate("f", json("{\"a\":{\"b\":\"y\"}}"), null).variation())
        .isNotEqualTo("on");
  }
}
