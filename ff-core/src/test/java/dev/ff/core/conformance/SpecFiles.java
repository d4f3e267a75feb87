package dev.ff.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the conformance data folder named by the system property {@code ff.spec.dir}.
 *
 * <p>Every accessor fails (with an {@link AssertionError}) when the folder, a file or its cases are
 * missing or empty, so that a runner can never pass vacuously.
 */
final class SpecFiles {
  /** The system property naming the conformance data folder. */
  static final String PROPERTY = "ff.spec.dir";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private SpecFiles() {}

  /**
   * One data file.
   *
   * @param name the file name, such as {@code operators-regex.json}
   * @param content the parsed file
   */
  record SpecFile(String name, JsonNode content) {

    /**
     * The non-empty array member {@code member} of the file, each element an object.
     *
     * @param member the member name, such as {@code cases}
     * @return its elements
     */
    List<JsonNode> array(String member) {
      JsonNode array = content.get(member);
      assertThat(array).as("%s: member \"%s\"", name, member).isNotNull();
      assertThat(array.isArray()).as("%s: \"%s\" is an array", name, member).isTrue();
      assertThat(array.size()).as("%s: \"%s\" is not empty", name, member).isPositive();
      List<JsonNode> out = new ArrayList<>();
      array.forEach(
          element -> {
            assertThat(element.isObject()).as("%s: every \"%s\" element", name, member).isTrue();
            out.add(element);
          });
      return out;
    }

    /**
     * The cases of the file, each with a non-empty {@code name} unique within the file.
     *
     * @return the cases in file order
     */
    List<JsonNode> cases() {
      List<JsonNode> cases = array("cases");
      Set<String> names = new HashSet<>();
      for (JsonNode c : cases) {
        String caseName = text(c, "name");
        assertThat(caseName).as("%s: case name", name).isNotBlank();
        assertThat(names.add(caseName))
            .as("%s: case name \"%s\" is unique", name, caseName)
            .isTrue();
      }
      return cases;
    }

    /**
     * The name of a dynamic test for one case: {@code file: case name}.
     *
     * @param c the case
     * @return the display name
     */
    String testName(JsonNode c) {
      return name + ": " + text(c, "name");
    }
  }

  /**
   * The conformance data folder.
   *
   * @return its path, which exists and is a directory
   */
  static Path root() {
    String dir = System.getProperty(PROPERTY);
    assertThat(dir).as("system property %s (the conformance data folder)", PROPERTY).isNotBlank();
    Path root = Path.of(dir);
    assertThat(root).as("conformance data folder").isDirectory();
    return root;
  }

  /**
   * Every {@code *.json} file of a sub-folder, sorted by name.
   *
   * @param folder the sub-folder, such as {@code eval}
   * @return at least one file
   */
  static List<SpecFile> load(String folder) {
    Path dir = root().resolve(folder);
    assertThat(dir).as("conformance data folder %s", folder).isDirectory();
    List<Path> paths;
    try (Stream<Path> list = Files.list(dir)) {
      paths =
          list.filter(p -> p.getFileName().toString().endsWith(".json"))
              .sorted(Comparator.comparing(p -> p.getFileName().toString()))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(paths).as("JSON files in %s", dir).isNotEmpty();
    return paths.stream().map(SpecFiles::read).toList();
  }

  /**
   * One named file of a sub-folder.
   *
   * @param folder the sub-folder
   * @param name the file name
   * @return the file, which must exist
   */
  static SpecFile load(String folder, String name) {
    Path path = root().resolve(folder).resolve(name);
    assertThat(path).as("conformance data file").isRegularFile();
    return read(path);
  }

  /**
   * The names of the files of a sub-folder.
   *
   * @param folder the sub-folder
   * @return the file names
   */
  static List<String> names(String folder) {
    return load(folder).stream().map(SpecFile::name).toList();
  }

  /**
   * Parses a JSON object literal (for the runners' own checks).
   *
   * @param json the text of a JSON object
   * @return the object
   */
  static ObjectNode jsonOf(String json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SpecFile read(Path path) {
    try {
      assertThat(Files.size(path)).as("size of %s", path).isPositive();
      JsonNode content = MAPPER.readTree(path.toFile());
      assertThat(content != null && content.isObject()).as("%s holds a JSON object", path).isTrue();
      return new SpecFile(path.getFileName().toString(), content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /**
   * A required string member.
   *
   * @param node an object
   * @param member the member name
   * @return its text
   */
  static String text(JsonNode node, String member) {
    JsonNode value = node.get(member);
    assertThat(value != null && value.isTextual())
        .as("string member \"%s\" of %s", member, node)
        .isTrue();
    return value.asText();
  }

  /**
   * A required member of any JSON type (possibly JSON null).
   *
   * @param node an object
   * @param member the member name
   * @return its value
   */
  static JsonNode member(JsonNode node, String member) {
    JsonNode value = node.get(member);
    assertThat(value).as("member \"%s\" of %s", member, node).isNotNull();
    return value;
  }
}
