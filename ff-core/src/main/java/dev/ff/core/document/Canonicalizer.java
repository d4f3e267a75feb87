package dev.ff.core.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the byte-exact form over which documents are signed.
 *
 * <p>Object members are sorted by the UTF-16 code units of their names, no whitespace is written,
 * strings use the minimal JSON escapes (the two-character forms for backspace, tab, newline, form
 * feed, carriage return, quote and backslash; six-character escapes with lowercase hex for the
 * other control characters; everything else as is) and every number, integer or not, is written as
 * the ECMAScript Number-to-String form of its IEEE-754 double value.
 */
public final class Canonicalizer {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Canonicalizer() {}

  /**
   * The canonical form of a JSON value.
   *
   * @param node any JSON value (a Java null or missing node is written as {@code null})
   * @return the canonical text
   * @throws IllegalArgumentException if the value cannot be canonicalized: a number that is not
   *     finite as a double, or a string holding an unpaired UTF-16 surrogate
   */
  public static String canonicalize(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        members.add(it.next());
      }
      // String.compareTo compares UTF-16 code units, exactly as RFC 8785 §3.2.3 requires.
      members.sort(Map.Entry.comparingByKey());
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> member : members) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(member.getKey(), out);
        out.append(':');
        write(member.getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      writeString(node.textValue(), out);
    } else if (node.isNumber()) {
      out.append(formatNumber(node.doubleValue()));
    } else if (node.isBoolean()) {
      out.append(node.booleanValue() ? "true" : "false");
    } else {
      // Binary and POJO nodes never come out of a JSON parser; refuse rather than guess.
      throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
    }
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
              throw new IllegalArgumentException("unpaired UTF-16 surrogate in string");
            }
            out.append(c).append(s.charAt(++i));
          } else if (Character.isLowSurrogate(c)) {
            throw new IllegalArgumentException("unpaired UTF-16 surrogate in string");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * The ECMAScript Number-to-String form of a double (ECMA-262 Number::toString, radix 10), as RFC
   * 8785 §3.2.2.3 requires: the shortest digits that read back as the same double, plain notation
   * for decimal exponents −7 &lt; e &lt; 21, otherwise {@code d.ddde±x}; {@code -0} is written
   * {@code 0}.
   *
   * @param d a finite double
   * @return its canonical text
   * @throws IllegalArgumentException if {@code d} is NaN or infinite
   */
  public static String formatNumber(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("not a finite number: " + d);
    }
    if (d == 0) {
      return "0";
    }
    if (d < 0) {
      return "-" + formatNumber(-d);
    }
    // value = digits × 10^(n − k), with k (the digit count) as small as possible
    BigDecimal shortest = shortestRoundTrip(d).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    StringBuilder out = new StringBuilder();
    if (k <= n && n <= 21) {
      out.append(digits);
      out.append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int e = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return out.toString();
  }

  /**
   * The decimal with the fewest significant digits that reads back as {@code d}; among those of
   * that length, the one closest to {@code d}.
   */
  private static BigDecimal shortestRoundTrip(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p <= 17; p++) {
      MathContext mc = new MathContext(p, RoundingMode.HALF_EVEN);
      BigDecimal nearest = exact.round(mc);
      if (nearest.doubleValue() == d) {
        return nearest;
      }
      // Next to a power of two the interval of decimals that read back as d is lopsided: the
      // nearest p-digit decimal can fall outside it on the narrow side while its neighbour on the
      // wide side falls inside.
      BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-nearest.scale());
      BigDecimal up = nearest.add(unit);
      BigDecimal down = nearest.subtract(unit);
      boolean upOk = up.round(mc).compareTo(up) == 0 && up.doubleValue() == d;
      boolean downOk =
          down.signum() > 0 && down.round(mc).compareTo(down) == 0 && down.doubleValue() == d;
      if (upOk && downOk) {
        return up.subtract(exact).abs().compareTo(exact.subtract(down).abs()) <= 0 ? up : down;
      }
      if (upOk) {
        return up;
      }
      if (downOk) {
        return down;
      }
    }
    // 17 significant digits always round-trip; not reached.
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }
}
