package dev.ff.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.core.ConfigLoader;
import dev.ff.core.document.KeyRing;
import dev.ff.core.document.SigningKey;
import dev.ff.core.eval.CompiledConfig;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ff eval --config FILE}: evaluates flags for JSON-lines requests {@code {"flag", "context",
 * "default"}} read on stdin, writing one evaluation result (SPEC §6) per line.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate flags of a config document for JSON-lines requests on standard input:",
      "  {\"flag\": \"key\", \"context\": {...}, \"default\": <value>}",
      "Writes one evaluation result per line. A faulty line yields {\"error\": ...} and the run goes on."
    })
final class EvalCommand implements Callable<Integer> {
  /** Exit code when the config document is invalid or its signature does not verify. */
  static final int EXIT_BAD_CONFIG = 1;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "config document (JSON)")
  String configFile;

  @Option(
      names = "--verify-key",
      paramLabel = "KID=SECRET",
      description = {
        "refuse the document unless its HMAC-SHA256 signature verifies with one of these keys",
        "(repeatable, for key rotation; SECRET is taken as UTF-8 text)"
      })
  List<String> verifyKeys = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    KeyRing keys = verifyKeys.isEmpty() ? null : keyRing(verifyKeys);
    JsonNode document;
    try {
      document = JsonLines.MAPPER.readTree(Inputs.readText(configFile));
    } catch (JsonProcessingException e) {
      throw new Inputs.UserInputException(
          "'" + configFile + "' is not valid JSON: " + e.getOriginalMessage());
    }
    ConfigLoader.Result loaded = ConfigLoader.load(document, keys);
    if (loaded instanceof ConfigLoader.Unverified unverified) {
      err.println("ff eval: '" + configFile + "' refused: " + unverified.reason());
      return EXIT_BAD_CONFIG;
    }
    if (loaded instanceof ConfigLoader.Invalid invalid) {
      err.println("ff eval: '" + configFile + "' is not a valid config document:");
      err.println(
          JsonLines.MAPPER.writeValueAsString(ValidateCommand.errorsObject(invalid.diagnostics())));
      return EXIT_BAD_CONFIG;
    }
    CompiledConfig config = ((ConfigLoader.Loaded) loaded).config();
    JsonLines.run(
        Inputs.stdinLines(), spec.commandLine().getOut(), request -> answer(config, request));
    return 0;
  }

  private static JsonNode answer(CompiledConfig config, JsonNode request) {
    if (!request.isObject()) {
      throw new IllegalArgumentException("request must be a JSON object {\"flag\", \"context\"}");
    }
    JsonNode flag = request.get("flag");
    if (flag == null || !flag.isTextual()) {
      throw new IllegalArgumentException("'flag' must be a string naming the flag to evaluate");
    }
    JsonNode context = request.has("context") ? request.get("context") : null;
    return config.evaluate(flag.textValue(), context, request.get("default")).toJson();
  }

  private static KeyRing keyRing(List<String> specs) {
    List<SigningKey> keys = new ArrayList<>();
    for (String keySpec : specs) {
      int eq = keySpec.indexOf('=');
      if (eq <= 0 || eq == keySpec.length() - 1) {
        throw new Inputs.UserInputException(
            "--verify-key must be KID=SECRET with both parts non-empty, got '" + keySpec + "'");
      }
      keys.add(
          new SigningKey(
              keySpec.substring(0, eq),
              keySpec.substring(eq + 1).getBytes(StandardCharsets.UTF_8)));
    }
    return KeyRing.of(keys.toArray(SigningKey[]::new));
  }
}
