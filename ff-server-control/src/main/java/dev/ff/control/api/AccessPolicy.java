package dev.ff.control.api;

import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.Role;
import dev.ff.server.http.Authorizer;
import dev.ff.server.http.Principal;
import dev.ff.server.http.ProblemException;
import dev.ff.server.http.Request;
import dev.ff.server.http.Route;
import java.util.Map;
import java.util.Optional;

/**
 * The single authorization point of the control plane: a table from route ({@code "METHOD
 * template"}) to {@link Access}, filled by {@link ApiRouter} as modules register routes. A route
 * without an entry is refused (deny by default), except the server's admin-only debug routes, which
 * the root admin may call.
 *
 * <p>Rules: the root admin may do everything. An admin token acts only inside its own organisation
 * (another organisation's paths answer 403), and an environment-scoped admin token only on paths of
 * its environment. SDK tokens may only read the config (and its stream) of their own environment.
 * Which role a principal holds is asked of the {@link RoleResolver}: today admin tokens hold {@link
 * Role#ADMIN} in their organisation; user sessions and role bindings can plug in there.
 */
public final class AccessPolicy implements Authorizer {

  /** Tells which role a principal holds over an organisation (and optionally an environment). */
  @FunctionalInterface
  public interface RoleResolver {

    /** Admin tokens are admins of their organisation; SDK tokens hold no role. */
    RoleResolver TOKENS =
        (principal, org, env) ->
            principal.isAdminToken() && principal.org().orElseThrow().equals(org)
                ? Optional.of(Role.ADMIN)
                : Optional.empty();

    /**
     * The role of a principal.
     *
     * @param principal who (never the root admin)
     * @param org the organisation key in the path
     * @param env the environment in the path, if the route has one
     * @return the role, empty for none
     */
    Optional<Role> roleOf(ApiPrincipal principal, String org, Optional<EnvRef> env);
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
    this.roles = roles;
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
      case ROOT -> throw ProblemException.forbidden("Only the bootstrap admin may do this");
      case ANY_ADMIN -> {
        if (!caller.isAdminToken()) {
          throw ProblemException.forbidden("An admin token is required");
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
        Optional<EnvRef> target = pathEnv(request);
        if (caller.isSdkToken()) {
          if (!caller.env().equals(target)) {
            throw ProblemException.forbidden("SDK tokens may only read their own environment");
          }
          return;
        }
        requireRole(caller, request, access);
      }
      case ORG_READ, ORG_WRITE, ORG_ADMIN -> requireRole(caller, request, access);
    }
  }

  private void requireRole(ApiPrincipal caller, Request request, Access access) {
    if (caller.isSdkToken()) {
      throw ProblemException.forbidden("SDK tokens may only read configs");
    }
    String org = request.pathParams().get("org");
    if (org == null || !caller.org().orElseThrow().equals(org)) {
      throw ProblemException.forbidden("The token belongs to another organisation");
    }
    Optional<EnvRef> env = pathEnv(request);
    if (caller.env().isPresent() && !caller.env().equals(env)) {
      throw ProblemException.forbidden("The token is bound to another environment");
    }
    Role needed = access.minimumRole().orElseThrow();
    if (roles.roleOf(caller, org, env).filter(role -> role.covers(needed)).isEmpty()) {
      throw ProblemException.forbidden("Requires the role " + needed.wire() + " or higher");
    }
  }

  private static Optional<EnvRef> pathEnv(Request request) {
    Map<String, String> params = request.pathParams();
    if (params.containsKey("org") && params.containsKey("project") && params.containsKey("env")) {
      return Optional.of(new EnvRef(params.get("org"), params.get("project"), params.get("env")));
    }
    return Optional.empty();
  }
}
