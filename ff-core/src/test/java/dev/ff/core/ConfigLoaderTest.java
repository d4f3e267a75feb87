package dev.ff.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.document.DocumentSigner;
import dev.ff.core.document.KeyRing;
import dev.ff.core.document.SigningKey;
import dev.ff.core.eval.Reason;
import dev.ff.core.validate.Diagnostic;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SigningKey OLD = new SigningKey("k1", bytes("old-secret"));
  private static final SigningKey NEW = new SigningKey("k2", bytes("new-secret"));

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode document() throws Exception {
    return (ObjectNode)
        MAPPER.readTree(
            """
            {"env": "prod", "project": "shop", "version": 3, "salt": "ab12",
             "segments": {},
             "flags": {"f": {"key": "f", "type": "boolean", "enabled": true,
               "variations": [{"key": "off", "value": false}, {"key": "on", "value": true}],
               "offVariation": "off", "defaultVariation": "off",
               "rules": [{"id": "nl", "if": {"attr": "country", "op": "eq", "value": "NL"},
                          "then": {"variation": "on"}}]}}}
            """);
  }

  private static JsonNode context(String country) {
    return MAPPER.createObjectNode().put("key", "u1").put("country", country);
  }

  @Test
  void load_validUnsignedDocumentWithoutKeys() throws Exception {
    ConfigLoader.Result result = ConfigLoader.load(document());
    assertThat(result).isInstanceOf(ConfigLoader.Loaded.class);
    var config = ((ConfigLoader.Loaded) result).config();
    assertThat(config.version()).isEqualTo(3);
    assertThat(config.evaluate("f", context("NL"), null).reason())
        .isEqualTo(Reason.TARGETING_MATCH);
    assertThat(config.evaluate("f", context("BE"), null).reason()).isEqualTo(Reason.DEFAULT);
  }

  @Test
  void load_invalidDocumentReturnsEveryDiagnostic() throws Exception {
    ObjectNode doc = document();
    doc.put("version", 0);
    ((ObjectNode) doc.at("/flags/f")).put("offVariation", "nope");
    ConfigLoader.Result result = ConfigLoader.load(doc);
    assertThat(result).isInstanceOf(ConfigLoader.Invalid.class);
    assertThat(((ConfigLoader.Invalid) result).diagnostics())
        .extracting(Diagnostic::path)
        .containsExactlyInAnyOrder("/version", "/flags/f/offVariation");
  }

  @Test
  void load_signedDocumentVerifiesWithAnyKeyOfTheRing() throws Exception {
    ObjectNode signed = DocumentSigner.sign(document(), NEW);
    assertThat(ConfigLoader.load(signed, KeyRing.of(OLD, NEW)))
        .isInstanceOf(ConfigLoader.Loaded.class);
  }

  @Test
  void load_tamperedOrUnsignedDocumentIsRefusedWhenKeysAreGiven() throws Exception {
    ObjectNode tampered = DocumentSigner.sign(document(), OLD);
    ((ObjectNode) tampered.at("/flags/f")).put("enabled", false);
    assertThat(ConfigLoader.load(tampered, KeyRing.of(OLD)))
        .isInstanceOf(ConfigLoader.Unverified.class);
    assertThat(ConfigLoader.load(document(), KeyRing.of(OLD)))
        .isInstanceOf(ConfigLoader.Unverified.class);
    assertThat(ConfigLoader.load(DocumentSigner.sign(document(), OLD), KeyRing.of(NEW)))
        .isInstanceOf(ConfigLoader.Unverified.class);
  }

  @Test
  void load_nonObjectInputIsInvalidNotAnException() {
    assertThat(ConfigLoader.load(MAPPER.getNodeFactory().textNode("x")))
        .isInstanceOf(ConfigLoader.Invalid.class);
    assertThat(ConfigLoader.load(MAPPER.missingNode())).isInstanceOf(ConfigLoader.Invalid.class);
  }
}
