package dev.ff.control.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.NotFound;
import dev.ff.control.domain.Page;
import dev.ff.control.domain.PageRequest;
import dev.ff.control.store.Cursors;
import dev.ff.control.store.Json;
import dev.ff.control.store.Pages;
import dev.ff.control.store.Scopes;
import dev.ff.control.store.Tx;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads published config documents for the distribution side (SDK endpoints, SSE streams, edges):
 * the latest or a given version, environments by keys or id, and patches between versions.
 */
public final class ConfigReader {
  private static final List<String> SECTIONS = List.of("flags", "segments");

  private final Tx tx;

  /**
   * A reader.
   *
   * @param tx the transaction runner
   */
  public ConfigReader(Tx tx) {
    this.tx = tx;
  }

  /**
   * The latest version of an environment.
   *
   * @param envId the environment id
   * @return the version, empty before the first publish
   */
  public Optional<ConfigVersion> latest(long envId) {
    return tx.call(h -> ConfigRows.latest(h, envId));
  }

  /**
   * One version of an environment.
   *
   * @param envId the environment id
   * @param version the version
   * @return the version, empty if it does not exist
   */
  public Optional<ConfigVersion> byVersion(long envId, long version) {
    return tx.call(h -> ConfigRows.byVersion(h, envId, version));
  }

  /**
   * The published versions of an environment, newest first, with their documents.
   *
   * @param envId the environment id
   * @param page the page (cursor: the last version seen)
   * @return one page
   */
  public Page<ConfigVersion> history(long envId, PageRequest page) {
    return tx.call(
        h -> {
          long before =
              page.cursor().map(c -> parseVersion(Cursors.decode(c))).orElse(Long.MAX_VALUE);
          List<ConfigVersion> rows =
              new ArrayList<>(
                  h.createQuery(
                          ConfigRows.SELECT
                              + " WHERE env_id = :env AND version < :before ORDER BY version DESC"
                              + " LIMIT :limit")
                      .bind("env", envId)
                      .bind("before", before)
                      .bind("limit", page.limit() + 1)
                      .map(ConfigRows.MAPPER)
                      .list());
          return Pages.of(rows, page.limit(), v -> Long.toString(v.version()));
        });
  }

  /**
   * Looks up an environment by keys.
   *
   * @param org the organisation key
   * @param project the project key
   * @param env the environment key
   * @return the environment, empty if any level does not exist
   */
  public Optional<EnvironmentInfo> environment(String org, String project, String env) {
    return tx.call(
        h -> {
          try {
            return Optional.of(info(h, Scopes.env(h, new EnvRef(org, project, env)).envId()));
          } catch (NotFound e) {
            return Optional.empty();
          }
        });
  }

  /**
   * Looks up an environment by id.
   *
   * @param envId the environment id
   * @return the environment, empty if it does not exist
   */
  public Optional<EnvironmentInfo> environment(long envId) {
    return tx.call(
        h -> {
          try {
            return Optional.of(info(h, envId));
          } catch (NotFound e) {
            return Optional.empty();
          }
        });
  }

  /**
   * The patch event from one stored version to another.
   *
   * @param envId the environment id
   * @param fromVersion the receiver's version
   * @param toVersion the target version
   * @return the patch, empty if either version does not exist or {@code toVersion <= fromVersion}
   */
  public Optional<ObjectNode> patch(long envId, long fromVersion, long toVersion) {
    if (toVersion <= fromVersion) {
      return Optional.empty();
    }
    return tx.call(
        h -> {
          Optional<ConfigVersion> from = ConfigRows.byVersion(h, envId, fromVersion);
          Optional<ConfigVersion> to = ConfigRows.byVersion(h, envId, toVersion);
          if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(diff(from.get().document(), to.get().document()));
        });
  }

  /**
   * The patch event (docs/evaluation.md §7) that turns one document into another: {@code
   * {baseVersion, version, upsert: {flags, segments}, delete: {flags, segments}, signature}}, where
   * upserts hold the flags and segments that are new or changed and {@code signature} is the target
   * document's. Applying it with {@code ConfigPatches.apply} to {@code from} gives a document that
   * verifies with the target's signature, as long as both documents agree on the members a patch
   * cannot change ({@code env}, {@code project}, {@code salt}).
   *
   * @param from the receiver's document
   * @param to the target document
   * @return the patch
   */
  public static ObjectNode diff(JsonNode from, JsonNode to) {
    ObjectNode patch = Json.object();
    patch.put("baseVersion", from.get("version").longValue());
    patch.put("version", to.get("version").longValue());
    ObjectNode upsert = patch.putObject("upsert");
    ObjectNode delete = patch.putObject("delete");
    for (String section : SECTIONS) {
      JsonNode before = from.path(section);
      JsonNode after = to.path(section);
      ObjectNode upserts = upsert.putObject(section);
      ArrayNode deletes = delete.putArray(section);
      Iterator<Map.Entry<String, JsonNode>> fields = after.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!field.getValue().equals(before.get(field.getKey()))) {
          upserts.set(field.getKey(), field.getValue().deepCopy());
        }
      }
      Iterator<String> names = before.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!after.has(name)) {
          deletes.add(name);
        }
      }
    }
    JsonNode signature = to.get("signature");
    if (signature != null) {
      patch.set("signature", signature.deepCopy());
    }
    return patch;
  }

  private static EnvironmentInfo info(org.jdbi.v3.core.Handle h, long envId) {
    Scopes.EnvScope scope = Scopes.env(h, envId);
    return h.createQuery("SELECT is_prod, archived FROM environment WHERE id = :id")
        .bind("id", envId)
        .map(
            (rs, ctx) ->
                new EnvironmentInfo(
                    envId,
                    scope.ref(),
                    scope.salt(),
                    rs.getBoolean("is_prod"),
                    rs.getBoolean("archived")))
        .one();
  }

  private static long parseVersion(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw dev.ff.control.domain.ValidationFailed.of("/cursor", "invalid cursor");
    }
  }
}
