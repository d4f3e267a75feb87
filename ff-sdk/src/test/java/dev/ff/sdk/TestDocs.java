package dev.ff.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.document.DocumentSigner;
import dev.ff.core.document.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Config documents and SSE frames for the tests. */
final class TestDocs {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String SECRET = "sdk-test-secret";
  static final SigningKey KEY = new SigningKey("k1", SECRET.getBytes(StandardCharsets.UTF_8));
  static final SigningKey WRONG =
      new SigningKey("k1", "not-the-secret".getBytes(StandardCharsets.UTF_8));
  static final String SALT = "9f2c4e1ab37d";

  private TestDocs() {}

  static ObjectNode json(String singleQuoted) {
    try {
      return (ObjectNode) MAPPER.readTree(singleQuoted.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An unsigned document: flag {@code banner} (boolean, on when {@code enabled}) and flag {@code
   * checkout} (50/50 rollout in experiment {@code checkout-test}).
   */
  static ObjectNode doc(long version, boolean bannerOn) {
    return json(
        "{'env':'test','project':'shop','version':"
            + version
            + ",'salt':'"
            + SALT
            + "','segments':{},'flags':{"
            + "'banner':{'key':'banner','type':'boolean','enabled':"
            + bannerOn
            + ",'variations':[{'key':'off','value':false},{'key':'on','value':true}],"
            + "'offVariation':'off','defaultVariation':'on','rules':[]},"
            + "'checkout':{'key':'checkout','type':'multivariate','enabled':true,"
            + "'variations':[{'key':'control','value':'old'},{'key':'treatment','value':'new'}],"
            + "'offVariation':'control','defaultVariation':'control','rules':[{'id':'split',"
            + "'if':{'all':[]},'then':{'rollout':{'variations':[{'variation':'control','weight':5000},"
            + "{'variation':'treatment','weight':5000}],'experiment':'checkout-test'}}}]}}}");
  }

  static ObjectNode signed(long version, boolean bannerOn) {
    return DocumentSigner.sign(doc(version, bannerOn), KEY);
  }

  static ObjectNode signedWrong(long version, boolean bannerOn) {
    return DocumentSigner.sign(doc(version, bannerOn), WRONG);
  }

  /** A patch from {@code base} to {@code base + 1} turning the banner on or off, signed. */
  static ObjectNode patch(long base, boolean bannerOn, SigningKey key) {
    ObjectNode after = DocumentSigner.sign(doc(base + 1, bannerOn), key);
    ObjectNode p = MAPPER.createObjectNode();
    p.put("baseVersion", base);
    p.put("version", base + 1);
    p.set(
        "upsert",
        MAPPER
            .createObjectNode()
            .set("flags", MAPPER.createObjectNode().set("banner", after.at("/flags/banner"))));
    p.set("signature", after.get("signature"));
    return p;
  }

  static String event(String type, long id, JsonNode data) {
    try {
      return "event: "
          + type
          + "\nid: "
          + id
          + "\ndata: "
          + MAPPER.writeValueAsString(data)
          + "\n\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
