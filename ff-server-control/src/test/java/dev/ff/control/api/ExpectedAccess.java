package dev.ff.control.api;

import dev.ff.control.domain.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The test's own statement of who may call what, written from the access rules' documentation
 * (docs/security.md) and independent of the server's implementation (no jCasbin, no {@code Scope}
 * class): a route's {@link Access} rule, its minimum role, and whether a grant's scope covers the
 * scope the path addresses (a path of keys: {@code acme}, {@code acme/shop}, {@code
 * acme/shop/prod}; a grant covers its own path and every path below it).
 */
final class ExpectedAccess {

  /** ff-server-common's public probes: no {@code AccessPolicy} entry, everyone may call them. */
  static final Set<String> BUILT_IN_PUBLIC = Set.of("/live", "/ready", "/metrics");

  /** ff-server-common's admin-only diagnostics: no entry, only the root admin. */
  static final Set<String> BUILT_IN_ADMIN_ONLY = Set.of("/debug/threads", "/debug/jfr");

  /** The kinds of callers the matrix tries. */
  enum Kind {
    ROOT,
    USER_SESSION,
    OIDC_USER,
    API_TOKEN,
    ORG_ADMIN_TOKEN,
    ENV_ADMIN_TOKEN,
    SDK_TOKEN
  }

  /**
   * A role on a scope path.
   *
   * @param scope {@code org}, {@code org/project} or {@code org/project/env}
   * @param role the role
   */
  record TestGrant(String scope, Role role) {}

  /**
   * A caller of the matrix.
   *
   * @param label for failure messages
   * @param kind what it presents
   * @param grants the roles it holds, the implicit admin role of admin tokens included
   * @param boundEnv the environment a token is bound to ({@code org/project/env}), if any
   * @param bearer the credential
   */
  record Subject(
      String label, Kind kind, List<TestGrant> grants, Optional<String> boundEnv, String bearer) {
    @Override
    public String toString() {
      return label;
    }
  }

  private ExpectedAccess() {}

  /**
   * Whether a subject may call a route.
   *
   * @param table the policy table ({@code "METHOD template"} to rule)
   * @param method the route's method
   * @param template the route's template
   * @param params the path parameters the request uses
   * @param subject the caller
   * @return true when the call must not be refused with 401/403
   * @throws AssertionError when the route has no entry in the table (and is not a built-in), or its
   *     rule has no expectation here
   */
  static boolean allowed(
      Map<String, Access> table,
      String method,
      String template,
      Map<String, String> params,
      Subject subject) {
    Access access = table.get(method + " " + template);
    if (access == null) {
      if (BUILT_IN_PUBLIC.contains(template)) {
        return true;
      }
      if (BUILT_IN_ADMIN_ONLY.contains(template)) {
        return subject.kind() == Kind.ROOT;
      }
      throw new AssertionError(
          "route "
              + method
              + " "
              + template
              + " has no entry in the AccessPolicy table: register it through ApiRouter with an"
              + " Access rule");
    }
    boolean sdk = subject.kind() == Kind.SDK_TOKEN;
    if (subject.kind() == Kind.ROOT) {
      return access != Access.CONFIG_BY_KEY && access != Access.ENV_TOKEN;
    }
    switch (access) {
      case PUBLIC:
      case AUTHENTICATED:
        return true;
      case ROOT:
        return false;
      case ANY_ADMIN:
        return !sdk
            && subject.grants().stream()
                .anyMatch(g -> !g.scope().contains("/") && g.role().covers(Role.ADMIN));
      case CONFIG_BY_KEY:
        return subject.boundEnv().map(e -> e.endsWith("/" + params.get("envKey"))).orElse(false);
      case ENV_TOKEN:
        return subject.boundEnv().isPresent();
      case CONFIG:
        if (sdk) {
          return subject.boundEnv().equals(Optional.of(pathScope(params)));
        }
        return holds(subject, pathScope(params), access.minimumRole().orElseThrow());
      case ORG_READ:
      case ORG_WRITE:
      case ORG_ADMIN:
      case ORG_OWNER:
        return !sdk && holds(subject, pathScope(params), access.minimumRole().orElseThrow());
      default:
        throw new AssertionError("no expectation for the access rule " + access);
    }
  }

  /** The path's scope: {@code org[/project[/env]]}. */
  static String pathScope(Map<String, String> params) {
    StringBuilder scope = new StringBuilder(params.get("org"));
    if (params.containsKey("project")) {
      scope.append('/').append(params.get("project"));
      if (params.containsKey("env")) {
        scope.append('/').append(params.get("env"));
      }
    }
    return scope.toString();
  }

  private static boolean holds(Subject subject, String scope, Role needed) {
    return subject.grants().stream()
        .filter(g -> scope.equals(g.scope()) || scope.startsWith(g.scope() + "/"))
        .anyMatch(g -> g.role().covers(needed));
  }
}
