package dev.ff.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {

  private static int cmp(String a, String b) {
    return Integer.signum(SemVer.parse(a).compareTo(SemVer.parse(b)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0",
        "1.2.3",
        "v1.2.3",
        "1",
        "1.2",
        "v2",
        "2.3-beta",
        "2-rc.1",
        "1.0.0-alpha",
        "1.0.0-alpha.1",
        "1.0.0-0.3.7",
        "1.0.0-x.7.z.92",
        "1.0.0-x-y-z.--",
        "1.0.0+20130313144700",
        "1.0.0-beta+exp.sha.5114f85",
        "1.0.0+21AF26D3----117B344092BD",
        "1.0.0+001",
        "10.20.30",
        "99999999999999999999999.0.0"
      })
  void parse_acceptsValidVersions(String s) {
    assertThat(SemVer.parse(s)).as(s).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "v",
        "V1.2.3",
        "vv1.2.3",
        " 1.2.3",
        "1.2.3 ",
        "1 .2.3",
        "1.2.3.4",
        "01.2.3",
        "1.02.3",
        "1.2.03",
        "1.2.3-01",
        "1.2.3-",
        "1.2.3+",
        "1.2.3-a..b",
        "1.2.3+a..b",
        "1.2.3-a+b+c",
        "1.2.3-a_b",
        "1.2.3-ä",
        "1.",
        "1.2.",
        ".1",
        "a.b.c",
        "-1.2.3",
        "1.2.3\n",
        "\uff11.2.3",
        "1.-2.3"
      })
  void parse_rejectsInvalidVersions(String s) {
    assertThat(SemVer.parse(s)).as(s).isNull();
  }

  @Test
  void parse_null_isNull() {
    assertThat(SemVer.parse(null)).isNull();
  }

  @Test
  void compareTo_shortFormsReadMissingPartsAsZero() {
    assertThat(cmp("2.3", "2.3.0")).isZero();
    assertThat(cmp("2", "2.0.0")).isZero();
    assertThat(cmp("2.3-beta", "2.3.0-beta")).isZero();
    assertThat(SemVer.parse("2.3")).isEqualTo(SemVer.parse("2.3.0"));
    assertThat(SemVer.parse("2.3").hashCode()).isEqualTo(SemVer.parse("2.3.0").hashCode());
  }

  @Test
  void compareTo_leadingVIsIgnored() {
    assertThat(cmp("v1.2.3", "1.2.3")).isZero();
  }

  @Test
  void compareTo_buildMetadataIsIgnored() {
    assertThat(cmp("1.0.0+a", "1.0.0+b")).isZero();
    assertThat(cmp("1.0.0-rc.1+x", "1.0.0-rc.1")).isZero();
    assertThat(SemVer.parse("1.0.0+a")).isEqualTo(SemVer.parse("1.0.0"));
  }

  @Test
  void compareTo_numericPartsCompareAsNumbers() {
    assertThat(cmp("1.10.0", "1.9.0")).isPositive();
    assertThat(cmp("2.0.0", "10.0.0")).isNegative();
    assertThat(cmp("1.0.10", "1.0.9")).isPositive();
  }

  @Test
  void compareTo_unboundedNumbers() {
    assertThat(cmp("18446744073709551616.0.0", "18446744073709551615.0.0")).isPositive();
    assertThat(cmp("1.0.0-18446744073709551616", "1.0.0-18446744073709551615")).isPositive();
    assertThat(cmp("1.0.0-100000000000000000000", "1.0.0-99999999999999999999")).isPositive();
  }

  @Test
  void compareTo_followsSemVerSpecPrecedenceExample() {
    // The ordering example of SemVer 2.0.0, section 11.
    List<String> ordered =
        List.of(
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0");
    for (int i = 0; i < ordered.size(); i++) {
      for (int j = 0; j < ordered.size(); j++) {
        assertThat(cmp(ordered.get(i), ordered.get(j)))
            .as("%s vs %s", ordered.get(i), ordered.get(j))
            .isEqualTo(Integer.signum(Integer.compare(i, j)));
      }
    }
  }

  @Test
  void compareTo_preReleaseRanksBelowRelease() {
    assertThat(cmp("1.0.0-rc.1", "1.0.0")).isNegative();
    assertThat(cmp("1.0.0", "1.0.0-rc.1")).isPositive();
    assertThat(cmp("1.0.1-alpha", "1.0.0")).isPositive();
  }

  @Test
  void compareTo_numericIdentifierRanksBelowAlphanumeric() {
    assertThat(cmp("1.0.0-1", "1.0.0-a")).isNegative();
    assertThat(cmp("1.0.0-a", "1.0.0-1")).isPositive();
    assertThat(cmp("1.0.0-1a", "1.0.0-2")).isPositive();
  }

  @Test
  void compareTo_alphanumericIdentifiersCompareInAsciiOrder() {
    assertThat(cmp("1.0.0-B", "1.0.0-a")).isNegative();
    assertThat(cmp("1.0.0--", "1.0.0-0a")).isNegative();
  }

  @Test
  void toString_isNormalised() {
    assertThat(SemVer.parse("v2.3-beta.1+b7")).hasToString("2.3.0-beta.1+b7");
    assertThat(SemVer.parse("4")).hasToString("4.0.0");
  }

  @Test
  void equals_otherTypes_false() {
    assertThat(SemVer.parse("1.0.0")).isNotEqualTo("1.0.0");
    assertThat(SemVer.parse("1.0.0")).isNotEqualTo(SemVer.parse("1.0.0-a"));
  }

  @Property
  void compareTo_agreesWithIntegerTriples(
      @ForAll @IntRange(max = 1000) int a1,
      @ForAll @IntRange(max = 1000) int b1,
      @ForAll @IntRange(max = 1000) int c1,
      @ForAll @IntRange(max = 1000) int a2,
      @ForAll @IntRange(max = 1000) int b2,
      @ForAll @IntRange(max = 1000) int c2) {
    int expected = Integer.compare(a1, a2);
    if (expected == 0) {
      expected = Integer.compare(b1, b2);
    }
    if (expected == 0) {
      expected = Integer.compare(c1, c2);
    }
    assertThat(cmp(a1 + "." + b1 + "." + c1, a2 + "." + b2 + "." + c2))
        .isEqualTo(Integer.signum(expected));
  }

  @Property(tries = 3000)
  void compareText_agreesWithParseThenCompare(
      @ForAll @StringLength(max = 16) @Chars({'0', '1', '2', '9', 'v', '.', '-', '+', 'a', 'B'})
          String text,
      @ForAll("versions") String operand) {
    // Operands come from the valid-version generator: random strings over these characters are
    // valid versions too rarely for a filter, and jqwik would give up on the property.
    SemVer op = SemVer.parse(operand);
    assertThat(op).as(operand).isNotNull();
    SemVer parsed = SemVer.parse(text);
    int expected = parsed == null ? SemVer.INVALID : Integer.signum(parsed.compareTo(op));
    assertThat(op.compareText(text)).as("%s vs %s", text, operand).isEqualTo(expected);
  }

  /** Valid versions with short forms, pre-release identifiers and build metadata. */
  @Provide
  Arbitrary<String> versions() {
    Arbitrary<String> number = Arbitraries.of("0", "1", "2", "10", "11");
    Arbitrary<String> core = number.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
    Arbitrary<String> pre =
        Arbitraries.of("0", "1", "2", "11", "a", "b", "a1", "-", "rc")
            .list()
            .ofMaxSize(3)
            .map(l -> l.isEmpty() ? "" : "-" + String.join(".", l));
    Arbitrary<String> build =
        Arbitraries.of("0", "01", "x")
            .list()
            .ofMaxSize(2)
            .map(l -> l.isEmpty() ? "" : "+" + String.join(".", l));
    return Combinators.combine(Arbitraries.of("", "v"), core, pre, build)
        .as((v, c, p, b) -> v + c + p + b);
  }

  @Property(tries = 2000)
  void compareText_agreesWithCompareToOnValidVersions(
      @ForAll("versions") String a, @ForAll("versions") String b) {
    SemVer va = SemVer.parse(a);
    SemVer vb = SemVer.parse(b);
    assertThat(va).as(a).isNotNull();
    assertThat(vb).as(b).isNotNull();
    assertThat(vb.compareText(a)).as("%s vs %s", a, b).isEqualTo(Integer.signum(va.compareTo(vb)));
    assertThat(Integer.signum(va.compareTo(vb))).isEqualTo(-Integer.signum(vb.compareTo(va)));
  }

  @Test
  void compareText_examples() {
    SemVer v = SemVer.parse("1.2.0-rc.1");
    assertThat(v.compareText("1.2.0-rc.1+b")).isZero();
    assertThat(v.compareText("v1.2-rc.1")).isZero();
    assertThat(v.compareText("1.2.0")).isEqualTo(1);
    assertThat(v.compareText("1.2.0-rc")).isEqualTo(-1);
    assertThat(v.compareText("1.2.0-rc.1.0")).isEqualTo(1);
    assertThat(v.compareText("1.2.0-rc.01")).isEqualTo(SemVer.INVALID);
    assertThat(v.compareText("1.10")).isEqualTo(1);
    assertThat(v.compareText("1.2.0-beta")).isEqualTo(-1);
    assertThat(v.compareText("1.2.0-rc.a")).isEqualTo(1);
    assertThat(v.compareText("0.9.9-zzz")).isEqualTo(-1);
    assertThat(v.compareText("1.2.0-rc.1+")).isEqualTo(SemVer.INVALID);
    assertThat(v.compareText(null)).isEqualTo(SemVer.INVALID);
    assertThat(v.compareText("")).isEqualTo(SemVer.INVALID);
    assertThat(SemVer.parse("2").compareText("2.0.0")).isZero();
    assertThat(SemVer.parse("2").compareText("2.0.1-a")).isEqualTo(1);
  }

  @Test
  void compareTo_sortingShuffledVersionsGivesPrecedenceOrder() {
    List<String> ordered =
        List.of("0.9.9", "1.0.0-0", "1.0.0-2", "1.0.0-10", "1.0.0-a", "1.0.0", "1.0.1", "1.1");
    List<SemVer> shuffled = new ArrayList<>();
    for (String s : ordered) {
      shuffled.add(SemVer.parse(s));
    }
    Collections.shuffle(shuffled, new java.util.Random(7));
    Collections.sort(shuffled);
    List<SemVer> expected = new ArrayList<>();
    for (String s : ordered) {
      expected.add(SemVer.parse(s));
    }
    assertThat(shuffled).containsExactlyElementsOf(expected);
  }
}
