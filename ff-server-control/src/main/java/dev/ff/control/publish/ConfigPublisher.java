package dev.ff.control.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.NotFound;
import dev.ff.control.domain.Problem;
import dev.ff.control.domain.ValidationFailed;
import dev.ff.control.store.AuditLog;
import dev.ff.control.store.Json;
import dev.ff.control.store.Scopes;
import dev.ff.control.store.Sql;
import dev.ff.control.store.Tx;
import dev.ff.core.ConfigLoader;
import dev.ff.core.document.Canonicalizer;
import dev.ff.core.document.DocumentSigner;
import dev.ff.core.validate.ConfigValidator;
import dev.ff.core.validate.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Publishes environments: one new, signed config document version per call.
 *
 * <p>A publish locks the environment row ({@code SELECT … FOR UPDATE}), so concurrent publishes of
 * one environment queue up and versions never skip or repeat. It collects the live flags and
 * segments, gives each running experiment's flag a last rule carrying the experiment rollout,
 * builds {@code {env, project, version, salt, flags, segments}}, validates and compiles it with
 * ff-core (refusing with {@link ValidationFailed}, pointers relative to the document), signs it
 * with the active key, stores it and sends {@code NOTIFY ff_config, '<envId>:<version>'}, all in
 * one transaction: listeners hear of a version only once it is committed.
 *
 * <p>The document carries no {@code publishedAt}: a streamed patch (docs/evaluation.md §7) cannot
 * update that member, so a patched document would no longer match the new version's signature. The
 * publication time is kept in {@link ConfigVersion#publishedAt()} instead.
 */
public final class ConfigPublisher {
  /** The PostgreSQL notification channel. */
  public static final String CHANNEL = "ff_config";

  private static final int MAX_IDEMPOTENCY_KEY = 200;

  private final Tx tx;
  private final SigningKeys keys;

  /**
   * A publisher.
   *
   * @param tx the transaction runner
   * @param keys the signing keys
   */
  public ConfigPublisher(Tx tx, SigningKeys keys) {
    this.tx = tx;
    this.keys = keys;
  }

  /**
   * The signing keys: the active one signs, every one of them verifies (edges in the same process
   * check documents against {@link SigningKeys#ring()}).
   *
   * @return the keys
   */
  public SigningKeys keys() {
    return keys;
  }

  /**
   * Publishes the current state of an environment as a new version.
   *
   * @param actor who
   * @param org the organisation key
   * @param project the project key
   * @param env the environment key
   * @param idempotencyKey when present and already used for this environment, the version it
   *     published is returned and nothing is published
   * @return the published version
   * @throws ValidationFailed if the document would be invalid (paths relative to the document), or
   *     at {@code /idempotencyKey} for a blank or over-long key
   * @throws NotFound if the environment does not exist
   */
  public PublishResult publish(
      Actor actor, String org, String project, String env, Optional<String> idempotencyKey) {
    idempotencyKey.ifPresent(ConfigPublisher::checkIdempotencyKey);
    return tx.call(
        h -> {
          Scopes.EnvScope scope = lock(h, new EnvRef(org, project, env));
          if (idempotencyKey.isPresent()) {
            Optional<ConfigVersion> earlier =
                h.createQuery(
                        "SELECT version FROM idempotency WHERE env_id = :env AND idempotency_key"
                            + " = :key")
                    .bind("env", scope.envId())
                    .bind("key", idempotencyKey.get())
                    .mapTo(Long.class)
                    .findOne()
                    .flatMap(v -> ConfigRows.byVersion(h, scope.envId(), v));
            if (earlier.isPresent()) {
              return new PublishResult(earlier.get(), true);
            }
          }
          ObjectNode flags = Json.object();
          h.createQuery(
                  "SELECT key, body FROM flag WHERE env_id = :env AND NOT archived ORDER BY key")
              .bind("env", scope.envId())
              .map((rs, ctx) -> new Object[] {rs.getString("key"), rs.getString("body")})
              .forEach(row -> flags.set((String) row[0], Json.parse((String) row[1])));
          ObjectNode segments = Json.object();
          h.createQuery(
                  "SELECT key, body FROM segment WHERE env_id = :env AND NOT archived ORDER BY"
                      + " key")
              .bind("env", scope.envId())
              .map((rs, ctx) -> new Object[] {rs.getString("key"), rs.getString("body")})
              .forEach(row -> segments.set((String) row[0], Json.parse((String) row[1])));
          List<Problem> problems = new ArrayList<>();
          addExperimentRollouts(h, scope.envId(), flags, problems);
          if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
          }
          long version = nextVersion(h, scope.envId());
          ObjectNode doc = Json.object();
          doc.put("env", scope.ref().env());
          doc.put("project", scope.ref().project());
          doc.put("version", version);
          doc.put("salt", scope.salt());
          doc.set("flags", flags);
          doc.set("segments", segments);
          check(doc);
          ConfigVersion published = store(h, scope, actor, doc, null);
          idempotencyKey.ifPresent(
              key ->
                  h.createUpdate(
                          "INSERT INTO idempotency (env_id, idempotency_key, version, created_at)"
                              + " VALUES (:env, :key, :version, :at)")
                      .bind("env", scope.envId())
                      .bind("key", key)
                      .bind("version", version)
                      .bind("at", published.publishedAt().atOffset(java.time.ZoneOffset.UTC))
                      .execute());
          audit(h, scope, actor, "config.publish", published);
          return new PublishResult(published, false);
        });
  }

  /**
   * Republishes an earlier version's content as a new version (re-signed, new publication time,
   * {@code rollback_of} set). The stored flags and segments are not changed: the next publish
   * publishes them again.
   *
   * @param actor who
   * @param env the environment
   * @param toVersion the version whose content to republish
   * @return the new version
   * @throws NotFound if the environment or the version does not exist
   */
  public PublishResult rollback(Actor actor, EnvRef env, long toVersion) {
    return tx.call(
        h -> {
          Scopes.EnvScope scope = lock(h, env);
          ConfigVersion target =
              ConfigRows.byVersion(h, scope.envId(), toVersion)
                  .orElseThrow(() -> new NotFound("config version", Long.toString(toVersion)));
          ObjectNode doc = target.document().deepCopy();
          doc.remove("signature");
          doc.put("version", nextVersion(h, scope.envId()));
          ConfigVersion published = store(h, scope, actor, doc, toVersion);
          audit(h, scope, actor, "config.rollback", published);
          return new PublishResult(published, false);
        });
  }

  /**
   * The content hash of a document: SHA-256 over the canonical form of its {@code env, project,
   * salt, flags, segments}.
   *
   * @param doc a config document
   * @return lowercase hex
   */
  public static String contentHash(JsonNode doc) {
    ObjectNode content = Json.object();
    for (String member : List.of("env", "project", "salt", "flags", "segments")) {
      content.set(member, doc.get(member));
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Canonicalizer.canonicalize(content).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static void checkIdempotencyKey(String key) {
    if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY) {
      throw ValidationFailed.of(
          "/idempotencyKey", "must be 1.." + MAX_IDEMPOTENCY_KEY + " non-blank characters");
    }
  }

  private static Scopes.EnvScope lock(Handle h, EnvRef env) {
    Scopes.EnvScope scope = Scopes.env(h, env);
    h.createQuery("SELECT id FROM environment WHERE id = :id FOR UPDATE")
        .bind("id", scope.envId())
        .mapTo(Long.class)
        .one();
    return scope;
  }

  private static long nextVersion(Handle h, long envId) {
    return h.createQuery("SELECT coalesce(max(version), 0) FROM config_version WHERE env_id = :env")
            .bind("env", envId)
            .mapTo(Long.class)
            .one()
        + 1;
  }

  /** Appends the rollout rule of each running experiment to its flag. */
  private static void addExperimentRollouts(
      Handle h, long envId, ObjectNode flags, List<Problem> problems) {
    h.createQuery(
            "SELECT key, flag_key, variations, traffic_allocation, exclusion_group,"
                + " exclusion_start, exclusion_end FROM experiment WHERE env_id = :env AND status"
                + " = 'running' AND NOT archived ORDER BY key")
        .bind("env", envId)
        .map(
            (rs, ctx) -> {
              ObjectNode rollout = Json.object();
              rollout.set("variations", Json.parse(rs.getString("variations")));
              rollout.put("seed", rs.getString("key"));
              rollout.put("coverage", rs.getInt("traffic_allocation"));
              rollout.put("experiment", rs.getString("key"));
              String group = rs.getString("exclusion_group");
              if (group != null) {
                ObjectNode xg = rollout.putObject("exclusionGroup");
                xg.put("key", group);
                xg.put("start", Sql.integer(rs, "exclusion_start"));
                xg.put("end", Sql.integer(rs, "exclusion_end"));
              }
              ObjectNode rule = Json.object();
              rule.put("id", rs.getString("key"));
              rule.putObject("if").putArray("all");
              rule.putObject("then").set("rollout", rollout);
              return new Object[] {rs.getString("flag_key"), rs.getString("key"), rule};
            })
        .forEach(
            row -> {
              JsonNode flag = flags.get((String) row[0]);
              if (flag == null || !(flag.get("rules") instanceof ArrayNode rules)) {
                problems.add(
                    new Problem(
                        "/flags/" + row[0],
                        "running experiment '" + row[1] + "' targets a missing or archived flag"));
              } else {
                rules.add((ObjectNode) row[2]);
              }
            });
  }

  private static void check(ObjectNode doc) {
    List<Diagnostic> diagnostics = ConfigValidator.validateDocument(doc);
    if (diagnostics.isEmpty() && ConfigLoader.load(doc) instanceof ConfigLoader.Invalid invalid) {
      diagnostics = invalid.diagnostics();
    }
    if (!diagnostics.isEmpty()) {
      throw new ValidationFailed(
          diagnostics.stream().map(d -> new Problem(d.path(), d.message())).toList());
    }
  }

  private ConfigVersion store(
      Handle h, Scopes.EnvScope scope, Actor actor, ObjectNode doc, Long rollbackOf) {
    ObjectNode signed = DocumentSigner.sign(doc, keys.active());
    Instant now = tx.now();
    long version = signed.get("version").longValue();
    var insert =
        h.createUpdate(
            "INSERT INTO config_version (env_id, version, document, content_hash, published_at,"
                + " published_by, rollback_of) VALUES (:env, :version, CAST(:doc AS jsonb),"
                + " :hash, :at, :by, :rollback)");
    insert
        .bind("env", scope.envId())
        .bind("version", version)
        .bind("doc", Json.write(signed))
        .bind("hash", contentHash(signed))
        .bind("by", actor.id());
    Sql.bind(insert, "at", now);
    Sql.bind(insert, "rollback", rollbackOf);
    insert.execute();
    h.createQuery("SELECT pg_notify(:channel, :payload)")
        .bind("channel", CHANNEL)
        .bind("payload", scope.envId() + ":" + version)
        .map((rs, ctx) -> 1)
        .one();
    return ConfigRows.byVersion(h, scope.envId(), version).orElseThrow();
  }

  private static void audit(
      Handle h, Scopes.EnvScope scope, Actor actor, String action, ConfigVersion published) {
    ObjectNode after = Json.object();
    after.put("version", published.version());
    after.put("contentHash", published.contentHash());
    after.put("kid", published.document().at("/signature/kid").asText());
    published.rollbackOf().ifPresent(v -> after.put("rollbackOf", v));
    ObjectNode before = null;
    if (published.version() > 1) {
      before = Json.object();
      before.put("version", published.version() - 1);
    }
    AuditLog.record(
        h,
        scope.orgId(),
        actor,
        action,
        "config",
        scope.ref().org() + "/" + scope.ref().project() + "/" + scope.ref().env(),
        before,
        after,
        published.publishedAt());
  }
}
