package dev.ff.core.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketingTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  // Expected buckets computed independently with python3 hashlib:
  // int.from_bytes(sha256((salt+':'+seed+':'+unit).encode()).digest()[:8], 'big') % 10000
  @ParameterizedTest
  @CsvSource({
    "9f2c, checkout-redesign, user-1, 8330",
    "00, a, b, 9929",
    "deadbeef, xg/checkout-layer, user-42, 5474",
    "abc, seed, 5, 3314",
    "abc, seed, 0, 6669",
    "abc, seed, -9007199254740991, 9698",
    "abc, seed, 9007199254740991, 5611",
    "abc, seed, ünïcødé, 7151",
    "abc, seed, \uD83D\uDE00x, 2804",
    "1234abcd, flag, user-1, 9025",
    "1234abcd, flag, user-2, 3570"
  })
  void bucket_matchesIndependentVectors(String salt, String seed, String unit, int expected) {
    assertThat(Bucketing.bucket(salt, seed, unit)).isEqualTo(expected);
  }

  @Test
  void bucket_longUnitGrowsTheBuffer() {
    assertThat(Bucketing.bucket("abc", "seed", "x".repeat(300))).isEqualTo(9997);
  }

  @Test
  void bucket_reusedAndAlternatingPrefixesAcrossDigestRefreshes() {
    // The per-thread buffer keeps the last prefix and the digest is replaced after 4096, 32768, ...
    // uses: interleave two prefixes (and a numeric unit) over more calls than the first refreshes.
    byte[] a = Bucketing.prefix("salt", "seed-a");
    byte[] b = Bucketing.prefix("salt", "seed-bb");
    for (int i = 0; i < 40_000; i++) {
      String unit = "u" + i;
      if (i % 997 == 0) {
        assertThat(Bucketing.bucket(a, unit)).isEqualTo(jdkBucket("salt:seed-a:" + unit));
        assertThat(Bucketing.bucket(b, unit)).isEqualTo(jdkBucket("salt:seed-bb:" + unit));
        assertThat(Bucketing.bucketOf(b, IntNode.valueOf(i)))
            .isEqualTo(jdkBucket("salt:seed-bb:" + i));
        assertThat(Bucketing.bucket(a, "x".repeat(200 + i / 100)))
            .isEqualTo(jdkBucket("salt:seed-a:" + "x".repeat(200 + i / 100)));
      } else {
        Bucketing.bucket(i % 2 == 0 ? a : b, unit);
      }
    }
  }

  @Test
  void bucket_unpairedSurrogateEncodesAsReplacementCharacter() {
    // python3: '\ufffd' -> 9388, '\ufffdz' -> 5023
    assertThat(Bucketing.bucket("abc", "seed", "\uD800")).isEqualTo(9388);
    assertThat(Bucketing.bucket("abc", "seed", "\uDC00z")).isEqualTo(5023);
    assertThat(Bucketing.bucket("abc", "seed", "\uD800z")).isEqualTo(5023);
  }

  @Test
  void bucketOf_numericUnitsHashTheirDecimalText() {
    byte[] p = Bucketing.prefix("abc", "seed");
    assertThat(Bucketing.bucketOf(p, IntNode.valueOf(5))).isEqualTo(3314);
    assertThat(Bucketing.bucketOf(p, DoubleNode.valueOf(5.0))).isEqualTo(3314);
    assertThat(Bucketing.bucketOf(p, DoubleNode.valueOf(-0.0))).isEqualTo(6669);
    assertThat(Bucketing.bucketOf(p, LongNode.valueOf(-9007199254740991L))).isEqualTo(9698);
    assertThat(Bucketing.bucketOf(p, DoubleNode.valueOf(9007199254740991.0))).isEqualTo(5611);
    assertThat(Bucketing.bucketOf(p, TextNode.valueOf("5"))).isEqualTo(3314);
  }

  @Test
  void bucketOf_noUnit() {
    byte[] p = Bucketing.prefix("abc", "seed");
    assertThat(Bucketing.bucketOf(p, null)).isEqualTo(Bucketing.NO_UNIT);
    assertThat(Bucketing.bucketOf(p, NullNode.getInstance())).isEqualTo(Bucketing.NO_UNIT);
    assertThat(Bucketing.bucketOf(p, TextNode.valueOf(""))).isEqualTo(Bucketing.NO_UNIT);
    assertThat(Bucketing.bucketOf(p, DoubleNode.valueOf(1.5))).isEqualTo(Bucketing.NO_UNIT);
    assertThat(Bucketing.bucketOf(p, BooleanNode.TRUE)).isEqualTo(Bucketing.NO_UNIT);
    assertThat(Bucketing.bucketOf(p, LongNode.valueOf(1L << 53))).isEqualTo(Bucketing.NO_UNIT);
  }

  @Test
  void unitOf_strings() {
    assertThat(Bucketing.unitOf(TextNode.valueOf("user-1"))).isEqualTo("user-1");
    assertThat(Bucketing.unitOf(TextNode.valueOf(" "))).isEqualTo(" ");
    assertThat(Bucketing.unitOf(TextNode.valueOf(""))).isNull();
  }

  @Test
  void unitOf_integralNumbers() {
    assertThat(Bucketing.unitOf(IntNode.valueOf(5))).isEqualTo("5");
    assertThat(Bucketing.unitOf(IntNode.valueOf(-12))).isEqualTo("-12");
    assertThat(Bucketing.unitOf(DoubleNode.valueOf(5.0))).isEqualTo("5");
    assertThat(Bucketing.unitOf(DoubleNode.valueOf(-0.0))).isEqualTo("0");
    assertThat(Bucketing.unitOf(FloatNode.valueOf(7.0f))).isEqualTo("7");
    assertThat(Bucketing.unitOf(LongNode.valueOf(9007199254740991L))).isEqualTo("9007199254740991");
    assertThat(Bucketing.unitOf(LongNode.valueOf(-9007199254740991L)))
        .isEqualTo("-9007199254740991");
    assertThat(Bucketing.unitOf(BigIntegerNode.valueOf(BigInteger.valueOf(42)))).isEqualTo("42");
    assertThat(Bucketing.unitOf(DecimalNode.valueOf(new BigDecimal("5.00")))).isEqualTo("5");
    assertThat(Bucketing.unitOf(DecimalNode.valueOf(new BigDecimal("-0.0")))).isEqualTo("0");
    assertThat(Bucketing.unitOf(DecimalNode.valueOf(new BigDecimal("1E+3")))).isEqualTo("1000");
  }

  @Test
  void unitOf_parsedJsonNumbers() throws Exception {
    assertThat(Bucketing.unitOf(MAPPER.readTree("5.0"))).isEqualTo("5");
    assertThat(Bucketing.unitOf(MAPPER.readTree("1e3"))).isEqualTo("1000");
    assertThat(Bucketing.unitOf(MAPPER.readTree("-0"))).isEqualTo("0");
    assertThat(Bucketing.unitOf(MAPPER.readTree("-0.0"))).isEqualTo("0");
    assertThat(Bucketing.unitOf(MAPPER.readTree("12345678901234567890"))).isNull();
    ObjectMapper decimals =
        new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    assertThat(Bucketing.unitOf(decimals.readTree("5.0"))).isEqualTo("5");
    assertThat(Bucketing.unitOf(decimals.readTree("5.5"))).isNull();
  }

  @Test
  void unitOf_everythingElseIsNull() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    assertThat(Bucketing.unitOf(null)).isNull();
    assertThat(Bucketing.unitOf(NullNode.getInstance())).isNull();
    assertThat(Bucketing.unitOf(BooleanNode.TRUE)).isNull();
    assertThat(Bucketing.unitOf(f.arrayNode().add("u1"))).isNull();
    assertThat(Bucketing.unitOf(f.objectNode().put("id", "u1"))).isNull();
    assertThat(Bucketing.unitOf(DoubleNode.valueOf(5.5))).isNull();
    assertThat(Bucketing.unitOf(DoubleNode.valueOf(Double.NaN))).isNull();
    assertThat(Bucketing.unitOf(DoubleNode.valueOf(Double.POSITIVE_INFINITY))).isNull();
    assertThat(Bucketing.unitOf(DoubleNode.valueOf(9007199254740992.0))).isNull();
    assertThat(Bucketing.unitOf(LongNode.valueOf(9007199254740992L))).isNull();
    assertThat(Bucketing.unitOf(LongNode.valueOf(Long.MIN_VALUE))).isNull();
    assertThat(Bucketing.unitOf(BigIntegerNode.valueOf(BigInteger.TWO.pow(70)))).isNull();
    assertThat(Bucketing.unitOf(DecimalNode.valueOf(new BigDecimal("5.1")))).isNull();
    assertThat(Bucketing.unitOf(DecimalNode.valueOf(new BigDecimal("1E+16")))).isNull();
  }

  @Property
  void bucket_isStableAndInRange(@ForAll String salt, @ForAll String seed, @ForAll String unit) {
    int b = Bucketing.bucket(salt, seed, unit);
    assertThat(b).isBetween(0, Bucketing.BUCKETS - 1).isEqualTo(Bucketing.bucket(salt, seed, unit));
  }

  @Property
  void mod10000_equalsUnsignedRemainder(@ForAll long h) {
    assertThat(Bucketing.mod10000(h)).isEqualTo((int) Long.remainderUnsigned(h, 10_000));
  }

  @Test
  void mod10000_edges() {
    // 2^64 - 1 = 18446744073709551615 -> 1615; 2^63 = 9223372036854775808 -> 5808.
    assertThat(Bucketing.mod10000(-1L)).isEqualTo(1615);
    assertThat(Bucketing.mod10000(Long.MIN_VALUE)).isEqualTo(5808);
    assertThat(Bucketing.mod10000(0)).isZero();
    assertThat(Bucketing.mod10000(9_999)).isEqualTo(9_999);
    assertThat(Bucketing.mod10000(10_000)).isZero();
  }

  @Property
  void bucketOf_agreesWithBucketOfUnitString(
      @ForAll @StringLength(min = 1, max = 40) String unit,
      @ForAll @LongRange(min = -9007199254740991L, max = 9007199254740991L) long n) {
    byte[] p = Bucketing.prefix("0fa1", "my-flag");
    assertThat(Bucketing.bucketOf(p, TextNode.valueOf(unit)))
        .isEqualTo(Bucketing.bucket("0fa1", "my-flag", unit));
    assertThat(Bucketing.bucketOf(p, LongNode.valueOf(n)))
        .isEqualTo(Bucketing.bucket("0fa1", "my-flag", Long.toString(n)));
  }

  @Property
  void bucket_utf8EncodingMatchesJdkForWellFormedStrings(@ForAll String unit) {
    // For strings without unpaired surrogates the hand-written encoder must equal the JDK's.
    boolean wellFormed = true;
    for (int i = 0; i < unit.length(); i++) {
      char c = unit.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < unit.length()
          && Character.isLowSurrogate(unit.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        wellFormed = false;
      }
    }
    if (wellFormed) {
      assertThat(Bucketing.bucket("ab", "s", unit)).isEqualTo(jdkBucket("ab:s:" + unit));
    }
  }

  private static int jdkBucket(String input) {
    try {
      byte[] h =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return new BigInteger(1, java.util.Arrays.copyOf(h, 8))
          .mod(BigInteger.valueOf(10_000))
          .intValue();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void bucket_isUniformByChiSquareOver10Buckets() {
    int[] counts = new int[10];
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      counts[Bucketing.bucket("5eed", "uniformity", "user-" + i) / 1000]++;
    }
    assertThat(chiSquare(counts, n)).isLessThan(critical(9));
  }

  @Test
  void bucket_isUniformByChiSquareOver100Bins() {
    int[] counts = new int[100];
    int n = 100_000;
    byte[] p = Bucketing.prefix("a1b2", "bins");
    for (int i = 0; i < n; i++) {
      counts[Bucketing.bucketOf(p, IntNode.valueOf(i)) / 100]++;
    }
    assertThat(chiSquare(counts, n)).isLessThan(critical(99));
  }

  @Test
  void critical_matchesTabulatedValues() {
    // Chi-square table, alpha = 0.001: df 9 -> 27.877, df 99 -> 148.230.
    assertThat(critical(9)).isCloseTo(27.877, org.assertj.core.data.Offset.offset(0.01));
    assertThat(critical(99)).isCloseTo(148.23, org.assertj.core.data.Offset.offset(0.05));
  }

  private static double critical(int df) {
    return new ChiSquaredDistribution(df).inverseCumulativeProbability(0.999);
  }

  private static double chiSquare(int[] counts, int n) {
    double expected = (double) n / counts.length;
    double chi = 0;
    for (int c : counts) {
      chi += (c - expected) * (c - expected) / expected;
    }
    return chi;
  }
}
