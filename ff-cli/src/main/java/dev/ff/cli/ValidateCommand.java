package dev.ff.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.validate.ConfigValidator;
import dev.ff.core.validate.Diagnostic;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ff validate FILE}: checks a config document or a single flag against the contract.
 *
 * <p>Prints {@code {"errors": [{"path", "message"}, ...]}} on stdout (an empty list when valid) and
 * exits 0 when valid, 1 when invalid, 2 when the file cannot be read.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a config document (or a single flag).",
      "Prints {\"errors\":[{\"path\",\"message\"}]} and exits 0 when valid, 1 when not."
    })
final class ValidateCommand implements Callable<Integer> {
  /** What the file holds. */
  enum Kind {
    auto,
    document,
    flag
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "JSON file, or - for standard input")
  String file;

  @Option(
      names = "--kind",
      description =
          "document, flag or auto (default: ${DEFAULT-VALUE}; a flag has no 'flags' member)",
      defaultValue = "auto")
  Kind kind;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String text = Inputs.readText(file);
    List<Diagnostic> diagnostics;
    try {
      JsonNode input = JsonLines.MAPPER.readTree(text);
      diagnostics = isFlag(input) ? ConfigValidator.validateFlag(input) : validateDocument(input);
    } catch (JsonProcessingException e) {
      diagnostics =
          List.of(
              new Diagnostic(
                  "",
                  "malformed JSON at line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ": "
                      + e.getOriginalMessage()));
    }
    out.println(JsonLines.MAPPER.writeValueAsString(errorsObject(diagnostics)));
    out.flush();
    return diagnostics.isEmpty() ? 0 : 1;
  }

  private static List<Diagnostic> validateDocument(JsonNode input) {
    return ConfigValidator.validateDocument(input == null ? JsonLines.MAPPER.missingNode() : input);
  }

  private boolean isFlag(JsonNode input) {
    return switch (kind) {
      case flag -> true;
      case document -> false;
      case auto -> input != null && input.isObject() && !input.has("flags") && input.has("type");
    };
  }

  /**
   * The {@code {"errors": [...]}} object for a list of diagnostics.
   *
   * @param diagnostics the problems found
   * @return the JSON object printed by validate and by eval on an invalid config
   */
  static ObjectNode errorsObject(List<Diagnostic> diagnostics) {
    ObjectNode root = JsonLines.MAPPER.createObjectNode();
    ArrayNode errors = root.putArray("errors");
    for (Diagnostic d : diagnostics) {
      errors.addObject().put("path", d.path()).put("message", d.message());
    }
    return root;
  }
}
