package dev.ff.jmh.peers.ff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.eval.CompiledConfig;
import dev.ff.core.eval.Compiler;
import dev.ff.core.eval.EvaluationResult;
import dev.ff.core.eval.Reason;
import dev.ff.core.json.ModelReader;
import dev.ff.core.validate.ConfigValidator;
import dev.ff.core.validate.Diagnostic;
import dev.ff.jmh.harness.FlagFiles;
import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.harness.Population;
import dev.ff.jmh.harness.Scenarios;
import dev.ff.jmh.harness.SdkVersions;
import dev.ff.jmh.harness.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * ff's own evaluator. The flags come from {@code flags/ff.json}, an unsigned config document: it
 * must pass {@link ConfigValidator#validateDocument} without a single diagnostic, and is then read
 * and compiled once. Contexts are Jackson {@link ObjectNode}s with the nine attributes (numbers as
 * numbers, {@code beta} as a boolean). The measured calls are {@link
 * CompiledConfig#evaluateBoolean} and {@link CompiledConfig#evaluateString}, reading the value from
 * the result as an application would. There is no network and no background thread to begin with.
 */
public final class FfPeer implements Peer<ObjectNode> {

  /** The bundled config document. */
  public static final String RESOURCE = "flags/ff.json";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final CompiledConfig config;

  /**
   * Validates and compiles the bundled document.
   *
   * @throws IllegalStateException when the document has diagnostics or does not evaluate
   */
  public FfPeer() {
    JsonNode tree = readDocument();
    List<Diagnostic> problems = ConfigValidator.validateDocument(tree);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(RESOURCE + " is not a valid config document: " + problems);
    }
    config = Compiler.compile(ModelReader.readDocument(tree));
    // Fail at once, with the reason, rather than through the sanity check's numbers.
    User probe = Population.s2WorstCaseUser();
    for (EvaluationResult r :
        List.of(
            config.evaluateBoolean(Scenarios.S1_KEY, context(probe), false),
            config.evaluateString(Scenarios.S2_KEY, context(probe), "control"))) {
      if (r.reason() == Reason.ERROR) {
        throw new IllegalStateException("ff cannot evaluate " + r.flag() + ": " + r.errorCode());
      }
    }
  }

  /**
   * Reads the bundled document as a JSON tree.
   *
   * @return the document
   */
  public static JsonNode readDocument() {
    try (InputStream in = FlagFiles.open(RESOURCE)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return "ff";
  }

  @Override
  public String description() {
    return "dev.ff:ff-core:"
        + SdkVersions.get("ff")
        + " (Compiler.compile of the validated document "
        + RESOURCE
        + ", ObjectNode contexts, evaluateBoolean/evaluateString)";
  }

  @Override
  public ObjectNode context(User u) {
    ObjectNode ctx = NODES.objectNode();
    ctx.put("key", u.key());
    ctx.put("country", u.country());
    ctx.put("email", u.email());
    ctx.put("plan", u.plan());
    ctx.put("userAgent", u.userAgent());
    ctx.put("age", u.age());
    ctx.put("appVersion", u.appVersion());
    ctx.put("beta", u.beta());
    ctx.put("logins", u.logins());
    return ctx;
  }

  @Override
  public boolean s1(ObjectNode ctx) {
    return config.evaluateBoolean(Scenarios.S1_KEY, ctx, false).value().booleanValue();
  }

  @Override
  public String s2(ObjectNode ctx) {
    return config.evaluateString(Scenarios.S2_KEY, ctx, "control").value().textValue();
  }

  @Override
  public void close() {
    // Nothing to stop: the compiled config is an immutable value.
  }
}
