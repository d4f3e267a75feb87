package dev.ff.control.api;

import dev.ff.control.auth.RbacPolicy;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.Grant;
import dev.ff.control.domain.ProjectRef;
import dev.ff.control.domain.Role;
import dev.ff.control.domain.Scope;
import dev.ff.server.http.Authorizer;
import dev.ff.server.http.Principal;
import dev.ff.server.http.ProblemException;
import dev.ff.server.http.Request;
import dev.ff.server.http.Route;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The single authorization point of the control plane: a table from route ({@code "METHOD
 * template"}) to {@link Access}, filled by {@link ApiRouter} as modules register routes. A route
 * without an entry is refused (deny by default), except the server's admin-only debug routes, which
 * the root admin may call.
 *
 * <p>Rules: the root admin may do everything (but the token-bound config and evaluation routes,
 * which name no environment). SDK tokens may only read the config (and its stream) of their own
 * environment. Everyone else needs the rule's minimum role on the scope the path addresses (its
 * {@code {org}}, {@code {project}} and {@code {env}} parameters); the {@link RoleResolver} tells
 * which role a principal holds there, from its grants: role bindings at organisation, project or
 * environment scope (a wider one covers the narrower ones; the highest covering role counts) and
 * the implicit admin role of an admin token on its own organisation or environment. Handlers stay
 * untouched: they never check roles themselves.
 */
public final class AccessPolicy implements Authorizer {

  /** Tells which role a principal holds on a scope. */
  @FunctionalInterface
  public interface RoleResolver {

    /**
     * The effective role of a principal.
     *
     * @param principal who
     * @param scope the addressed scope
     * @return the highest role any of the principal's grants gives on the scope; empty for none
     */
    Optional<Role> roleOf(ApiPrincipal principal, Scope scope);

    /**
     * The resolver of the control plane: the root admin is owner everywhere; anyone else's grants
     * are evaluated with jCasbin ({@link RbacPolicy}).
     *
     * @param policy the RBAC policy
     * @return the resolver
     */
    static RoleResolver of(RbacPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      return (principal, scope) ->
          principal.isRoot() ? Optional.of(Role.OWNER) : policy.roleOn(principal.grants(), scope);
    }
  }

  private final Map<String, Access> table;
  private final RoleResolver roles;

  /**
   * A policy.
   *
   * @param table route key ({@link #key(String, String)}) to access rule
   * @param roles the role resolver
   */
  public AccessPolicy(Map<String, Access> table, RoleResolver roles) {
    this.table = Map.copyOf(table);
    this.roles = Objects.requireNonNull(roles, "roles");
  }

  /**
   * The table key of a route.
   *
   * @param method HTTP method
   * @param template path template
   * @return {@code "METHOD template"}
   */
  public static String key(String method, String template) {
    return method + " " + template;
  }

  /**
   * The rule of a route.
   *
   * @param method HTTP method
   * @param template path template
   * @return the rule, empty when the route has none
   */
  public Optional<Access> rule(String method, String template) {
    return Optional.ofNullable(table.get(key(method, template)));
  }

  /**
   * The whole table.
   *
   * @return route key to rule
   */
  public Map<String, Access> table() {
    return table;
  }

  /**
   * The scope a request's path addresses: its environment, else its project, else its organisation.
   *
   * @param request the request
   * @return the scope; empty when the path names no organisation
   */
  public static Optional<Scope> pathScope(Request request) {
    Map<String, String> params = request.pathParams();
    String org = params.get("org");
    if (org == null) {
      return Optional.empty();
    }
    String project = params.get("project");
    if (project == null) {
      return Optional.of(Scope.org(org));
    }
    String env = params.get("env");
    return Optional.of(
        env == null
            ? Scope.project(new ProjectRef(org, project))
            : Scope.env(new EnvRef(org, project, env)));
  }

  @Override
  public void authorize(Principal principal, Request request, Route route) {
    if (!(principal instanceof ApiPrincipal caller)) {
      throw ProblemException.forbidden("Unknown kind of principal");
    }
    Access access = table.get(key(route.method(), route.template()));
    if (caller.isRoot()) {
      if (access == Access.CONFIG_BY_KEY) {
        throw ProblemException.forbidden(
            "This path is for environment-bound tokens; use"
                + " /v1/orgs/{org}/projects/{project}/environments/{env}/config");
      }
      if (access == Access.ENV_TOKEN) {
        throw ProblemException.forbidden("This path is for environment-bound (SDK) tokens");
      }
      return;
    }
    if (access == null) {
      throw ProblemException.forbidden("No access rule for this route");
    }
    switch (access) {
      case PUBLIC, AUTHENTICATED -> {}
      case ROOT -> throw ProblemException.forbidden("Only the bootstrap admin may do this");
      case ANY_ADMIN -> {
        if (caller.isSdkToken() || !adminOfSomeOrganisation(caller)) {
          throw ProblemException.forbidden(
              "Requires the role admin or higher on a whole organisation");
        }
      }
      case CONFIG_BY_KEY -> {
        String envKey = request.pathParam("envKey");
        if (caller.env().filter(env -> env.env().equals(envKey)).isEmpty()) {
          throw ProblemException.forbidden(
              "The token is not bound to an environment with key '" + envKey + "'");
        }
      }
      case ENV_TOKEN -> {
        if (caller.env().isEmpty()) {
          throw ProblemException.forbidden("A token bound to an environment is required");
        }
      }
      case CONFIG -> {
        if (caller.isSdkToken()) {
          Optional<EnvRef> target = pathScope(request).flatMap(Scope::envRef);
          if (!caller.env().equals(target)) {
            throw ProblemException.forbidden("SDK tokens may only read their own environment");
          }
          return;
        }
        requireRole(caller, request, access);
      }
      case ORG_READ, ORG_WRITE, ORG_ADMIN, ORG_OWNER -> requireRole(caller, request, access);
    }
  }

  /**
   * The role a principal holds on a scope (the root admin: owner).
   *
   * @param principal who
   * @param scope where
   * @return the role, empty for none
   */
  public Optional<Role> roleOf(ApiPrincipal principal, Scope scope) {
    return roles.roleOf(principal, scope);
  }

  private boolean adminOfSomeOrganisation(ApiPrincipal caller) {
    return caller.grants().stream()
        .map(Grant::scope)
        .map(Scope::org)
        .distinct()
        .anyMatch(
            org ->
                roles.roleOf(caller, Scope.org(org)).filter(r -> r.covers(Role.ADMIN)).isPresent());
  }

  private void requireRole(ApiPrincipal caller, Request request, Access access) {
    if (caller.isSdkToken()) {
      throw ProblemException.forbidden("SDK tokens may only read configs");
    }
    Scope scope =
        pathScope(request)
            .orElseThrow(() -> ProblemException.forbidden("This route names no organisation"));
    Role needed = access.minimumRole().orElseThrow();
    Optional<Role> held = roles.roleOf(caller, scope);
    if (held.filter(role -> role.covers(needed)).isEmpty()) {
      throw ProblemException.forbidden(
          "Requires the role "
              + needed.wire()
              + " or higher on "
              + scope
              + held.map(r -> " (you have " + r.wire() + ")").orElse(" (you have no role there)"));
    }
  }
}
