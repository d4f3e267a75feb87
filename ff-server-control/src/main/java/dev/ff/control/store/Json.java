package dev.ff.control.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The one JSON mapper of the control plane: records (domain resources) serialise with ISO-8601
 * instants and unwrapped optionals, which is also the shape audit rows store.
 */
public final class Json {
  /** The shared, thread-safe mapper. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(new Jdk8Module())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Json() {}

  /**
   * A new empty object.
   *
   * @return the object
   */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * Parses JSON text (from a jsonb column).
   *
   * @param text the JSON text
   * @return the tree
   * @throws UncheckedIOException if the text is not JSON
   */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses JSON text that holds an object.
   *
   * @param text the JSON text
   * @return the object
   */
  public static ObjectNode parseObject(String text) {
    return (ObjectNode) parse(text);
  }

  /**
   * Serialises a tree or a record to JSON text.
   *
   * @param value the value
   * @return the JSON text
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Converts a value (a domain record) to a tree.
   *
   * @param value the value, may be null
   * @return the tree ({@code null} node for null)
   */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }
}
