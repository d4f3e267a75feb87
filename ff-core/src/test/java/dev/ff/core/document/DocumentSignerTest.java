package dev.ff.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** HMAC-SHA256 signatures over the canonical form: round trips, tampering, key rotation. */
class DocumentSignerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SigningKey K1 =
      new SigningKey("k1", "secret-1".getBytes(StandardCharsets.UTF_8));
  private static final SigningKey K2 =
      new SigningKey("k2", "k2-secret".getBytes(StandardCharsets.UTF_8));

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ObjectNode document() {
    return parse(
        "{\"env\": \"prod\", \"project\": \"shop\", \"version\": 42, \"salt\": \"ab12\","
            + " \"flags\": {\"f\": {\"key\": \"f\", \"enabled\": true}}, \"segments\": {}}");
  }

  @Test
  void sign_valueIsHmacSha256OfTheCanonicalFormWithoutSignature() {
    // Expected values computed independently (python3 hmac/hashlib/base64) over the canonical
    // text {"a":"x","b":1,"c":[true,null,1e+21]} and {"env":"prod","name":"€"}.
    ObjectNode doc =
        parse(
            "{\"c\": [true, null, 1E21], \"b\": 1.0, \"a\": \"x\", \"signature\": {\"alg\":"
                + " \"HMAC-SHA256\", \"kid\": \"old\", \"value\": \"AAAA\"}}");
    ObjectNode signed = DocumentSigner.sign(doc, K1);
    assertThat(signed.get("signature").get("alg").asText()).isEqualTo("HMAC-SHA256");
    assertThat(signed.get("signature").get("kid").asText()).isEqualTo("k1");
    assertThat(signed.get("signature").get("value").asText())
        .isEqualTo("jKc9xBXO3C7hZ0qFbzRMQBSsV9E6OLJy32IuLtgEzAA=");

    ObjectNode other = parse("{\"name\": \"\u20ac\", \"env\": \"prod\"}");
    assertThat(DocumentSigner.sign(other, K2).at("/signature/value").asText())
        .isEqualTo("wefW3m4y6ORnb608HrzlMjlPJE3Coo3I94eb2Ghy5wo=");
  }

  @Test
  void sign_leavesTheInputUnchanged() {
    ObjectNode doc = document();
    ObjectNode before = doc.deepCopy();
    DocumentSigner.sign(doc, K1);
    assertThat(doc).isEqualTo(before);
  }

  @Test
  void verify_acceptsWhatSignProduced() {
    VerificationResult r =
        DocumentSigner.verify(DocumentSigner.sign(document(), K1), KeyRing.of(K1));
    assertThat(r.valid()).isTrue();
    assertThat(r.reason()).contains("k1");
  }

  @Test
  void verify_acceptsAReorderedAndReformattedCopy() throws JsonProcessingException {
    ObjectNode signed = DocumentSigner.sign(document(), K1);
    JsonNode copy = JsonArbitraries.shuffled(signed, new Random(7));
    String pretty = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(copy);
    assertThat(DocumentSigner.verify(MAPPER.readTree(pretty), KeyRing.of(K1)).valid()).isTrue();
  }

  @Test
  void verify_refusesTamperedContent() {
    ObjectNode signed = DocumentSigner.sign(document(), K1);
    ((ObjectNode) signed.at("/flags/f")).put("enabled", false);
    VerificationResult r = DocumentSigner.verify(signed, KeyRing.of(K1));
    assertThat(r.valid()).isFalse();
    assertThat(r.reason()).contains("does not match");

    ObjectNode added = DocumentSigner.sign(document(), K1);
    added.put("extra", 1);
    assertThat(DocumentSigner.verify(added, KeyRing.of(K1)).valid()).isFalse();

    ObjectNode version = DocumentSigner.sign(document(), K1);
    version.put("version", 43);
    assertThat(DocumentSigner.verify(version, KeyRing.of(K1)).valid()).isFalse();
  }

  @Test
  void verify_refusesATamperedOrReencodedValue() {
    ObjectNode signed = DocumentSigner.sign(document(), K1);
    String value = signed.at("/signature/value").asText();
    ObjectNode sig = (ObjectNode) signed.get("signature");
    sig.put("value", (value.charAt(0) == 'A' ? "B" : "A") + value.substring(1));
    assertThat(DocumentSigner.verify(signed, KeyRing.of(K1)).valid()).isFalse();
    // The same bytes without base64 padding are not the canonical encoding.
    sig.put("value", value.replace("=", ""));
    assertThat(DocumentSigner.verify(signed, KeyRing.of(K1)).valid()).isFalse();
  }

  @Test
  void verify_refusesAnUnknownKeyIdOrAWrongKey() {
    ObjectNode signed = DocumentSigner.sign(document(), K1);
    VerificationResult unknown = DocumentSigner.verify(signed, KeyRing.of(K2));
    assertThat(unknown.valid()).isFalse();
    assertThat(unknown.reason()).contains("unknown key id 'k1'");
    SigningKey impostor = new SigningKey("k1", "other".getBytes(StandardCharsets.UTF_8));
    assertThat(DocumentSigner.verify(signed, KeyRing.of(impostor)).valid()).isFalse();
    assertThat(DocumentSigner.verify(signed, null).valid()).isFalse();
  }

  @Test
  void verify_refusesAnotherAlgorithm() {
    ObjectNode signed = DocumentSigner.sign(document(), K1);
    ((ObjectNode) signed.get("signature")).put("alg", "HMAC-SHA512");
    VerificationResult r = DocumentSigner.verify(signed, KeyRing.of(K1));
    assertThat(r.valid()).isFalse();
    assertThat(r.reason()).contains("algorithm");
  }

  @Test
  void verify_refusesMissingOrMalformedSignatures() {
    KeyRing ring = KeyRing.of(K1);
    assertThat(DocumentSigner.verify(document(), ring).reason()).contains("no signature");
    ObjectNode doc = document();
    doc.put("signature", "abc");
    assertThat(DocumentSigner.verify(doc, ring).valid()).isFalse();
    doc.putObject("signature").put("alg", "HMAC-SHA256").put("value", "AAAA");
    assertThat(DocumentSigner.verify(doc, ring).valid()).isFalse();
    doc.putObject("signature").put("alg", "HMAC-SHA256").put("kid", "k1");
    assertThat(DocumentSigner.verify(doc, ring).valid()).isFalse();
    assertThat(DocumentSigner.verify(MAPPER.createArrayNode(), ring).valid()).isFalse();
    assertThat(DocumentSigner.verify(null, ring).valid()).isFalse();
  }

  @Test
  void verify_refusesADocumentThatCannotBeCanonicalized() {
    ObjectNode signed = DocumentSigner.sign(document(), K1);
    signed.put("note", "\ud800");
    VerificationResult r = DocumentSigner.verify(signed, KeyRing.of(K1));
    assertThat(r.valid()).isFalse();
    assertThat(r.reason()).contains("canonicalized");
  }

  @Test
  void verify_acceptsEitherKeyDuringRotation() {
    KeyRing both = KeyRing.of(K1, K2);
    ObjectNode old = DocumentSigner.sign(document(), K1);
    ObjectNode rotated = DocumentSigner.sign(document(), K2);
    assertThat(DocumentSigner.verify(old, both).valid()).isTrue();
    assertThat(DocumentSigner.verify(rotated, both).valid()).isTrue();
    assertThat(rotated.at("/signature/value")).isNotEqualTo(old.at("/signature/value"));
    // After the old key is retired, documents signed with it are refused.
    assertThat(DocumentSigner.verify(old, KeyRing.of(K2)).valid()).isFalse();
  }

  @Test
  void sign_replacesAnExistingSignature() {
    ObjectNode twice = DocumentSigner.sign(DocumentSigner.sign(document(), K1), K2);
    assertThat(twice.at("/signature/kid").asText()).isEqualTo("k2");
    assertThat(DocumentSigner.verify(twice, KeyRing.of(K2)).valid()).isTrue();
    assertThat(DocumentSigner.verify(twice, KeyRing.of(K1)).valid()).isFalse();
  }

  @Provide
  Arbitrary<ObjectNode> objects() {
    return JsonArbitraries.objects(3);
  }

  @Property(tries = 100)
  void verify_acceptsEverySignedObjectAndRefusesItWithAnyMemberChanged(
      @ForAll("objects") ObjectNode doc) {
    ObjectNode signed = DocumentSigner.sign(doc, K1);
    assertThat(DocumentSigner.verify(signed, KeyRing.of(K1)).valid()).isTrue();
    ObjectNode changed = signed.deepCopy();
    changed.put("added-member", 1);
    assertThat(DocumentSigner.verify(changed, KeyRing.of(K1)).valid()).isFalse();
  }
}
