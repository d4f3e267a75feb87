package dev.ff.control.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.auth.AuthService;
import dev.ff.control.auth.PasswordHasher;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.AlreadyExists;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.Forbidden;
import dev.ff.control.domain.InvalidState;
import dev.ff.control.domain.NotFound;
import dev.ff.control.domain.Page;
import dev.ff.control.domain.PageRequest;
import dev.ff.control.domain.ProjectRef;
import dev.ff.control.domain.Role;
import dev.ff.control.domain.RoleBinding;
import dev.ff.control.domain.User;
import dev.ff.control.domain.ValidationFailed;
import dev.ff.control.domain.VersionConflict;
import dev.ff.control.store.AuditLog;
import dev.ff.control.store.Cursors;
import dev.ff.control.store.Pages;
import dev.ff.control.store.Scopes;
import dev.ff.control.store.Sql;
import dev.ff.control.store.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Users and their roles (and tokens' roles) in organisations.
 *
 * <p>User body: {@code {"email", "displayName", "password"}} (the password is optional; it is
 * stored as a bcrypt hash). Binding body: {@code {"user": email} | {"token": id}, "role":
 * "owner"|"admin"|"editor"|"viewer", "project", "env"}}: without {@code project} the binding covers
 * the organisation, with {@code project} a project, with both an environment.
 *
 * <p>Rules: only admin tokens hold roles (SDK tokens read configs by a rule of their own), and
 * never {@code owner}: ownership is for people. Granting, changing or removing an owner binding
 * needs the caller to be an owner of the organisation ({@code authority}), except that an admin may
 * name the first owner of an organisation that has none. An organisation always keeps at least one
 * organisation-wide owner: removing or demoting the last one is refused ({@link InvalidState}).
 */
public final class MemberService {
  private static final String BINDING_SELECT =
      "SELECT b.*, o.key AS org_key, p.key AS project_key, e.key AS env_key, pe.key AS"
          + " env_project_key, coalesce(u.email, tk.name) AS subject_display FROM role_binding b"
          + " JOIN org o ON o.id = b.org_id LEFT JOIN project p ON p.id = b.project_id LEFT JOIN"
          + " environment e ON e.id = b.env_id LEFT JOIN project pe ON pe.id = e.project_id LEFT"
          + " JOIN users u ON u.id = b.user_id LEFT JOIN api_token tk ON tk.id = b.token_id";
  private static final RowMapper<RoleBinding> BINDING =
      (rs, ctx) -> {
        String kind = rs.getString("subject_kind");
        String project = rs.getString("project_key");
        if (project == null) {
          project = rs.getString("env_project_key");
        }
        return new RoleBinding(
            rs.getLong("id"),
            rs.getString("org_key"),
            kind,
            rs.getLong(kind.equals("user") ? "user_id" : "token_id"),
            rs.getString("subject_display"),
            Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
            rs.getString("scope_kind"),
            project,
            rs.getString("env_key"),
            Sql.meta(rs));
      };
  private static final RowMapper<User> USER =
      (rs, ctx) -> new User(rs.getString("email"), rs.getString("display_name"), Sql.meta(rs));

  private final Tx tx;
  private final PasswordHasher hasher;

  /**
   * The service.
   *
   * @param tx the transaction runner
   * @param hasher hashes the passwords given on creation
   */
  public MemberService(Tx tx, PasswordHasher hasher) {
    this.tx = tx;
    this.hasher = hasher;
  }

  /**
   * Creates a user.
   *
   * @param actor who
   * @param body {@code {"email", "displayName", "password"}}, the password optional
   * @return the user
   */
  public User createUser(Actor actor, JsonNode body) {
    Input in = Input.of(body, List.of("email", "displayName", "password"));
    String email = in.text("email", true);
    if (email != null
        && (!email.matches("^[^@\\s]+@[^@\\s]+$") || !AuthService.plausibleEmail(email))) {
      in.problem("/email", "not an email address");
    }
    String name = in.text("displayName", true);
    String password = in.text("password", false);
    if (password != null) {
      PasswordHasher.refusal(password).ifPresent(reason -> in.problem("/password", reason));
    }
    in.check();
    String hash = password == null ? null : hasher.hash(password);
    return tx.call(
        h -> {
          if (findUser(h, email) != null) {
            throw new AlreadyExists("user", email);
          }
          Instant now = tx.now();
          var insert =
              h.createUpdate(
                  "INSERT INTO users (email, display_name, password_hash, password_changed_at,"
                      + " created_at, updated_at, created_by, updated_by) VALUES (:email, :name,"
                      + " :hash, :changed, :now, :now, :by, :by)");
          Sql.bind(insert, "now", now);
          Sql.bind(insert, "hash", hash);
          Sql.bind(insert, "changed", hash == null ? null : now);
          insert.bind("email", email).bind("name", name).bind("by", actor.id()).execute();
          User user = findUser(h, email);
          AuditLog.record(h, null, actor, "user.create", "user", email, null, user, now);
          return user;
        });
  }

  /**
   * Reads a user by email (case-insensitive).
   *
   * @param actor who
   * @param email the email
   * @return the user
   */
  public User getUser(Actor actor, String email) {
    return tx.call(
        h -> {
          User user = findUser(h, email);
          if (user == null) {
            throw new NotFound("user", email);
          }
          return user;
        });
  }

  /**
   * Gives a user or a token a role, on the authority of an owner (bootstrap code, the root admin).
   *
   * @param actor who
   * @param org the organisation key
   * @param body the binding body
   * @return the binding
   */
  public RoleBinding bind(Actor actor, String org, JsonNode body) {
    return bind(actor, org, body, Optional.of(Role.OWNER));
  }

  /**
   * Gives a user or a token a role.
   *
   * @param actor who
   * @param org the organisation key
   * @param body the binding body
   * @param authority the caller's organisation-wide role
   * @return the binding
   * @throws Forbidden when granting ownership without being an owner
   */
  public RoleBinding bind(Actor actor, String org, JsonNode body, Optional<Role> authority) {
    return tx.call(
        h -> {
          Scopes.OrgScope scope = Scopes.org(h, org);
          Input in = Input.of(body, List.of("user", "token", "role", "project", "env"));
          Role role = role(in);
          String email = in.text("user", false);
          JsonNode tokenNode = in.body().get("token");
          if ((email == null) == (tokenNode == null || tokenNode.isNull())) {
            in.problem("", "name exactly one of user and token");
          }
          Long tokenId = null;
          if (tokenNode != null && !tokenNode.isNull()) {
            if (!tokenNode.canConvertToLong() || !tokenNode.isIntegralNumber()) {
              in.problem("/token", "expected a token id");
            } else {
              tokenId = tokenNode.longValue();
            }
          }
          String project = in.optionalKey("project");
          String env = in.optionalKey("env");
          if (env != null && project == null) {
            in.problem("/project", "an environment scope needs its project");
          }
          in.check();
          Long userId = null;
          if (email != null) {
            User user = findUser(h, email);
            if (user == null) {
              throw ValidationFailed.of("/user", "no user '" + email + "'");
            }
            userId = user.meta().id();
          } else {
            Optional<String> kind =
                h.createQuery("SELECT kind FROM api_token WHERE id = :id AND org_id = :org")
                    .bind("id", tokenId)
                    .bind("org", scope.orgId())
                    .mapTo(String.class)
                    .findOne();
            if (kind.isEmpty()) {
              throw ValidationFailed.of("/token", "no token " + tokenId + " in this organisation");
            }
            if (!kind.get().equals("admin")) {
              throw ValidationFailed.of(
                  "/token", "SDK tokens hold no roles; they read their environment's config");
            }
            if (role == Role.OWNER) {
              throw ValidationFailed.of("/role", "tokens cannot be owners");
            }
          }
          if (role == Role.OWNER) {
            requireOwnerAuthority(h, scope.orgId(), authority);
          }
          Long projectId = null;
          Long envId = null;
          String scopeKind = "org";
          if (env != null) {
            Scopes.EnvScope e = Scopes.env(h, new EnvRef(org, project, env));
            envId = e.envId();
            scopeKind = "env";
          } else if (project != null) {
            projectId = Scopes.project(h, new ProjectRef(org, project)).projectId();
            scopeKind = "project";
          }
          Instant now = tx.now();
          var insert =
              h.createUpdate(
                  "INSERT INTO role_binding (org_id, subject_kind, user_id, token_id, role,"
                      + " scope_kind, project_id, env_id, created_at, updated_at, created_by,"
                      + " updated_by) VALUES (:org, :kind, :user, :token, :role, :scope, :project,"
                      + " :env, :now, :now, :by, :by)");
          Sql.bind(insert, "user", userId);
          Sql.bind(insert, "token", tokenId);
          Sql.bind(insert, "project", projectId);
          Sql.bind(insert, "env", envId);
          Sql.bind(insert, "now", now);
          long id =
              insert
                  .bind("org", scope.orgId())
                  .bind("kind", email != null ? "user" : "token")
                  .bind("role", role.wire())
                  .bind("scope", scopeKind)
                  .bind("by", actor.id())
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          RoleBinding binding = binding(h, scope.orgId(), id, false);
          audit(h, scope.orgId(), actor, "bind", binding, null, binding, now);
          return binding;
        });
  }

  /**
   * Lists the live role bindings of an organisation in creation order.
   *
   * @param actor who
   * @param org the organisation key
   * @param page the page (cursor: the last binding id seen)
   * @return one page
   */
  public Page<RoleBinding> listBindings(Actor actor, String org, PageRequest page) {
    return tx.call(
        h -> {
          long orgId = Scopes.org(h, org).orgId();
          long after = page.cursor().map(c -> parseId(Cursors.decode(c))).orElse(0L);
          List<RoleBinding> rows =
              new ArrayList<>(
                  h.createQuery(
                          BINDING_SELECT
                              + " WHERE b.org_id = :org AND NOT b.archived AND b.id > :after"
                              + " ORDER BY b.id LIMIT :limit")
                      .bind("org", orgId)
                      .bind("after", after)
                      .bind("limit", page.limit() + 1)
                      .map(BINDING)
                      .list());
          return Pages.of(rows, page.limit(), b -> Long.toString(b.id()));
        });
  }

  /**
   * Changes the role of a binding.
   *
   * @param actor who
   * @param org the organisation key
   * @param bindingId the binding id
   * @param role the new role
   * @param expectedVersion the version the caller read
   * @return the binding
   * @throws InvalidState when demoting the last organisation-wide owner
   */
  public RoleBinding changeRole(
      Actor actor, String org, long bindingId, Role role, long expectedVersion) {
    return changeRole(actor, org, bindingId, role, expectedVersion, Optional.of(Role.OWNER));
  }

  /**
   * Changes the role of a binding.
   *
   * @param actor who
   * @param org the organisation key
   * @param bindingId the binding id
   * @param role the new role
   * @param expectedVersion the version the caller read
   * @param authority the caller's organisation-wide role
   * @return the binding
   * @throws InvalidState when demoting the last organisation-wide owner
   * @throws Forbidden when granting or taking ownership without being an owner
   */
  public RoleBinding changeRole(
      Actor actor,
      String org,
      long bindingId,
      Role role,
      long expectedVersion,
      Optional<Role> authority) {
    return tx.call(
        h -> {
          long orgId = Scopes.org(h, org).orgId();
          RoleBinding current = locked(h, orgId, bindingId, expectedVersion);
          if (role == Role.OWNER && current.subjectKind().equals("token")) {
            throw ValidationFailed.of("/role", "tokens cannot be owners");
          }
          if (current.role() == Role.OWNER && role != Role.OWNER) {
            requireOwner(authority);
          } else if (role == Role.OWNER && current.role() != Role.OWNER) {
            requireOwnerAuthority(h, orgId, authority);
          }
          if (role != Role.OWNER) {
            refuseLastOwner(h, orgId, current);
          }
          Instant now = tx.now();
          RoleBinding changed = change(h, orgId, current, actor, now, "role = :value", role.wire());
          audit(h, orgId, actor, "update", changed, current, changed, now);
          return changed;
        });
  }

  /**
   * Removes a binding (soft: it is archived).
   *
   * @param actor who
   * @param org the organisation key
   * @param bindingId the binding id
   * @param expectedVersion the version the caller read
   * @throws InvalidState when removing the last organisation-wide owner
   */
  public void unbind(Actor actor, String org, long bindingId, long expectedVersion) {
    unbind(actor, org, bindingId, expectedVersion, Optional.of(Role.OWNER));
  }

  /**
   * Removes a binding (soft: it is archived).
   *
   * @param actor who
   * @param org the organisation key
   * @param bindingId the binding id
   * @param expectedVersion the version the caller read
   * @param authority the caller's organisation-wide role
   * @throws InvalidState when removing the last organisation-wide owner
   * @throws Forbidden when removing an owner without being an owner
   */
  public void unbind(
      Actor actor, String org, long bindingId, long expectedVersion, Optional<Role> authority) {
    tx.call(
        h -> {
          long orgId = Scopes.org(h, org).orgId();
          RoleBinding current = locked(h, orgId, bindingId, expectedVersion);
          if (current.role() == Role.OWNER) {
            requireOwner(authority);
          }
          refuseLastOwner(h, orgId, current);
          Instant now = tx.now();
          RoleBinding removed = change(h, orgId, current, actor, now, "archived = :value", true);
          audit(h, orgId, actor, "unbind", removed, current, null, now);
          return null;
        });
  }

  private static void requireOwner(Optional<Role> authority) {
    if (authority.filter(r -> r == Role.OWNER).isEmpty()) {
      throw new Forbidden("only an owner of the organisation may grant or take ownership");
    }
  }

  /** Owners may grant ownership; admins only the first ownership of an organisation. */
  private static void requireOwnerAuthority(Handle h, long orgId, Optional<Role> authority) {
    if (authority.filter(r -> r == Role.OWNER).isPresent()) {
      return;
    }
    if (authority.filter(r -> r.covers(Role.ADMIN)).isPresent() && owners(h, orgId).isEmpty()) {
      return;
    }
    throw new Forbidden(
        "only an owner of the organisation may grant ownership (an admin may name the first"
            + " owner of an organisation that has none)");
  }

  /** The live organisation-wide user owner bindings, locked. */
  private static List<Long> owners(Handle h, long orgId) {
    return h.createQuery(
            "SELECT id FROM role_binding WHERE org_id = :org AND role = 'owner' AND scope_kind"
                + " = 'org' AND subject_kind = 'user' AND NOT archived FOR UPDATE")
        .bind("org", orgId)
        .mapTo(Long.class)
        .list();
  }

  private static void refuseLastOwner(Handle h, long orgId, RoleBinding binding) {
    if (binding.role() != Role.OWNER
        || !binding.scopeKind().equals("org")
        || !binding.subjectKind().equals("user")) {
      return;
    }
    // Lock every owner binding of the organisation so that two removals cannot both pass.
    List<Long> owners =
        h.createQuery(
                "SELECT id FROM role_binding WHERE org_id = :org AND role = 'owner' AND scope_kind"
                    + " = 'org' AND subject_kind = 'user' AND NOT archived FOR UPDATE")
            .bind("org", orgId)
            .mapTo(Long.class)
            .list();
    if (owners.size() <= 1) {
      throw new InvalidState("an organisation keeps at least one owner");
    }
  }

  private RoleBinding locked(Handle h, long orgId, long bindingId, long expectedVersion) {
    RoleBinding current = binding(h, orgId, bindingId, true);
    if (current.meta().archived()) {
      throw new NotFound("role binding", Long.toString(bindingId));
    }
    if (current.meta().version() != expectedVersion) {
      throw new VersionConflict(
          "role binding", Long.toString(bindingId), expectedVersion, current.meta().version());
    }
    return current;
  }

  private static RoleBinding change(
      Handle h,
      long orgId,
      RoleBinding current,
      Actor actor,
      Instant now,
      String set,
      Object value) {
    var update =
        h.createUpdate(
            "UPDATE role_binding SET "
                + set
                + ", version = version + 1, updated_at = :now, updated_by = :by WHERE id = :id");
    Sql.bind(update, "now", now);
    Sql.bind(update, "value", value);
    update.bind("by", actor.id()).bind("id", current.id()).execute();
    return binding(h, orgId, current.id(), false);
  }

  private static RoleBinding binding(Handle h, long orgId, long id, boolean forUpdate) {
    return h.createQuery(
            BINDING_SELECT
                + " WHERE b.org_id = :org AND b.id = :id"
                + (forUpdate ? " FOR UPDATE OF b" : ""))
        .bind("org", orgId)
        .bind("id", id)
        .map(BINDING)
        .findOne()
        .orElseThrow(() -> new NotFound("role binding", Long.toString(id)));
  }

  private static User findUser(Handle h, String email) {
    if (!AuthService.plausibleEmail(email)) {
      return null;
    }
    return h.createQuery("SELECT * FROM users WHERE lower(email) = lower(:email)")
        .bind("email", email)
        .map(USER)
        .findOne()
        .orElse(null);
  }

  private static Role role(Input in) {
    String text = in.text("role", true);
    if (text == null) {
      return null;
    }
    for (Role role : Role.values()) {
      if (role.wire().equals(text)) {
        return role;
      }
    }
    in.problem("/role", "must be owner, admin, editor or viewer");
    return null;
  }

  private static void audit(
      Handle h,
      long orgId,
      Actor actor,
      String verb,
      RoleBinding binding,
      RoleBinding before,
      RoleBinding after,
      Instant now) {
    AuditLog.record(
        h,
        orgId,
        actor,
        "member." + verb,
        "role_binding",
        binding.org() + "/" + binding.id(),
        before,
        after,
        now);
  }

  private static long parseId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ValidationFailed.of("/cursor", "invalid cursor");
    }
  }
}
