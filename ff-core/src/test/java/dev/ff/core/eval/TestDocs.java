package dev.ff.core.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ff.core.json.ModelReader;
import java.io.UncheckedIOException;

/** Builds config documents and contexts for evaluator tests. */
final class TestDocs {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String SALT = "abc";
  static final long VERSION = 7;

  private TestDocs() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A document text around the given flags and segments object bodies. */
  static String doc(String flags, String segments) {
    return "{\"env\":\"prod\",\"project\":\"shop\",\"version\":"
        + VERSION
        + ",\"salt\":\""
        + SALT
        + "\",\"flags\":{"
        + flags
        + "},\"segments\":{"
        + segments
        + "}}";
  }

  static CompiledConfig compile(String flags, String segments) {
    return Compiler.compile(ModelReader.readDocument(json(doc(flags, segments))));
  }

  static CompiledConfig compile(String flags) {
    return compile(flags, "");
  }

  /** A boolean flag "f" serving "on" when {@code condition} holds, "off" otherwise. */
  static String ruleFlag(String condition) {
    return "\"f\":{\"key\":\"f\",\"type\":\"boolean\",\"enabled\":true,"
        + "\"variations\":[{\"key\":\"off\",\"value\":false},{\"key\":\"on\",\"value\":true}],"
        + "\"offVariation\":\"off\",\"defaultVariation\":\"off\","
        + "\"rules\":[{\"id\":\"r\",\"if\":"
        + condition
        + ",\"then\":{\"variation\":\"on\"}}]}";
  }
}
