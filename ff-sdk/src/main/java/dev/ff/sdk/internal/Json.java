package dev.ff.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** The SDK's shared JSON mapper and conversions. */
public final class Json {
  /** The mapper; configured once, thread-safe. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * Converts a Java value (string, number, boolean, list, map, node, null) to JSON.
   *
   * @param value the value
   * @return the node
   * @throws IllegalArgumentException if the value cannot be converted
   */
  public static JsonNode toNode(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    // The usual attribute types directly (the nodes valueToTree would give, without its buffer).
    if (value instanceof String s) {
      return TextNode.valueOf(s);
    }
    if (value instanceof Boolean b) {
      return BooleanNode.valueOf(b);
    }
    if (value instanceof Integer i) {
      return IntNode.valueOf(i);
    }
    if (value instanceof Long l) {
      return LongNode.valueOf(l);
    }
    if (value instanceof Double d) {
      return DoubleNode.valueOf(d);
    }
    return MAPPER.valueToTree(value);
  }

  /**
   * Parses JSON text.
   *
   * @param text the text
   * @return the tree
   * @throws IllegalArgumentException if it is not JSON
   */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Serialises a tree.
   *
   * @param node the tree
   * @return its JSON text
   */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
