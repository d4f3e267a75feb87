package dev.ff.control.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code openapi/openapi.yaml} as a test oracle: finds the operation of a request (a small path
 * matcher: literal segments win over parameters) and checks a response against it: the status is
 * documented, the required response headers are present, and a JSON body validates against the
 * documented schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1, with networknt).
 */
final class OpenApiContract {

  /** Where the document lives, relative to the module folder (Surefire's working directory). */
  static final Path DOCUMENT = Path.of("..", "openapi", "openapi.yaml");

  private static volatile OpenApiContract instance;

  private final JsonNode doc;
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  private OpenApiContract(JsonNode doc) {
    this.doc = doc;
  }

  /**
   * The shared, loaded document.
   *
   * @return the contract
   */
  static OpenApiContract load() {
    if (instance == null) {
      synchronized (OpenApiContract.class) {
        if (instance == null) {
          try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            instance = new OpenApiContract(yaml.readTree(Files.readAllBytes(DOCUMENT)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return instance;
  }

  /**
   * The parsed document.
   *
   * @return the tree
   */
  JsonNode document() {
    return doc;
  }

  /**
   * Every documented operation.
   *
   * @return {@code "METHOD template"} entries
   */
  Set<String> operations() {
    Set<String> operations = new TreeSet<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method ->
                            operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    return operations;
  }

  /**
   * The documented template of a concrete path.
   *
   * @param rawPath the request path (without query)
   * @return the template, empty when no documented path matches
   */
  Optional<String> template(String rawPath) {
    String[] segments = split(rawPath);
    String best = null;
    int bestLiterals = -1;
    Iterator<String> names = doc.get("paths").fieldNames();
    while (names.hasNext()) {
      String template = names.next();
      String[] parts = split(template);
      if (parts.length != segments.length) {
        continue;
      }
      int literals = 0;
      boolean match = true;
      for (int i = 0; i < parts.length && match; i++) {
        if (parts[i].startsWith("{")) {
          match = !segments[i].isEmpty();
        } else if (parts[i].equals(segments[i])) {
          literals++;
        } else {
          match = false;
        }
      }
      if (match && literals > bestLiterals) {
        best = template;
        bestLiterals = literals;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Checks one response against the document.
   *
   * @param method the request method
   * @param rawPath the request path
   * @param status the response status
   * @param headers the response headers, lower-case names
   * @param contentType the response content type, or null
   * @param body the response body (may be empty)
   * @return the operation key {@code "METHOD template"}
   * @throws AssertionError listing every deviation
   */
  String check(
      String method,
      String rawPath,
      int status,
      Map<String, List<String>> headers,
      String contentType,
      String body) {
    String template =
        template(rawPath)
            .orElseThrow(
                () -> new AssertionError("path not documented: " + method + " " + rawPath));
    String key = method.toUpperCase(Locale.ROOT) + " " + template;
    JsonNode operation = doc.get("paths").get(template).get(method.toLowerCase(Locale.ROOT));
    if (operation == null) {
      if (status == 405) {
        return key;
      }
      throw new AssertionError("operation not documented: " + key);
    }
    JsonNode response = resolve(operation.get("responses").get(Integer.toString(status)));
    if (response == null) {
      throw new AssertionError(
          key + ": status " + status + " not documented; body: " + abbreviate(body));
    }
    List<String> problems = new ArrayList<>();
    JsonNode documentedHeaders = response.path("headers");
    documentedHeaders
        .fields()
        .forEachRemaining(
            h -> {
              JsonNode header = resolve(h.getValue());
              if (header.path("required").asBoolean(false)
                  && headers
                      .getOrDefault(h.getKey().toLowerCase(Locale.ROOT), List.of())
                      .isEmpty()) {
                problems.add("missing required header " + h.getKey());
              }
            });
    JsonNode content = response.get("content");
    if (content == null) {
      if (body != null && !body.isEmpty()) {
        problems.add("no body documented, got: " + abbreviate(body));
      }
    } else {
      String media = contentType == null ? "" : contentType.split(";")[0].trim();
      JsonNode mediaNode = content.get(media);
      if (mediaNode == null) {
        problems.add(
            "content type " + media + " not documented (" + content.fieldNames().next() + ")");
      } else if (media.endsWith("json")) {
        String pointer =
            "/paths/"
                + template.replace("~", "~0").replace("/", "~1")
                + "/"
                + method.toLowerCase(Locale.ROOT)
                + "/responses/"
                + status;
        JsonSchema schema = schema(pointer, mediaNode.get("schema"));
        try {
          JsonNode json = new ObjectMapper().readTree(body);
          Set<ValidationMessage> messages = schema.validate(json);
          messages.forEach(m -> problems.add("body: " + m.getMessage()));
        } catch (IOException e) {
          problems.add("body is not JSON: " + abbreviate(body));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          key
              + " → "
              + status
              + ": "
              + String.join("; ", problems)
              + "\nbody: "
              + abbreviate(body));
    }
    return key;
  }

  private JsonSchema schema(String cacheKey, JsonNode schemaNode) {
    return schemas.computeIfAbsent(
        cacheKey + "|" + schemaNode,
        k -> {
          ObjectNode root = new ObjectMapper().createObjectNode();
          root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
          root.set("allOf", new ObjectMapper().createArrayNode().add(schemaNode));
          root.set("components", doc.get("components"));
          return factory.getSchema(root);
        });
  }

  private JsonNode resolve(JsonNode node) {
    if (node != null && node.has("$ref")) {
      return doc.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }

  private static String[] split(String path) {
    String p =
        path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    return p.substring(1).split("/", -1);
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > 400 ? text.substring(0, 400) + "…" : text;
  }
}
