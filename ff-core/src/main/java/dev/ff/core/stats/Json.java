package dev.ff.core.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Small helpers for writing results as JSON trees. */
final class Json {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static void put(ObjectNode node, String name, Double value) {
    if (value == null) {
      node.putNull(name);
    } else {
      node.put(name, value.doubleValue());
    }
  }

  static void put(ObjectNode node, String name, Integer value) {
    if (value == null) {
      node.putNull(name);
    } else {
      node.put(name, value.intValue());
    }
  }

  static void putDoubles(ObjectNode node, String name, List<Double> values) {
    if (values == null) {
      node.putNull(name);
      return;
    }
    ArrayNode array = node.putArray(name);
    for (Double v : values) {
      if (v == null) {
        array.addNull();
      } else {
        array.add(v.doubleValue());
      }
    }
  }
}
