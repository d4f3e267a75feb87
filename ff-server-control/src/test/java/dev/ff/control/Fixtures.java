package dev.ff.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.publish.SigningKeys;
import dev.ff.control.store.Json;
import dev.ff.core.document.SigningKey;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** JSON bodies and actors shared by the tests. */
public final class Fixtures {
  /** The actor of most tests. */
  public static final Actor ALICE = new Actor("user:alice", Actor.Kind.USER, "alice@example.com");

  /** The signing keys of the tests. */
  public static final SigningKeys KEYS =
      new SigningKeys(new SigningKey("k1", "test-secret-1".getBytes(StandardCharsets.UTF_8)));

  /** The token pepper of the tests. */
  public static final byte[] PEPPER =
      "pepper-for-tests-0123456789".getBytes(StandardCharsets.UTF_8);

  private Fixtures() {}

  /**
   * Parses JSON written with single quotes.
   *
   * @param json JSON with {@code '} for {@code "}
   * @return the tree
   */
  public static ObjectNode json(String json) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(json.replace('\'', '"'));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A valid boolean flag.
   *
   * @param key the flag key
   * @return the flag JSON
   */
  public static ObjectNode booleanFlag(String key) {
    return json(
        "{'key':'"
            + key
            + "','type':'boolean','enabled':true,'variations':[{'key':'off','value':false},"
            + "{'key':'on','value':true}],'offVariation':'off','defaultVariation':'off','rules':[]}");
  }

  /**
   * A boolean flag on for one segment.
   *
   * @param key the flag key
   * @param segment the segment key
   * @return the flag JSON
   */
  public static ObjectNode segmentFlag(String key, String segment) {
    ObjectNode flag = booleanFlag(key);
    flag.set(
        "rules",
        json("{'r':[{'id':'seg','if':{'segment':'" + segment + "'},'then':{'variation':'on'}}]}")
            .get("r"));
    return flag;
  }

  /**
   * A segment including some keys.
   *
   * @param key the segment key
   * @param included the included unit keys
   * @return the segment JSON
   */
  public static ObjectNode segment(String key, String... included) {
    ObjectNode segment = json("{'key':'" + key + "'}");
    var array = segment.putArray("included");
    for (String unit : included) {
      array.add(unit);
    }
    return segment;
  }

  /**
   * Creates org {@code acme}, project {@code shop} and environments {@code dev} and {@code prod}
   * through the services.
   *
   * @param services the services
   * @param org the organisation key
   * @return the {@code prod} environment
   */
  public static EnvRef tenant(ControlPlane services, String org) {
    services.orgs().create(ALICE, json("{'key':'" + org + "','name':'Acme'}"));
    services.projects().create(ALICE, org, json("{'key':'shop','name':'Shop'}"));
    EnvRef prod = new EnvRef(org, "shop", "prod");
    services.environments().create(ALICE, prod.projectRef(), json("{'key':'dev','name':'Dev'}"));
    services
        .environments()
        .create(ALICE, prod.projectRef(), json("{'key':'prod','name':'Prod','prod':true}"));
    return prod;
  }

  /**
   * Reads a member of a tree by pointer.
   *
   * @param node the tree
   * @param pointer the pointer
   * @return the member
   */
  public static JsonNode at(JsonNode node, String pointer) {
    return node.at(pointer);
  }
}
