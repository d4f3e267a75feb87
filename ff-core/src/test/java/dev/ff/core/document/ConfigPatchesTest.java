package dev.ff.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Applying streamed patches: base version check, upserts, deletes, signature hand-over. */
class ConfigPatchesTest {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();
  private static final SigningKey KEY =
      new SigningKey("k1", "patch-secret".getBytes(StandardCharsets.UTF_8));

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ObjectNode base() {
    return DocumentSigner.sign(
        json(
            "{'env': 'prod', 'project': 'shop', 'version': 42, 'salt': 'ab',"
                + " 'flags': {'a': {'key': 'a', 'enabled': true}, 'b': {'key': 'b'}},"
                + " 'segments': {'s': {'key': 's'}, 't': {'key': 't'}}}"),
        KEY);
  }

  @Test
  void apply_upsertsAndDeletesFlagsAndSegments() throws PatchException {
    ObjectNode result =
        ConfigPatches.apply(
            base(),
            json(
                "{'baseVersion': 42, 'version': 43,"
                    + " 'upsert': {'flags': {'a': {'key': 'a', 'enabled': false},"
                    + "                      'c': {'key': 'c'}},"
                    + "            'segments': {'u': {'key': 'u'}}},"
                    + " 'delete': {'flags': ['b'], 'segments': ['t']},"
                    + " 'signature': {'alg': 'HMAC-SHA256', 'kid': 'k1', 'value': 'AAAA'}}"));
    assertThat(result.get("flags"))
        .isEqualTo(json("{'a': {'key': 'a', 'enabled': false}, 'c': {'key': 'c'}}"));
    assertThat(result.get("segments")).isEqualTo(json("{'s': {'key': 's'}, 'u': {'key': 'u'}}"));
    assertThat(result.get("version").asLong()).isEqualTo(43);
    assertThat(result.at("/signature/value").asText()).isEqualTo("AAAA");
    assertThat(result.get("env").asText()).isEqualTo("prod");
  }

  @Test
  void apply_leavesTheInputsUnchanged() throws PatchException {
    ObjectNode doc = base();
    ObjectNode before = doc.deepCopy();
    ObjectNode patch =
        json("{'baseVersion': 42, 'version': 43, 'upsert': {'flags': {'a': {'key': 'a'}}}}");
    ObjectNode patchBefore = patch.deepCopy();
    ObjectNode result = ConfigPatches.apply(doc, patch);
    ((ObjectNode) result.at("/flags/a")).put("touched", true);
    assertThat(doc).isEqualTo(before);
    assertThat(patch).isEqualTo(patchBefore);
  }

  @Test
  void apply_resultVerifiesWhenItMatchesThePublishedDocument() throws PatchException {
    ObjectNode published = base().deepCopy();
    published.remove("signature");
    ((ObjectNode) published.get("flags")).set("c", json("{'key': 'c'}"));
    ((ObjectNode) published.get("segments")).remove("s");
    published.put("version", 43);
    ObjectNode next = DocumentSigner.sign(published, KEY);
    ObjectNode patch = json("{'baseVersion': 42, 'version': 43}");
    patch.putObject("upsert").putObject("flags").set("c", json("{'key': 'c'}"));
    patch.putObject("delete").putArray("segments").add("s");
    patch.set("signature", next.get("signature"));

    ObjectNode result = ConfigPatches.apply(base(), patch);
    assertThat(DocumentSigner.verify(result, KeyRing.of(KEY)).valid()).isTrue();
    assertThat(Canonicalizer.canonicalize(result)).isEqualTo(Canonicalizer.canonicalize(next));
  }

  @Test
  void apply_patchThatDivergesFromThePublishedDocumentFailsVerification() throws PatchException {
    ObjectNode published = base().deepCopy();
    published.remove("signature");
    published.put("version", 43);
    ObjectNode next = DocumentSigner.sign(published, KEY);
    ObjectNode patch =
        json(
            "{'baseVersion': 42, 'version': 43,"
                + " 'upsert': {'flags': {'a': {'key': 'a', 'enabled': false}}}}");
    patch.set("signature", next.get("signature"));
    ObjectNode result = ConfigPatches.apply(base(), patch);
    assertThat(DocumentSigner.verify(result, KeyRing.of(KEY)).valid()).isFalse();
  }

  @Test
  void apply_refusesAnotherBaseVersion() {
    assertThatThrownBy(
            () -> ConfigPatches.apply(base(), json("{'baseVersion': 41, 'version': 43}")))
        .isInstanceOf(PatchException.class)
        .satisfies(
            e ->
                assertThat(((PatchException) e).reason())
                    .isEqualTo("patch baseVersion 41 does not match document version 42"));
  }

  @Test
  void apply_refusesMalformedPatches() {
    String[] bad = {
      "[]",
      "{'version': 43}",
      "{'baseVersion': 42}",
      "{'baseVersion': 42, 'version': 42}",
      "{'baseVersion': 42.5, 'version': 43}",
      "{'baseVersion': '42', 'version': 43}",
      "{'baseVersion': 42, 'version': 43, 'upsert': []}",
      "{'baseVersion': 42, 'version': 43, 'upsert': {'flags': []}}",
      "{'baseVersion': 42, 'version': 43, 'delete': {'flags': 'b'}}",
      "{'baseVersion': 42, 'version': 43, 'delete': {'segments': [1]}}",
      "{'baseVersion': 42, 'version': 43, 'upsert': {'flags': {'b': {}}}, 'delete': {'flags':"
          + " ['b']}}"
    };
    for (String patch : bad) {
      JsonNode p;
      try {
        p = MAPPER.readTree(patch);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
      assertThatThrownBy(() -> ConfigPatches.apply(base(), p))
          .as(patch)
          .isInstanceOf(PatchException.class);
    }
    assertThatThrownBy(() -> ConfigPatches.apply(base(), null)).isInstanceOf(PatchException.class);
    assertThatThrownBy(() -> ConfigPatches.apply(null, json("{}")))
        .isInstanceOf(PatchException.class);
  }

  @Test
  void apply_refusesADocumentWithoutVersionOrFlagsObject() {
    ObjectNode noVersion = base();
    noVersion.remove("version");
    assertThatThrownBy(
            () -> ConfigPatches.apply(noVersion, json("{'baseVersion': 1, 'version': 2}")))
        .isInstanceOf(PatchException.class);
    ObjectNode badFlags = base();
    badFlags.put("flags", "none");
    assertThatThrownBy(
            () ->
                ConfigPatches.apply(
                    badFlags,
                    json("{'baseVersion': 42, 'version': 43, 'delete': {'flags': ['a']}}")))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("flags");
  }

  @Test
  void apply_deletingAnAbsentKeyIsANoOp() throws PatchException {
    ObjectNode result =
        ConfigPatches.apply(
            base(), json("{'baseVersion': 42, 'version': 43, 'delete': {'flags': ['zz']}}"));
    assertThat(result.get("flags")).isEqualTo(base().get("flags"));
  }

  @Test
  void apply_withoutSignatureRemovesTheStaleOne() throws PatchException {
    ObjectNode result = ConfigPatches.apply(base(), json("{'baseVersion': 42, 'version': 44}"));
    assertThat(result.has("signature")).isFalse();
    assertThat(result.get("version").asLong()).isEqualTo(44);
  }

  @Test
  void apply_acceptsVersionsWrittenWithAZeroFraction() throws PatchException {
    ObjectNode result = ConfigPatches.apply(base(), json("{'baseVersion': 42.0, 'version': 43}"));
    assertThat(result.get("version").asLong()).isEqualTo(43);
  }
}
