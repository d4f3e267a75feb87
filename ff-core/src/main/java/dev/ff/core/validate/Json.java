package dev.ff.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Small predicates over JSON values shared by the checks. */
final class Json {
  /** The key pattern of the contract, for messages. */
  static final String KEY_PATTERN = "^[a-z0-9][a-z0-9_.-]{0,127}$";

  private Json() {}

  /** Whether {@code s} matches {@link #KEY_PATTERN}. */
  static boolean isKey(String s) {
    if (s == null || s.isEmpty() || s.length() > 128) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || (i > 0 && (c == '_' || c == '.' || c == '-'));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code node} is a string matching {@link #KEY_PATTERN}. */
  static boolean isKey(JsonNode node) {
    return node != null && node.isTextual() && isKey(node.textValue());
  }

  /**
   * Whether {@code node} is a number with an integral value. JSON does not tell {@code 5} from
   * {@code 5.0} (JavaScript readers cannot), so neither does the validator.
   */
  static boolean isInteger(JsonNode node) {
    return node != null && node.isNumber() && node.canConvertToExactIntegral();
  }

  /** Whether {@code node} is an integer within {@code min..max}. */
  static boolean isIntegerIn(JsonNode node, long min, long max) {
    if (!isInteger(node)) {
      return false;
    }
    if (!node.canConvertToLong()) {
      return false;
    }
    long v = node.longValue();
    return v >= min && v <= max;
  }

  /** Whether an attribute path is a non-empty string without empty dot-separated segments. */
  static boolean isAttributePath(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    return !s.startsWith(".") && !s.endsWith(".") && !s.contains("..");
  }

  /** Whether {@code node} is a string, number or boolean. */
  static boolean isScalar(JsonNode node) {
    return node.isTextual() || node.isNumber() || node.isBoolean();
  }

  /** "a string", "an array", ...: the JSON type of a value, for messages. */
  static String typeOf(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> "a non-JSON value";
    };
  }

  /** The members of an object, in document order. */
  static List<Map.Entry<String, JsonNode>> members(JsonNode object) {
    List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = object.fields();
    while (it.hasNext()) {
      members.add(it.next());
    }
    return members;
  }

  /** A string value quoted for a message, shortened when long. */
  static String quote(String s) {
    return "'" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "'";
  }
}
