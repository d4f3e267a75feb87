package dev.ff.control.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.Problem;
import dev.ff.control.domain.ValidationFailed;
import dev.ff.core.validate.Diagnostic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a JSON request body member by member and collects every problem with its JSON Pointer, so
 * that one refusal lists them all.
 */
public final class Input {
  /** The key pattern of the evaluation contract (docs/evaluation.md §1). */
  public static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9_.-]{0,127}$");

  private static final int MAX_TEXT = 10_000;

  private final ObjectNode body;
  private final List<Problem> problems = new ArrayList<>();

  private Input(ObjectNode body) {
    this.body = body;
  }

  /**
   * Starts reading a body.
   *
   * @param body the submitted JSON
   * @param members the members the body may have, or null to leave unknown members to the caller
   * @return the reader; a non-object body is reported at {@code ""}
   */
  public static Input of(JsonNode body, Collection<String> members) {
    if (body == null || !body.isObject()) {
      Input input = new Input(JsonNodeFactory.instance.objectNode());
      input.problem("", "expected a JSON object");
      return input;
    }
    Input input = new Input((ObjectNode) body);
    if (members != null) {
      Set<String> allowed = Set.copyOf(members);
      Iterator<String> names = body.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!allowed.contains(name)) {
          input.problem(pointer(name), "unknown member '" + name + "'");
        }
      }
    }
    return input;
  }

  /**
   * The body being read.
   *
   * @return the body
   */
  public ObjectNode body() {
    return body;
  }

  /**
   * Records a problem.
   *
   * @param path the JSON Pointer
   * @param message the description
   */
  public void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }

  /**
   * Records ff-core diagnostics, their paths prefixed.
   *
   * @param prefix the pointer of the validated value within the body ({@code ""} for the body)
   * @param diagnostics the diagnostics
   */
  public void diagnostics(String prefix, List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      problem(prefix + d.path(), d.message());
    }
  }

  /**
   * Whether problems were found so far.
   *
   * @return true if at least one problem was recorded
   */
  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /**
   * Refuses the body when problems were found.
   *
   * @throws ValidationFailed with every problem
   */
  public void check() {
    if (!problems.isEmpty()) {
      throw new ValidationFailed(problems);
    }
  }

  /**
   * A required key member.
   *
   * @param name the member
   * @return its value, or null when missing or malformed (a problem is recorded)
   */
  public String key(String name) {
    String value = text(name, true);
    return value == null ? null : checkKey(pointer(name), value);
  }

  /**
   * An optional key member.
   *
   * @param name the member
   * @return its value, or null when absent, null or malformed
   */
  public String optionalKey(String name) {
    String value = text(name, false);
    return value == null ? null : checkKey(pointer(name), value);
  }

  /**
   * A string member.
   *
   * @param name the member
   * @param required whether it must be present
   * @return the value, or null when absent, null or not a string
   */
  public String text(String name, boolean required) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      if (required) {
        problem(pointer(name), "required");
      }
      return null;
    }
    if (!node.isTextual()) {
      problem(pointer(name), "expected a string");
      return null;
    }
    String value = node.textValue();
    if (required && value.isBlank()) {
      problem(pointer(name), "must not be blank");
      return null;
    }
    if (value.length() > MAX_TEXT) {
      problem(pointer(name), "longer than " + MAX_TEXT + " characters");
      return null;
    }
    return value;
  }

  /**
   * A boolean member.
   *
   * @param name the member
   * @param fallback the value when absent or null
   * @return the value
   */
  public boolean bool(String name, boolean fallback) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      problem(pointer(name), "expected a boolean");
      return fallback;
    }
    return node.booleanValue();
  }

  /**
   * An integer member within bounds (a zero fraction is accepted, docs/evaluation.md §10).
   *
   * @param name the member
   * @param min the lowest value
   * @param max the highest value
   * @param fallback the value when absent or null (may be null)
   * @return the value, or {@code fallback}
   */
  public Integer integer(String name, int min, int max, Integer fallback) {
    return integerAt(body.get(name), pointer(name), min, max, fallback);
  }

  /**
   * Reads an integer from any node.
   *
   * @param node the node, may be null
   * @param path its pointer
   * @param min the lowest value
   * @param max the highest value
   * @param fallback the value when absent or null
   * @return the value, or {@code fallback}
   */
  public Integer integerAt(JsonNode node, String path, int min, int max, Integer fallback) {
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isNumber() || !node.canConvertToExactIntegral() || !node.canConvertToInt()) {
      problem(path, "expected an integer");
      return fallback;
    }
    int value = node.intValue();
    if (value < min || value > max) {
      problem(path, "must be between " + min + " and " + max);
      return fallback;
    }
    return value;
  }

  /**
   * An optional array of keys; duplicates are dropped, order is kept.
   *
   * @param name the member
   * @return the keys, empty when absent
   */
  public List<String> keys(String name) {
    JsonNode node = body.get(name);
    List<String> result = new ArrayList<>();
    if (node == null || node.isNull()) {
      return result;
    }
    if (!node.isArray()) {
      problem(pointer(name), "expected an array of keys");
      return result;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      String path = pointer(name) + "/" + i;
      if (!item.isTextual()) {
        problem(path, "expected a string");
      } else if (checkKey(path, item.textValue()) != null && !result.contains(item.textValue())) {
        result.add(item.textValue());
      }
    }
    return result;
  }

  /**
   * Checks a key against the key pattern.
   *
   * @param path the key's pointer
   * @param value the key
   * @return the key, or null when malformed (a problem is recorded)
   */
  public String checkKey(String path, String value) {
    if (!KEY.matcher(value).matches()) {
      problem(path, "must match " + KEY.pattern());
      return null;
    }
    return value;
  }

  /**
   * The JSON Pointer of a top-level member.
   *
   * @param name the member name
   * @return {@code /name}, escaped per RFC 6901
   */
  public static String pointer(String name) {
    return "/" + name.replace("~", "~0").replace("/", "~1");
  }
}
