package dev.ff.control.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.Forbidden;
import dev.ff.control.domain.Grant;
import dev.ff.control.domain.InvalidState;
import dev.ff.control.domain.NotFound;
import dev.ff.control.domain.ProjectRef;
import dev.ff.control.domain.Role;
import dev.ff.control.domain.Scope;
import dev.ff.control.domain.User;
import dev.ff.control.domain.ValidationFailed;
import dev.ff.control.service.Input;
import dev.ff.control.store.AuditLog;
import dev.ff.control.store.Sql;
import dev.ff.control.store.Tx;
import dev.ff.control.tokens.TokenKind;
import dev.ff.control.tokens.TokenPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local sign-in and the identities behind bearer credentials: passwords (bcrypt), sessions, lockout
 * and the role bindings ({@link Grant}s) of users and tokens.
 *
 * <p><b>Sign-in</b> ({@link #login}): an unknown email, a wrong password, an account without a
 * password and a locked account all give the same empty answer and cost one bcrypt verification
 * each (a dummy one when there is nothing to verify), so the answer and its timing tell nothing
 * about which accounts exist. {@link IdentityConfig#maxFailedLogins()} consecutive failures lock
 * the account for {@link IdentityConfig#lockout()} (time from the injected clock); a success clears
 * the count. A session secret ({@code ffu_…}) is returned once; only its HMAC under the token
 * pepper is stored, with its expiry.
 *
 * <p><b>Passwords</b>: a user changes their own with the current one (a wrong one counts as a
 * failed sign-in); an admin sets one with {@link #setPassword}. Either way the user's other
 * sessions are revoked.
 */
public final class AuthService {

  /** Prefix of session secrets. */
  public static final String SESSION_PREFIX = "ffu_";

  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
  private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
  private static final int MAX_SECRET_LENGTH = 100;
  private static final String GRANTS =
      "SELECT b.role, b.scope_kind, o.key AS org_key, coalesce(p.key, pe.key) AS project_key,"
          + " e.key AS env_key FROM role_binding b JOIN org o ON o.id = b.org_id LEFT JOIN project"
          + " p ON p.id = b.project_id LEFT JOIN environment e ON e.id = b.env_id LEFT JOIN project"
          + " pe ON pe.id = e.project_id WHERE NOT b.archived AND ";
  private static final RowMapper<Grant> GRANT =
      (rs, ctx) -> {
        String org = rs.getString("org_key");
        Scope scope =
            switch (rs.getString("scope_kind")) {
              case "org" -> Scope.org(org);
              case "project" -> Scope.project(new ProjectRef(org, rs.getString("project_key")));
              default ->
                  Scope.env(new EnvRef(org, rs.getString("project_key"), rs.getString("env_key")));
            };
        return new Grant(scope, Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)));
      };
  private static final RowMapper<User> USER =
      (rs, ctx) -> new User(rs.getString("email"), rs.getString("display_name"), Sql.meta(rs));
  private static final RowMapper<Account> ACCOUNT =
      (rs, ctx) ->
          new Account(
              USER.map(rs, ctx),
              rs.getString("password_hash"),
              rs.getInt("failed_logins"),
              Sql.instant(rs, "locked_until"));

  private final Tx tx;
  private final Secrets secrets;
  private final PasswordHasher hasher;
  private final IdentityConfig config;

  /**
   * The service.
   *
   * @param tx the transaction runner (its clock times sessions and lockouts)
   * @param secrets hashes session secrets (the token pepper)
   * @param hasher the password hasher
   * @param config session lifetime and lockout rule
   */
  public AuthService(Tx tx, Secrets secrets, PasswordHasher hasher, IdentityConfig config) {
    this.tx = Objects.requireNonNull(tx, "tx");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Signs a user in.
   *
   * @param body {@code {"email", "password"}}
   * @param correlationId the request's correlation id, for the audit log
   * @return the new session and its secret; empty when the email is unknown, the password wrong,
   *     the account has no password or is locked (deliberately indistinguishable)
   * @throws ValidationFailed when the body is not of that shape
   */
  public Optional<CreatedSession> login(JsonNode body, String correlationId) {
    Input in = Input.of(body, List.of("email", "password"));
    String email = in.text("email", true);
    String password = in.text("password", true);
    in.check();
    Account account = plausibleEmail(email) ? tx.call(h -> findAccount(h, email, false)) : null;
    if (account == null
        || account.user().meta().archived()
        || account.passwordHash() == null
        || account.lockedAt(tx.now())) {
      hasher.burn();
      // The transaction a real failure runs (lock the row, count), on no row: comparable work.
      tx.call(
          h ->
              h.createUpdate("UPDATE users SET failed_logins = failed_logins WHERE id = -1")
                  .execute());
      return Optional.empty();
    }
    boolean matches = hasher.verify(password, account.passwordHash());
    long userId = account.user().meta().id();
    return tx.call(
        h -> {
          Account current = lockAccount(h, userId);
          Instant now = tx.now();
          Actor actor = actorOf(current.user(), correlationId);
          if (current.lockedAt(now)) {
            return Optional.empty();
          }
          if (!matches) {
            recordFailure(h, current, actor, now);
            return Optional.empty();
          }
          if (current.user().meta().archived()
              || !Objects.equals(current.passwordHash(), account.passwordHash())) {
            return Optional.empty();
          }
          if (current.failedLogins() > 0 || current.lockedUntil() != null) {
            h.createUpdate("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = :id")
                .bind("id", userId)
                .execute();
          }
          var purge =
              h.createUpdate("DELETE FROM user_session WHERE user_id = :id AND expires_at <= :now");
          Sql.bind(purge, "now", now);
          purge.bind("id", userId).execute();
          String secret = Secrets.generate(SESSION_PREFIX);
          Instant expiresAt = now.plus(config.sessionTtl());
          var insert =
              h.createUpdate(
                  "INSERT INTO user_session (user_id, secret_hash, created_at, expires_at) VALUES"
                      + " (:user, :hash, :now, :expires)");
          Sql.bind(insert, "now", now);
          Sql.bind(insert, "expires", expiresAt);
          long sessionId =
              insert
                  .bind("user", userId)
                  .bind("hash", secrets.hash(secret))
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("session", sessionId);
          after.put("expiresAt", expiresAt.toString());
          AuditLog.record(
              h, null, actor, "user.login", "user", current.user().email(), null, after, now);
          UserSession session =
              new UserSession(sessionId, current.user(), expiresAt, grants(h, "user_id", userId));
          return Optional.of(new CreatedSession(secret, session));
        });
  }

  /**
   * The live session a secret belongs to.
   *
   * @param secret the presented secret
   * @return the session with the user's current grants; empty for an unknown, malformed, expired or
   *     revoked session, or one of an archived user
   */
  public Optional<UserSession> authenticateSession(String secret) {
    if (secret == null
        || !secret.startsWith(SESSION_PREFIX)
        || secret.length() > MAX_SECRET_LENGTH) {
      return Optional.empty();
    }
    String hash = secrets.hash(secret);
    return tx.call(
        h -> {
          Optional<SessionRow> row =
              h.createQuery(
                      "SELECT s.id AS session_id, s.secret_hash, s.expires_at, s.revoked_at,"
                          + " s.last_used_at, u.id, u.email, u.display_name, u.archived,"
                          + " u.version, u.created_at, u.updated_at, u.created_by, u.updated_by"
                          + " FROM user_session s JOIN users u ON u.id = s.user_id"
                          + " WHERE s.secret_hash = :hash")
                  .bind("hash", hash)
                  .map(
                      (rs, ctx) ->
                          new SessionRow(
                              rs.getLong("session_id"),
                              rs.getString("secret_hash"),
                              Sql.instant(rs, "expires_at"),
                              Sql.instant(rs, "revoked_at"),
                              Sql.instant(rs, "last_used_at"),
                              USER.map(rs, ctx)))
                  .findOne();
          Instant now = tx.now();
          if (row.isEmpty()) {
            return Optional.empty();
          }
          SessionRow s = row.get();
          if (!Secrets.constantTimeEquals(hash, s.secretHash())
              || s.revokedAt() != null
              || !s.expiresAt().isAfter(now)
              || s.user().meta().archived()) {
            return Optional.empty();
          }
          if (s.lastUsedAt() == null || !s.lastUsedAt().plus(LAST_USED_GRANULARITY).isAfter(now)) {
            var touch =
                h.createUpdate("UPDATE user_session SET last_used_at = :now WHERE id = :id");
            Sql.bind(touch, "now", now);
            touch.bind("id", s.id()).execute();
          }
          long userId = s.user().meta().id();
          return Optional.of(
              new UserSession(s.id(), s.user(), s.expiresAt(), grants(h, "user_id", userId)));
        });
  }

  /**
   * Ends a session at once.
   *
   * @param actor who (the session's user)
   * @param sessionId the session
   * @throws InvalidState when the session was already revoked
   */
  public void logout(Actor actor, long sessionId) {
    tx.call(
        h -> {
          Instant now = tx.now();
          var update =
              h.createUpdate(
                  "UPDATE user_session SET revoked_at = :now WHERE id = :id AND revoked_at IS"
                      + " NULL");
          Sql.bind(update, "now", now);
          if (update.bind("id", sessionId).execute() == 0) {
            throw new InvalidState("the session is already revoked");
          }
          AuditLog.record(
              h,
              null,
              actor,
              "user.logout",
              "user",
              actor.display(),
              Map.of("session", sessionId),
              null,
              now);
          return null;
        });
  }

  /**
   * Changes a user's own password. A wrong current password counts as a failed sign-in (and can
   * lock the account); on success every other session of the user is revoked.
   *
   * @param actor who (the user)
   * @param userId the user
   * @param keepSession the session making the request, which stays valid; empty to revoke all
   * @param change the current and the new password ({@link PasswordChange#parse})
   * @throws ValidationFailed when the current password is wrong (at {@code /currentPassword})
   * @throws InvalidState when the user has no password or the account is locked
   */
  public void changePassword(
      Actor actor, long userId, Optional<Long> keepSession, PasswordChange change) {
    String current = change.currentPassword();
    String next = change.newPassword();
    Account account = tx.call(h -> findAccountById(h, userId));
    if (account == null || account.user().meta().archived()) {
      throw new NotFound("user", actor.display());
    }
    if (account.passwordHash() == null) {
      throw new InvalidState("no password is set for this user; an admin sets the first one");
    }
    if (account.lockedAt(tx.now())) {
      hasher.burn();
      throw new InvalidState("too many failed attempts; try again after " + account.lockedUntil());
    }
    boolean matches = hasher.verify(current, account.passwordHash());
    String newHash = matches ? hasher.hash(next) : null;
    boolean changed =
        tx.call(
            h -> {
              Account locked = lockAccount(h, userId);
              Instant now = tx.now();
              if (!matches) {
                recordFailure(h, locked, actor, now);
                return false;
              }
              if (!Objects.equals(locked.passwordHash(), account.passwordHash())) {
                throw new InvalidState("the password was changed meanwhile; try again");
              }
              storePassword(h, locked.user(), newHash, actor, now, keepSession, "user.password");
              return true;
            });
    if (!changed) {
      throw ValidationFailed.of("/currentPassword", "does not match the current password");
    }
  }

  /**
   * Sets a user's password on an admin's authority, clears a lockout and revokes every session of
   * the user. The caller needs, in every organisation where the user holds a role, an
   * organisation-wide role of at least admin and at least the user's highest role there; a user
   * without roles may be given a password by any admin.
   *
   * @param actor who
   * @param email the user
   * @param body {@code {"password"}}
   * @param callerRoleIn the caller's organisation-wide role in an organisation (by key)
   * @return the user
   * @throws ValidationFailed for a malformed body or a password that breaks the rules
   * @throws NotFound when there is no such user
   * @throws Forbidden when the caller lacks the authority over one of the user's organisations
   */
  public User setPassword(
      Actor actor, String email, JsonNode body, Function<String, Optional<Role>> callerRoleIn) {
    Input in = Input.of(body, List.of("password"));
    String password = in.text("password", true);
    if (password != null) {
      PasswordHasher.refusal(password).ifPresent(reason -> in.problem("/password", reason));
    }
    in.check();
    if (!plausibleEmail(email)) {
      throw new NotFound("user", email);
    }
    String hash = hasher.hash(password);
    return tx.call(
        h -> {
          Account account = findAccount(h, email, true);
          if (account == null || account.user().meta().archived()) {
            throw new NotFound("user", email);
          }
          long userId = account.user().meta().id();
          Map<String, Role> highest = new TreeMap<>();
          for (Grant grant : grants(h, "user_id", userId)) {
            highest.merge(grant.scope().org(), grant.role(), (a, b) -> a.covers(b) ? a : b);
          }
          for (Map.Entry<String, Role> entry : highest.entrySet()) {
            Role needed = entry.getValue().covers(Role.ADMIN) ? entry.getValue() : Role.ADMIN;
            if (callerRoleIn.apply(entry.getKey()).filter(r -> r.covers(needed)).isEmpty()) {
              throw new Forbidden(
                  "setting the password of this user needs the role "
                      + needed.wire()
                      + " on organisation '"
                      + entry.getKey()
                      + "'");
            }
          }
          Instant now = tx.now();
          storePassword(h, account.user(), hash, actor, now, Optional.empty(), "user.password_set");
          return findAccountById(h, userId).user();
        });
  }

  /**
   * A user by email (case-insensitive) with their grants, for identities established elsewhere
   * (OIDC).
   *
   * @param email the email
   * @return the user; empty when there is none or it is archived
   */
  public Optional<UserGrants> user(String email) {
    if (!plausibleEmail(email)) {
      return Optional.empty();
    }
    return tx.call(
        h -> {
          Account account = findAccount(h, email, false);
          if (account == null || account.user().meta().archived()) {
            return Optional.empty();
          }
          return Optional.of(
              new UserGrants(account.user(), grants(h, "user_id", account.user().meta().id())));
        });
  }

  /**
   * The grants of an API token: admin tokens hold {@link Role#ADMIN} on their own scope (the
   * organisation, or the environment they are bound to) plus their role bindings; SDK tokens hold
   * no role (they read configs by a rule of their own).
   *
   * @param token the authenticated token
   * @return the grants
   */
  public List<Grant> grants(TokenPrincipal token) {
    if (token.kind() != TokenKind.ADMIN) {
      return List.of();
    }
    List<Grant> grants = new ArrayList<>();
    grants.add(
        new Grant(token.env().map(Scope::env).orElseGet(() -> Scope.org(token.org())), Role.ADMIN));
    grants.addAll(tx.call(h -> grants(h, "token_id", token.tokenId())));
    return List.copyOf(grants);
  }

  private void storePassword(
      Handle h,
      User user,
      String hash,
      Actor actor,
      Instant now,
      Optional<Long> keepSession,
      String action) {
    long userId = user.meta().id();
    var update =
        h.createUpdate(
            "UPDATE users SET password_hash = :hash, password_changed_at = :now, failed_logins ="
                + " 0, locked_until = NULL, version = version + 1, updated_at = :now, updated_by ="
                + " :by WHERE id = :id");
    Sql.bind(update, "now", now);
    update.bind("hash", hash).bind("by", actor.id()).bind("id", userId).execute();
    var revoke =
        h.createUpdate(
            "UPDATE user_session SET revoked_at = :now WHERE user_id = :id AND revoked_at IS NULL"
                + " AND id <> :keep");
    Sql.bind(revoke, "now", now);
    int revoked = revoke.bind("id", userId).bind("keep", keepSession.orElse(0L)).execute();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("passwordChangedAt", now.toString());
    after.put("sessionsRevoked", revoked);
    AuditLog.record(h, null, actor, action, "user", user.email(), null, after, now);
  }

  private void recordFailure(Handle h, Account account, Actor actor, Instant now) {
    int failed = account.failedLogins() + 1;
    long userId = account.user().meta().id();
    if (failed >= config.maxFailedLogins()) {
      Instant until = now.plus(config.lockout());
      var lock =
          h.createUpdate(
              "UPDATE users SET failed_logins = 0, locked_until = :until WHERE id = :id");
      Sql.bind(lock, "until", until);
      lock.bind("id", userId).execute();
      AuditLog.record(
          h,
          null,
          actor,
          "user.lock",
          "user",
          account.user().email(),
          null,
          Map.of("lockedUntil", until.toString(), "failedLogins", failed),
          now);
      LOG.warn("user {} locked until {} after {} failed sign-ins", userId, until, failed);
    } else {
      h.createUpdate("UPDATE users SET failed_logins = :failed WHERE id = :id")
          .bind("failed", failed)
          .bind("id", userId)
          .execute();
    }
  }

  /**
   * Whether a string can be looked up as an email: at most 320 characters, none of them control
   * characters (PostgreSQL refuses NUL in text).
   *
   * @param email the candidate
   * @return true when it may be queried
   */
  public static boolean plausibleEmail(String email) {
    if (email == null || email.isEmpty() || email.length() > 320) {
      return false;
    }
    for (int i = 0; i < email.length(); i++) {
      char c = email.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static Actor actorOf(User user, String correlationId) {
    return new Actor("user:" + user.meta().id(), Actor.Kind.USER, user.email(), correlationId);
  }

  private static List<Grant> grants(Handle h, String column, long id) {
    return h.createQuery(GRANTS + "b." + column + " = :id ORDER BY b.id")
        .bind("id", id)
        .map(GRANT)
        .list();
  }

  private static Account findAccount(Handle h, String email, boolean forUpdate) {
    return h.createQuery(
            "SELECT * FROM users WHERE lower(email) = lower(:email)"
                + (forUpdate ? " FOR UPDATE" : ""))
        .bind("email", email)
        .map(ACCOUNT)
        .findOne()
        .orElse(null);
  }

  private static Account findAccountById(Handle h, long id) {
    return h.createQuery("SELECT * FROM users WHERE id = :id")
        .bind("id", id)
        .map(ACCOUNT)
        .findOne()
        .orElse(null);
  }

  private static Account lockAccount(Handle h, long id) {
    return h.createQuery("SELECT * FROM users WHERE id = :id FOR UPDATE")
        .bind("id", id)
        .map(ACCOUNT)
        .one();
  }

  /** A user row with its sign-in bookkeeping. */
  private record Account(User user, String passwordHash, int failedLogins, Instant lockedUntil) {
    boolean lockedAt(Instant now) {
      return lockedUntil != null && lockedUntil.isAfter(now);
    }
  }

  /** A session row and its user. */
  private record SessionRow(
      long id,
      String secretHash,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt,
      User user) {}
}
