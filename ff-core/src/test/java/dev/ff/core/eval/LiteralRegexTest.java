package dev.ff.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine-free path for literal-set patterns must agree with RE2J exactly. */
class LiteralRegexTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "^abc",
        "abc$",
        "^abc$",
        "^$",
        "^Mozilla/5\\.0 \\((iPhone|iPad|Linux; Android)",
        "a(?:b|c)d",
        "(x|)y",
        "\\.\\(\\)\\[\\]\\*\\+\\?\\{\\}\\|\\^\\$\\\\\\_",
        "é-ß"
      })
  void analyze_literalSets(String pattern) {
    assertThat(LiteralRegex.analyze(pattern)).as(pattern).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".",
        "(|||||||)(|||||||)(||)",
        "a*",
        "a+",
        "a?",
        "a{2}",
        "[ab]",
        "a|b",
        "((a))",
        "(?i)abc",
        "(?P<n>a)",
        "\\d",
        "\\w",
        "\\bword",
        "\\Qa.b\\E",
        "\\x41",
        "\\ ",
        "a$b",
        "a^b",
        "(a",
        "\uD83D\uDE00",
        "(a|b)(c|d)(e|f)(g|h)(i|j)(k|l)(m|n)"
      })
  void analyze_leavesOtherPatternsToRe2j(String pattern) {
    assertThat(LiteralRegex.analyze(pattern)).as(pattern).isNull();
  }

  @Test
  void find_benchmarkStylePattern() {
    LiteralRegex r = LiteralRegex.analyze("^Mozilla/5\\.0 \\((iPhone|iPad|Linux; Android)");
    assertThat(r.find("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)")).isTrue();
    assertThat(r.find("Mozilla/5.0 (Linux; Android 14; Pixel 8)")).isTrue();
    assertThat(r.find("Mozilla/5.0 (Windows NT 10.0; Win64; x64)")).isFalse();
    assertThat(r.find("x Mozilla/5.0 (iPad")).isFalse();
  }

  @Test
  void find_anchors() {
    assertThat(LiteralRegex.analyze("^$").find("")).isTrue();
    assertThat(LiteralRegex.analyze("^$").find("a")).isFalse();
    assertThat(LiteralRegex.analyze("b$").find("ab")).isTrue();
    assertThat(LiteralRegex.analyze("b$").find("ba")).isFalse();
    assertThat(LiteralRegex.analyze("^a(b|c)$").find("ac")).isTrue();
    assertThat(LiteralRegex.analyze("^a(b|c)$").find("acc")).isFalse();
  }

  private static boolean re2jFind(String pattern, String text) {
    return Pattern.compile(pattern).matcher(text).find();
  }

  private static Pattern compileOrNull(String pattern) {
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  @Property(tries = 3000)
  void find_agreesWithRe2jOnRandomPatterns(
      @ForAll
          @StringLength(max = 9)
          @Chars({'a', 'b', '^', '$', '(', ')', '|', '\\', '.', '?', ':', '-', '*'})
          String pattern,
      @ForAll @Size(max = 6)
          List<@StringLength(max = 6) @Chars({'a', 'b', '.', '-', '\n', '('}) String> texts) {
    Pattern compiled = compileOrNull(pattern);
    Assume.that(compiled != null);
    LiteralRegex literal = LiteralRegex.analyze(pattern);
    Assume.that(literal != null);
    for (String t : texts) {
      assertThat(literal.find(t)).as("%s on %s", pattern, t).isEqualTo(compiled.matcher(t).find());
    }
  }

  /** The number of strings a generated pattern denotes: the product of its groups' sizes. */
  private static int combinations(String pattern) {
    int product = 1;
    int alternatives = 0;
    boolean inGroup = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        inGroup = true;
        alternatives = 1;
      } else if (c == '|' && inGroup) {
        alternatives++;
      } else if (c == ')') {
        inGroup = false;
        product *= alternatives;
      }
    }
    return product;
  }

  /** Literal-set patterns built from the recognised grammar. */
  @Provide
  Arbitrary<String> literalPatterns() {
    Arbitrary<String> ch = Arbitraries.of("a", "b", "\\.", "\\(", "-", "\\$");
    Arbitrary<String> alt = ch.list().ofMaxSize(2).map(l -> String.join("", l));
    Arbitrary<String> group =
        Combinators.combine(Arbitraries.of("(", "(?:"), alt.list().ofMinSize(1).ofMaxSize(3))
            .as((open, alts) -> open + String.join("|", alts) + ")");
    Arbitrary<String> part = Arbitraries.oneOf(ch, group);
    return Combinators.combine(
            Arbitraries.of("", "^"), part.list().ofMaxSize(4), Arbitraries.of("", "$"))
        .as((s, parts, e) -> s + String.join("", parts) + e);
  }

  @Property(tries = 1000)
  void find_agreesWithRe2jOnLiteralSets(
      @ForAll("literalPatterns") String pattern,
      @ForAll @Size(max = 6)
          List<@StringLength(max = 6) @Chars({'a', 'b', '.', '(', '$', '-'}) String> texts) {
    LiteralRegex literal = LiteralRegex.analyze(pattern);
    if (literal == null) {
      // Only a pattern denoting more than 64 strings is left to RE2J.
      assertThat(combinations(pattern)).as(pattern).isGreaterThan(64);
      return;
    }
    for (String t : texts) {
      assertThat(literal.find(t)).as("%s on %s", pattern, t).isEqualTo(re2jFind(pattern, t));
    }
  }
}
