package dev.ff.core.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Test documents and tree edits by JSON Pointer. */
final class Docs {
  /** Accepts single-quoted JSON, which keeps inline test documents readable. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

  /**
   * A valid document touching every feature: three flag types, prerequisites, segment conditions,
   * combinators, a rollout with experiment and exclusion group, nested segments.
   */
  static final String VALID =
      """
{'env': 'prod', 'project': 'shop', 'version': 42, 'publishedAt': '2026-11-24T10:00:00Z',
 'salt': 'a1b2c3d4',
 'flags': {
   'new-cart': {'key': 'new-cart', 'type': 'boolean', 'enabled': true,
     'variations': [{'key': 'off', 'value': false}, {'key': 'on', 'value': true}],
     'offVariation': 'off', 'defaultVariation': 'on', 'rules': []},
   'checkout': {'key': 'checkout', 'type': 'multivariate', 'enabled': true,
     'description': 'checkout layout',
     'variations': [{'key': 'control', 'value': 'a'}, {'key': 'treatment', 'value': 'b'}],
     'offVariation': 'control', 'defaultVariation': 'control',
     'prerequisites': [{'flag': 'new-cart', 'variation': 'on'}],
     'rules': [
       {'id': 'beta', 'description': 'testers', 'if': {'segment': 'beta'},
        'then': {'variation': 'treatment'}},
       {'id': 'nl',
        'if': {'all': [{'attr': 'country', 'op': 'in', 'values': ['NL', 'BE']},
                       {'not': {'attr': 'device.os', 'op': 'eq', 'value': 'ios'}}]},
        'then': {'rollout': {
           'variations': [{'variation': 'control', 'weight': 5000},
                          {'variation': 'treatment', 'weight': 5000}],
           'bucketBy': 'key', 'seed': 'checkout', 'coverage': 10000,
           'experiment': 'checkout-test',
           'exclusionGroup': {'key': 'layer', 'start': 0, 'end': 5000}}}}]},
   'banner': {'key': 'banner', 'type': 'json', 'enabled': false,
     'variations': [{'key': 'v1', 'value': {'text': 'hi'}}],
     'offVariation': 'v1', 'defaultVariation': 'v1',
     'rules': [{'id': 'r1', 'if': {'any': []},
        'then': {'rollout': {'variations': [{'variation': 'v1', 'weight': 10000}],
           'experiment': 'banner-test',
           'exclusionGroup': {'key': 'layer', 'start': 5000, 'end': 10000}}}}]}},
 'segments': {
   'beta': {'key': 'beta', 'included': ['u1'], 'excluded': ['u9'], 'if': {'segment': 'staff'}},
   'staff': {'key': 'staff',
     'if': {'attr': 'email', 'op': 'ends_with', 'value': '@shop.example'}}},
 'signature': {'alg': 'HMAC-SHA256', 'kid': 'k1', 'value': 'AAAA'}}
""";

  /** A valid boolean flag on its own. */
  static final String FLAG =
      """
      {'key': 'f', 'type': 'boolean', 'enabled': true,
       'variations': [{'key': 'off', 'value': false}, {'key': 'on', 'value': true}],
       'offVariation': 'off', 'defaultVariation': 'off',
       'rules': [{'id': 'r0', 'if': {'attr': 'plan', 'op': 'eq', 'value': 'pro'},
                  'then': {'variation': 'on'}}]}
      """;

  private Docs() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode valid() {
    return (ObjectNode) json(VALID);
  }

  static ObjectNode flag() {
    return (ObjectNode) json(FLAG);
  }

  /** Sets (or appends, for an index equal to the array size) the value at a pointer. */
  static ObjectNode set(ObjectNode root, String pointer, String valueJson) {
    return set(root, pointer, json(valueJson));
  }

  static ObjectNode set(ObjectNode root, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, slash));
    String token = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode o) {
      o.set(token, value);
    } else if (parent instanceof ArrayNode a) {
      int i = Integer.parseInt(token);
      if (i == a.size()) {
        a.add(value);
      } else {
        a.set(i, value);
      }
    } else {
      throw new IllegalArgumentException("no container at " + pointer);
    }
    return root;
  }

  /** Removes the member or element at a pointer. */
  static ObjectNode remove(ObjectNode root, String pointer) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, slash));
    String token = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode o) {
      o.remove(token);
    } else if (parent instanceof ArrayNode a) {
      a.remove(Integer.parseInt(token));
    } else {
      throw new IllegalArgumentException("no container at " + pointer);
    }
    return root;
  }

  static Set<String> paths(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::path).collect(Collectors.toSet());
  }

  static Set<String> documentPaths(JsonNode doc) {
    return paths(ConfigValidator.validateDocument(doc));
  }

  static Set<String> flagPaths(JsonNode flag) {
    return paths(ConfigValidator.validateFlag(flag));
  }
}
