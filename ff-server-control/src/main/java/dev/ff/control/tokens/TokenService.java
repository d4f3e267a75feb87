package dev.ff.control.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.InvalidState;
import dev.ff.control.domain.NotFound;
import dev.ff.control.domain.Page;
import dev.ff.control.domain.PageRequest;
import dev.ff.control.domain.ValidationFailed;
import dev.ff.control.service.Input;
import dev.ff.control.store.AuditLog;
import dev.ff.control.store.Cursors;
import dev.ff.control.store.Pages;
import dev.ff.control.store.Scopes;
import dev.ff.control.store.Sql;
import dev.ff.control.store.Tx;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * API tokens of an organisation.
 *
 * <p>A secret is the kind's prefix ({@code ffa_} admin, {@code ffs_} SDK) followed by 32 random
 * bytes in unpadded base64url. Only HMAC-SHA256(pepper, secret) is stored, as lowercase hex; the
 * plain secret is returned once, by {@link #create} and {@link #rotate}. SDK tokens are always
 * bound to one environment; admin tokens to the organisation or to one environment.
 *
 * <p>Create body: {@code {"name", "kind": "admin"|"sdk", "project", "env", "expiresAt"}} where
 * {@code project} and {@code env} go together (env scope) and {@code expiresAt} is an optional RFC
 * 3339 instant in the future.
 */
public final class TokenService {
  private static final String RESOURCE = "token";
  private static final int SECRET_BYTES = 32;
  private static final int DISPLAY_PREFIX = 12;
  private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
  private static final String SELECT =
      "SELECT t.*, o.key AS org_key, p.key AS project_key, e.key AS env_key FROM api_token t"
          + " JOIN org o ON o.id = t.org_id LEFT JOIN environment e ON e.id = t.env_id LEFT JOIN"
          + " project p ON p.id = e.project_id";
  private static final RowMapper<ApiToken> MAPPER =
      (rs, ctx) -> {
        String org = rs.getString("org_key");
        String env = rs.getString("env_key");
        long rotatedFrom = rs.getLong("rotated_from");
        Optional<Long> rotated = rs.wasNull() ? Optional.empty() : Optional.of(rotatedFrom);
        return new ApiToken(
            rs.getLong("id"),
            org,
            TokenKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
            rs.getString("name"),
            rs.getString("display_prefix"),
            env == null
                ? Optional.empty()
                : Optional.of(new EnvRef(org, rs.getString("project_key"), env)),
            Optional.ofNullable(Sql.instant(rs, "expires_at")),
            Optional.ofNullable(Sql.instant(rs, "last_used_at")),
            Optional.ofNullable(Sql.instant(rs, "revoked_at")),
            rotated,
            Sql.meta(rs));
      };

  private final Tx tx;
  private final byte[] pepper;
  private final SecureRandom random = new SecureRandom();

  /**
   * The service.
   *
   * @param tx the transaction runner
   * @param pepper the HMAC key of stored secrets (at least 16 bytes, kept outside the database)
   */
  public TokenService(Tx tx, byte[] pepper) {
    if (pepper.length < 16) {
      throw new IllegalArgumentException("the token pepper needs at least 16 bytes");
    }
    this.tx = tx;
    this.pepper = pepper.clone();
  }

  /**
   * Creates a token.
   *
   * @param actor who
   * @param org the organisation key
   * @param body the create body
   * @return the token and its secret (shown once)
   */
  public CreatedToken create(Actor actor, String org, JsonNode body) {
    return create(actor, org, body, Optional.empty());
  }

  /**
   * Creates a token, optionally with a secret chosen by the operator (bootstrap: {@code ff server
   * --admin-token …}); such a secret must have the kind's prefix followed by at least 32 base64url
   * characters.
   *
   * @param actor who
   * @param org the organisation key
   * @param body the create body
   * @param presetSecret the secret to use instead of a random one
   * @return the token and its secret
   * @throws ValidationFailed at {@code /secret} for a malformed preset secret
   * @throws dev.ff.control.domain.AlreadyExists if a token already has that secret
   */
  public CreatedToken create(
      Actor actor, String org, JsonNode body, Optional<String> presetSecret) {
    return tx.call(
        h -> {
          Scopes.OrgScope scope = Scopes.org(h, org);
          Input in = Input.of(body, List.of("name", "kind", "project", "env", "expiresAt"));
          String name = in.text("name", true);
          TokenKind kind = kind(in);
          String project = in.optionalKey("project");
          String env = in.optionalKey("env");
          if ((project == null) != (env == null)) {
            in.problem(project == null ? "/project" : "/env", "project and env go together");
          }
          if (kind == TokenKind.SDK && env == null && !in.hasProblems()) {
            in.problem("/env", "an SDK token is bound to one environment");
          }
          Instant now = tx.now();
          Instant expiresAt = expiresAt(in, now);
          in.check();
          if (presetSecret.isPresent()
              && !presetSecret.get().matches(kind.prefix() + "[A-Za-z0-9_-]{32,96}")) {
            throw ValidationFailed.of(
                "/secret", "expected " + kind.prefix() + " and at least 32 base64url characters");
          }
          if (presetSecret.isPresent()
              && h.createQuery("SELECT count(*) FROM api_token WHERE secret_hash = :hash")
                      .bind("hash", hash(presetSecret.get()))
                      .mapTo(Long.class)
                      .one()
                  > 0) {
            throw new dev.ff.control.domain.AlreadyExists("token", "with this secret");
          }
          Long envId = env == null ? null : Scopes.env(h, new EnvRef(org, project, env)).envId();
          return insert(
              h,
              scope.orgId(),
              actor,
              kind,
              name,
              envId,
              expiresAt,
              null,
              now,
              presetSecret.orElse(null));
        });
  }

  /**
   * Reads a token.
   *
   * @param actor who
   * @param org the organisation key
   * @param tokenId the token id
   * @return the token
   */
  public ApiToken get(Actor actor, String org, long tokenId) {
    return tx.call(h -> find(h, Scopes.org(h, org).orgId(), tokenId, false));
  }

  /**
   * Lists the tokens of an organisation, oldest first.
   *
   * @param actor who
   * @param org the organisation key
   * @param page the page (cursor: the last token id seen)
   * @param includeRevoked whether revoked tokens are listed
   * @return one page
   */
  public Page<ApiToken> list(Actor actor, String org, PageRequest page, boolean includeRevoked) {
    return tx.call(
        h -> {
          long orgId = Scopes.org(h, org).orgId();
          long after = page.cursor().map(c -> parseId(Cursors.decode(c))).orElse(0L);
          List<ApiToken> rows =
              new ArrayList<>(
                  h.createQuery(
                          SELECT
                              + " WHERE t.org_id = :org AND t.id > :after"
                              + (includeRevoked ? "" : " AND t.revoked_at IS NULL")
                              + " ORDER BY t.id LIMIT :limit")
                      .bind("org", orgId)
                      .bind("after", after)
                      .bind("limit", page.limit() + 1)
                      .map(MAPPER)
                      .list());
          return Pages.of(rows, page.limit(), t -> Long.toString(t.id()));
        });
  }

  /**
   * Revokes a token at once.
   *
   * @param actor who
   * @param org the organisation key
   * @param tokenId the token id
   * @return the revoked token
   * @throws InvalidState if it is already revoked
   */
  public ApiToken revoke(Actor actor, String org, long tokenId) {
    return tx.call(
        h -> {
          long orgId = Scopes.org(h, org).orgId();
          ApiToken current = find(h, orgId, tokenId, true);
          if (current.revokedAt().isPresent()) {
            throw new InvalidState("token " + tokenId + " is already revoked");
          }
          Instant now = tx.now();
          ApiToken revoked = change(h, current, actor, now, Map.of("revoked_at", now));
          audit(h, orgId, actor, "revoke", revoked, current, revoked, now);
          return revoked;
        });
  }

  /**
   * Replaces a token by a new one with the same scope, kind, name, expiry and role bindings; the
   * old one keeps working for the overlap window (or until its own expiry, if sooner), so clients
   * can switch without downtime.
   *
   * @param actor who
   * @param org the organisation key
   * @param tokenId the token to replace
   * @param overlap how long the old secret stays valid; zero for at once
   * @return the new token and its secret
   * @throws InvalidState if the token is revoked or expired
   */
  public CreatedToken rotate(Actor actor, String org, long tokenId, Duration overlap) {
    if (overlap.isNegative()) {
      throw ValidationFailed.of("/overlap", "must not be negative");
    }
    return tx.call(
        h -> {
          long orgId = Scopes.org(h, org).orgId();
          ApiToken current = find(h, orgId, tokenId, true);
          Instant now = tx.now();
          if (current.revokedAt().isPresent()
              || current.expiresAt().filter(e -> !e.isAfter(now)).isPresent()) {
            throw new InvalidState("token " + tokenId + " is revoked or expired");
          }
          Instant end = now.plus(overlap);
          Instant oldExpiry = current.expiresAt().filter(e -> e.isBefore(end)).orElse(end);
          ApiToken old = change(h, current, actor, now, Map.of("expires_at", oldExpiry));
          Long envId =
              h.createQuery("SELECT env_id FROM api_token WHERE id = :id")
                  .bind("id", tokenId)
                  .mapTo(Long.class)
                  .one();
          CreatedToken created =
              insert(
                  h,
                  orgId,
                  actor,
                  current.kind(),
                  current.name(),
                  envId,
                  current.expiresAt().orElse(null),
                  tokenId,
                  now,
                  null);
          // The new secret holds the roles of the old one.
          var copy =
              h.createUpdate(
                  "INSERT INTO role_binding (org_id, subject_kind, token_id, role, scope_kind,"
                      + " project_id, env_id, created_at, updated_at, created_by, updated_by)"
                      + " SELECT org_id, 'token', :new, role, scope_kind, project_id, env_id,"
                      + " :now, :now, :by, :by FROM role_binding WHERE token_id = :old AND NOT"
                      + " archived");
          Sql.bind(copy, "now", now);
          copy.bind("new", created.token().id())
              .bind("old", tokenId)
              .bind("by", actor.id())
              .execute();
          audit(h, orgId, actor, "rotate", old, current, old, now);
          return created;
        });
  }

  /**
   * Authenticates a presented secret.
   *
   * @param secret the secret from the request
   * @return the principal; empty for an unknown, malformed, revoked, expired or archived token
   */
  public Optional<TokenPrincipal> authenticate(String secret) {
    if (secret == null || secret.length() > 100) {
      return Optional.empty();
    }
    Optional<TokenKind> kind =
        List.of(TokenKind.values()).stream().filter(k -> secret.startsWith(k.prefix())).findFirst();
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    String hash = hash(secret);
    return tx.call(
        h -> {
          Optional<Map<String, Object>> row =
              h.createQuery(
                      "SELECT t.id, t.org_id, t.kind, t.name, t.env_id, t.secret_hash,"
                          + " t.expires_at, t.revoked_at, t.archived, t.last_used_at, o.key AS"
                          + " org_key FROM api_token t JOIN org o ON o.id = t.org_id WHERE"
                          + " t.secret_hash = :hash")
                  .bind("hash", hash)
                  .map(
                      (rs, ctx) -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", rs.getLong("id"));
                        m.put("org_id", rs.getLong("org_id"));
                        m.put("org", rs.getString("org_key"));
                        m.put("kind", rs.getString("kind"));
                        m.put("name", rs.getString("name"));
                        long env = rs.getLong("env_id");
                        m.put("env_id", rs.wasNull() ? null : env);
                        m.put("hash", rs.getString("secret_hash"));
                        m.put("expires_at", Sql.instant(rs, "expires_at"));
                        m.put("revoked_at", Sql.instant(rs, "revoked_at"));
                        m.put("archived", rs.getBoolean("archived"));
                        m.put("last_used_at", Sql.instant(rs, "last_used_at"));
                        return m;
                      })
                  .findOne();
          if (row.isEmpty()) {
            return Optional.empty();
          }
          Map<String, Object> t = row.get();
          boolean same =
              MessageDigest.isEqual(
                  hash.getBytes(StandardCharsets.US_ASCII),
                  ((String) t.get("hash")).getBytes(StandardCharsets.US_ASCII));
          Instant now = tx.now();
          Instant expires = (Instant) t.get("expires_at");
          if (!same
              || !kind.get().wire().equals(t.get("kind"))
              || t.get("revoked_at") != null
              || (Boolean) t.get("archived")
              || (expires != null && !expires.isAfter(now))) {
            return Optional.empty();
          }
          Instant lastUsed = (Instant) t.get("last_used_at");
          if (lastUsed == null || !lastUsed.plus(LAST_USED_GRANULARITY).isAfter(now)) {
            var touch =
                h.createUpdate(
                    "UPDATE api_token SET last_used_at = :now WHERE id = :id AND (last_used_at IS"
                        + " NULL OR last_used_at <= :threshold)");
            Sql.bind(touch, "now", now);
            Sql.bind(touch, "threshold", now.minus(LAST_USED_GRANULARITY));
            touch.bind("id", (Long) t.get("id")).execute();
          }
          Long envId = (Long) t.get("env_id");
          Optional<EnvRef> env =
              envId == null ? Optional.empty() : Optional.of(Scopes.env(h, envId).ref());
          return Optional.of(
              new TokenPrincipal(
                  (Long) t.get("id"),
                  (Long) t.get("org_id"),
                  (String) t.get("org"),
                  kind.get(),
                  (String) t.get("name"),
                  Optional.ofNullable(envId),
                  env));
        });
  }

  private CreatedToken insert(
      Handle h,
      long orgId,
      Actor actor,
      TokenKind kind,
      String name,
      Long envId,
      Instant expiresAt,
      Long rotatedFrom,
      Instant now,
      String preset) {
    String secret = preset;
    if (secret == null) {
      byte[] bytes = new byte[SECRET_BYTES];
      random.nextBytes(bytes);
      secret = kind.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
    var insert =
        h.createUpdate(
            "INSERT INTO api_token (org_id, env_id, kind, name, display_prefix, secret_hash,"
                + " expires_at, rotated_from, created_at, updated_at, created_by, updated_by)"
                + " VALUES (:org, :env, :kind, :name, :prefix, :hash, :expires, :rotated, :now,"
                + " :now, :by, :by)");
    Sql.bind(insert, "env", envId);
    Sql.bind(insert, "expires", expiresAt);
    Sql.bind(insert, "rotated", rotatedFrom);
    Sql.bind(insert, "now", now);
    long id =
        insert
            .bind("org", orgId)
            .bind("kind", kind.wire())
            .bind("name", name)
            .bind("prefix", secret.substring(0, DISPLAY_PREFIX))
            .bind("hash", hash(secret))
            .bind("by", actor.id())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    ApiToken token = find(h, orgId, id, false);
    audit(h, orgId, actor, "create", token, null, token, now);
    return new CreatedToken(token, secret);
  }

  private ApiToken change(
      Handle h, ApiToken current, Actor actor, Instant now, Map<String, Object> columns) {
    StringBuilder sets =
        new StringBuilder("version = version + 1, updated_at = :now, updated_by = :by");
    columns.keySet().forEach(c -> sets.append(", ").append(c).append(" = :").append(c));
    var update = h.createUpdate("UPDATE api_token SET " + sets + " WHERE id = :id");
    columns.forEach((c, v) -> Sql.bind(update, c, v));
    Sql.bind(update, "now", now);
    update.bind("by", actor.id()).bind("id", current.id()).execute();
    return h.createQuery(SELECT + " WHERE t.id = :id").bind("id", current.id()).map(MAPPER).one();
  }

  private static ApiToken find(Handle h, long orgId, long tokenId, boolean forUpdate) {
    return h.createQuery(
            SELECT
                + " WHERE t.org_id = :org AND t.id = :id"
                + (forUpdate ? " FOR UPDATE OF t" : ""))
        .bind("org", orgId)
        .bind("id", tokenId)
        .map(MAPPER)
        .findOne()
        .orElseThrow(() -> new NotFound(RESOURCE, Long.toString(tokenId)));
  }

  private static void audit(
      Handle h,
      long orgId,
      Actor actor,
      String verb,
      ApiToken token,
      ApiToken before,
      ApiToken after,
      Instant now) {
    AuditLog.record(
        h,
        orgId,
        actor,
        RESOURCE + "." + verb,
        RESOURCE,
        token.org() + "/" + token.id(),
        before,
        after,
        now);
  }

  private static TokenKind kind(Input in) {
    String kind = in.text("kind", true);
    if (kind == null) {
      return null;
    }
    for (TokenKind k : TokenKind.values()) {
      if (k.wire().equals(kind)) {
        return k;
      }
    }
    in.problem("/kind", "must be admin or sdk");
    return null;
  }

  private static Instant expiresAt(Input in, Instant now) {
    String text = in.text("expiresAt", false);
    if (text == null) {
      return null;
    }
    try {
      Instant at = OffsetDateTime.parse(text).toInstant();
      if (!at.isAfter(now)) {
        in.problem("/expiresAt", "must be in the future");
      }
      return at;
    } catch (DateTimeParseException e) {
      in.problem("/expiresAt", "expected an RFC 3339 date-time");
      return null;
    }
  }

  private String hash(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  private static long parseId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ValidationFailed.of("/cursor", "invalid cursor");
    }
  }
}
