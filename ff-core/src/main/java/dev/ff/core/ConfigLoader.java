package dev.ff.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.core.document.DocumentSigner;
import dev.ff.core.document.KeyRing;
import dev.ff.core.document.VerificationResult;
import dev.ff.core.eval.CompiledConfig;
import dev.ff.core.eval.Compiler;
import dev.ff.core.json.ModelReader;
import dev.ff.core.validate.ConfigValidator;
import dev.ff.core.validate.Diagnostic;
import java.util.List;

/**
 * Turns a config document (SPEC §7) into an evaluable plan: verify the signature (when keys are
 * given), validate, read and compile. Every consumer of documents (the CLI, SDKs, edges) goes
 * through here, so a document is accepted or refused by the same rules everywhere.
 */
public final class ConfigLoader {

  /** The outcome of loading one document. */
  public sealed interface Result permits Loaded, Invalid, Unverified {}

  /**
   * The document was accepted.
   *
   * @param config the compiled plan, ready to evaluate
   */
  public record Loaded(CompiledConfig config) implements Result {}

  /**
   * The document breaks the contract.
   *
   * @param diagnostics every problem found, each with its JSON Pointer
   */
  public record Invalid(List<Diagnostic> diagnostics) implements Result {
    /** Defensive copy. */
    public Invalid {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * Keys were given and the document's signature does not verify against them.
   *
   * @param reason why verification failed
   */
  public record Unverified(String reason) implements Result {}

  private ConfigLoader() {}

  /**
   * Loads a document without checking its signature (trusted local files, tests).
   *
   * @param document the JSON document
   * @return the outcome; never throws
   */
  public static Result load(JsonNode document) {
    return load(document, null);
  }

  /**
   * Loads a document, first verifying its signature when {@code keys} is not null.
   *
   * @param document the JSON document
   * @param keys the keys a signature must verify against, or null to accept unsigned documents
   * @return the outcome; never throws
   */
  public static Result load(JsonNode document, KeyRing keys) {
    if (keys != null) {
      VerificationResult verification = DocumentSigner.verify(document, keys);
      if (!verification.valid()) {
        return new Unverified(verification.reason());
      }
    }
    List<Diagnostic> diagnostics = ConfigValidator.validateDocument(document);
    if (!diagnostics.isEmpty()) {
      return new Invalid(diagnostics);
    }
    try {
      return new Loaded(Compiler.compile(ModelReader.readDocument(document)));
    } catch (IllegalArgumentException e) {
      // The validator accepted something the compiler refuses: report it rather than throw.
      return new Invalid(List.of(new Diagnostic("", e.getMessage())));
    }
  }
}
