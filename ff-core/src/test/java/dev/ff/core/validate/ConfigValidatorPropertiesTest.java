package dev.ff.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.document.Canonicalizer;
import dev.ff.core.document.JsonArbitraries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;

/** Robustness and invariance of the validator over generated and mutated documents. */
class ConfigValidatorPropertiesTest {

  /** Every diagnostic points at a value of the input or at a missing member of one. */
  private static void assertWellFormed(JsonNode input, List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      assertThat(d.message()).doesNotStartWith("internal error");
      assertThat(d.message()).isNotBlank();
      if (d.path().isEmpty()) {
        continue;
      }
      assertThat(d.path()).startsWith("/");
      String parent = d.path().substring(0, d.path().lastIndexOf('/'));
      assertThat(input.at(JsonPointer.compile(parent)).isMissingNode())
          .as("parent of %s exists", d.path())
          .isFalse();
    }
  }

  @Provide
  Arbitrary<JsonNode> anyJson() {
    return JsonArbitraries.values(5);
  }

  @Property(tries = 150)
  void validate_neverThrowsOnArbitraryJson(@ForAll("anyJson") JsonNode input) {
    assertWellFormed(input, ConfigValidator.validateDocument(input));
    assertWellFormed(input, ConfigValidator.validateFlag(input));
  }

  @Provide
  Arbitrary<List<Tuple3<Integer, Integer, JsonNode>>> mutations() {
    Arbitrary<JsonNode> replacements =
        Arbitraries.oneOf(
            JsonArbitraries.values(2),
            Arbitraries.of(
                    "''", "'Bad Key'", "-1", "10001", "{}", "[]", "null", "'x'", "1.5", "true")
                .map(Docs::json));
    return Combinators.combine(
            Arbitraries.integers().greaterOrEqual(0),
            Arbitraries.integers().between(0, 2),
            replacements)
        .as(Tuple::of)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  @Property(tries = 200)
  void validate_neverThrowsOnMutatedValidDocuments(
      @ForAll long seed, @ForAll("mutations") List<Tuple3<Integer, Integer, JsonNode>> edits) {
    ObjectNode doc = ValidDocuments.generate(seed);
    for (Tuple3<Integer, Integer, JsonNode> edit : edits) {
      List<String> pointers = new ArrayList<>();
      collectPointers(doc, "", pointers);
      String target = pointers.get(edit.get1() % pointers.size());
      switch (edit.get2()) {
        case 0 -> Docs.remove(doc, target);
        case 1 -> Docs.set(doc, target, edit.get3());
        default -> {
          JsonNode parent = doc.at(target.substring(0, target.lastIndexOf('/')));
          if (parent instanceof ObjectNode o) {
            o.set("extra-" + edit.get1() % 3, edit.get3());
          } else {
            Docs.set(doc, target, edit.get3());
          }
        }
      }
    }
    assertWellFormed(doc, ConfigValidator.validateDocument(doc));
    JsonNode firstFlag =
        doc.path("flags").elements().hasNext() ? doc.path("flags").elements().next() : doc;
    assertWellFormed(firstFlag, ConfigValidator.validateFlag(firstFlag));
  }

  @Property(tries = 150)
  void validateDocument_acceptsGeneratedValidDocuments(@ForAll long seed) {
    ObjectNode doc = ValidDocuments.generate(seed);
    assertThat(ConfigValidator.validateDocument(doc)).as(doc.toString()).isEmpty();
    doc.get("flags")
        .elements()
        .forEachRemaining(f -> assertThat(ConfigValidator.validateFlag(f)).isEmpty());
  }

  @Property(tries = 150)
  void validateDocument_validStaysValidThroughCanonicalizeAndParse(@ForAll long seed) {
    ObjectNode doc = ValidDocuments.generate(seed);
    JsonNode reparsed = Docs.json(Canonicalizer.canonicalize(doc));
    assertThat(ConfigValidator.validateDocument(reparsed)).isEmpty();
    JsonNode shuffled = JsonArbitraries.shuffled(doc, new Random(seed));
    assertThat(ConfigValidator.validateDocument(shuffled)).isEmpty();
  }

  @Property(tries = 150)
  void validateDocument_reportsAnUnknownMemberAddedToAnyObject(
      @ForAll long seed, @ForAll int which) {
    ObjectNode doc = ValidDocuments.generate(seed);
    List<String> objects = new ArrayList<>();
    collectPointers(doc, "", objects);
    objects.add("");
    // Objects of the contract only: a json flag's values are free-form.
    objects.removeIf(
        p -> !doc.at(JsonPointer.compile(p)).isObject() || p.matches(".*/variations/\\d+/value.*"));
    String target = objects.get(Math.floorMod(which, objects.size()));
    ((ObjectNode) doc.at(JsonPointer.compile(target))).put("zz-unknown", 1);
    assertThat(Docs.paths(ConfigValidator.validateDocument(doc)))
        .isEqualTo(Set.of(target + "/zz-unknown"));
  }

  private static void collectPointers(JsonNode node, String pointer, List<String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : Json.members(node)) {
        String p = Pointers.member(pointer, e.getKey());
        out.add(p);
        collectPointers(e.getValue(), p, out);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        String p = Pointers.element(pointer, i);
        out.add(p);
        collectPointers(a.get(i), p, out);
      }
    }
  }
}
