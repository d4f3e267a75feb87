package dev.ff.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785 canonical form: the examples of the RFC, ECMAScript number vectors and properties. */
class CanonicalizerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void canonicalize_sortsMembersByUtf16CodeUnits() {
    // RFC 8785 §3.2.3: the emoji (surrogates D83D DE00) sorts before U+FB33, not after it.
    String input =
        "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", \"\\ufb33\": \"Hebrew\","
            + " \"1\": \"One\", \"\\ud83d\\ude00\": \"Emoji\", \"\\u0080\": \"Control\","
            + " \"\\u00f6\": \"o umlaut\"}";
    String expected =
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"o umlaut\","
            + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji\",\"\ufb33\":\"Hebrew\"}";
    assertThat(Canonicalizer.canonicalize(parse(input))).isEqualTo(expected);
  }

  @Test
  void canonicalize_rfc8785Example() {
    // RFC 8785 §3.2.2's sample input and its canonical output.
    String input =
        "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
            + " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
            + " \"literals\": [null, true, false]}";
    String expected =
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    assertThat(Canonicalizer.canonicalize(parse(input))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void formatNumber_matchesRfc8785AppendixB(String bits, String expected) {
    double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    assertThat(Canonicalizer.formatNumber(d)).isEqualTo(expected);
  }

  @Test
  void formatNumber_matchesEcmaScriptOnEveryPowerOfTwoAndRandomDoubles() throws IOException {
    // Vectors written by JSON.stringify in node: every 2^k (where the interval of decimals that
    // read back as the double is lopsided) and random bit patterns.
    List<String[]> vectors = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("es-number-vectors.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#")) {
          vectors.add(line.split(" "));
        }
      }
    }
    assertThat(vectors).hasSizeGreaterThan(3000);
    for (String[] v : vectors) {
      double d = Double.longBitsToDouble(Long.parseUnsignedLong(v[0], 16));
      assertThat(Canonicalizer.formatNumber(d)).as(v[0]).isEqualTo(v[1]);
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "1e21, 1e+21",
    "1e-7, 1e-7",
    "0.000001, 0.000001",
    "123456789012345680000, 123456789012345680000",
    "4.5, 4.5",
    "2e-3, 0.002",
    "-0.0, 0",
    "1e20, 100000000000000000000",
    "100, 100",
    "-1.5e-9, -1.5e-9",
    "5.0, 5"
  })
  void canonicalize_numberForms(String json, String expected) {
    assertThat(Canonicalizer.canonicalize(parse(json))).isEqualTo(expected);
  }

  @Test
  void canonicalize_integersGoThroughDoubles() {
    assertThat(Canonicalizer.canonicalize(F.numberNode(9007199254740993L)))
        .isEqualTo("9007199254740992");
    assertThat(Canonicalizer.canonicalize(F.numberNode(BigInteger.TEN.pow(21)))).isEqualTo("1e+21");
    assertThat(Canonicalizer.canonicalize(F.numberNode(new BigDecimal("4.50")))).isEqualTo("4.5");
    assertThat(Canonicalizer.canonicalize(F.numberNode(-7))).isEqualTo("-7");
  }

  @Test
  void canonicalize_escapesOnlyWhatJcsRequires() {
    String s = "\u0000\u0001\u001f\b\t\n\f\r\"\\/\u007f\u2028\u00e9\ud83d\ude00";
    assertThat(Canonicalizer.canonicalize(F.textNode(s)))
        .isEqualTo(
            "\"\\u0000\\u0001\\u001f\\b\\t\\n\\f\\r\\\"\\\\/\u007f\u2028\u00e9\ud83d\ude00\"");
  }

  @Test
  void canonicalize_writesNoWhitespaceAndKeepsArrayOrder() {
    assertThat(Canonicalizer.canonicalize(parse("{ \"b\" : [ 3 , 1, {} , [ ] ], \"a\": { } }")))
        .isEqualTo("{\"a\":{},\"b\":[3,1,{},[]]}");
    assertThat(Canonicalizer.canonicalize(null)).isEqualTo("null");
  }

  @Test
  void canonicalize_refusesWhatCannotBeCanonical() {
    assertThatThrownBy(() -> Canonicalizer.canonicalize(F.textNode("a\ud800b")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Canonicalizer.canonicalize(F.textNode("\udc00")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Canonicalizer.canonicalize(F.numberNode(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Canonicalizer.formatNumber(Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Provide
  Arbitrary<JsonNode> json() {
    return JsonArbitraries.values(4);
  }

  @Property(tries = 150)
  void canonicalize_isIdempotentThroughParsing(@ForAll("json") JsonNode node) {
    String canonical = Canonicalizer.canonicalize(node);
    assertThat(Canonicalizer.canonicalize(parse(canonical))).isEqualTo(canonical);
  }

  @Property(tries = 150)
  void canonicalize_ignoresMemberOrder(@ForAll("json") JsonNode node, @ForAll long seed) {
    JsonNode shuffled = JsonArbitraries.shuffled(node, new Random(seed));
    assertThat(Canonicalizer.canonicalize(shuffled)).isEqualTo(Canonicalizer.canonicalize(node));
  }

  @Provide
  Arbitrary<Double> doubles() {
    return JsonArbitraries.doubles();
  }

  @Property(tries = 1000)
  void formatNumber_readsBackAsTheSameDouble(@ForAll("doubles") double d) {
    String text = Canonicalizer.formatNumber(d);
    assertThat(Double.parseDouble(text)).isEqualTo(d == 0 ? 0.0 : d);
    // Never more significant digits than the 17 that always suffice.
    String mantissa = text.replaceFirst("^-", "").replaceFirst("e.*$", "").replace(".", "");
    String significant = mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "");
    assertThat(significant.length()).isBetween(d == 0 ? 0 : 1, 17);
  }

  @Test
  void canonicalize_objectMembersAreSortedRecursively() {
    ObjectNode o = F.objectNode();
    o.putObject("z").put("b", 1).put("a", 2);
    o.put("y", true);
    assertThat(Canonicalizer.canonicalize(o)).isEqualTo("{\"y\":true,\"z\":{\"a\":2,\"b\":1}}");
  }
}
