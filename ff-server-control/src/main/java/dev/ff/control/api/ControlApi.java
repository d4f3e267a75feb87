package dev.ff.control.api;

import dev.ff.control.ControlPlane;
import dev.ff.control.auth.IdentityConfig;
import dev.ff.control.auth.OidcVerifier;
import dev.ff.control.auth.RbacPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The route modules of the control plane's {@code /v1} API. */
public final class ControlApi {

  /** The rate-limit class of every {@code /v1} route. */
  public static final String RATE_LIMIT_CLASS = "api";

  /**
   * The rate-limit class of sign-in ({@code POST /v1/auth/login}): attempts per client address,
   * stricter than {@link #RATE_LIMIT_CLASS} ({@code IdentityConfig#loginsPerMinute}).
   */
  public static final String LOGIN_RATE_LIMIT_CLASS = "login";

  private ControlApi() {}

  /**
   * Who the callers are and which roles they hold: the pieces {@link AccessPolicy} and the route
   * modules share.
   *
   * @param roles the role resolver (jCasbin over the callers' grants)
   * @param authenticator reads bearer credentials (root token, API tokens, sessions, OIDC JWTs)
   */
  public record Security(AccessPolicy.RoleResolver roles, BearerAuthenticator authenticator) {}

  /**
   * Builds the authenticator and the role resolver.
   *
   * @param cp the services
   * @param identity the sign-in settings (OIDC among them)
   * @param rootToken the bootstrap admin token
   * @param clock the clock OIDC tokens' {@code exp} and {@code nbf} are checked against
   * @return the pieces
   */
  public static Security security(
      ControlPlane cp, IdentityConfig identity, String rootToken, Clock clock) {
    return new Security(
        AccessPolicy.RoleResolver.of(new RbacPolicy()),
        new BearerAuthenticator(
            cp.tokens(),
            cp.auth(),
            identity.oidc().map(oidc -> new OidcVerifier(oidc, clock)),
            rootToken));
  }

  /**
   * Every module of the control plane.
   *
   * @param cp the services
   * @param streams the config streams
   * @param configMaxAge {@code Cache-Control: max-age} of config responses
   * @param roles tells callers' roles (for rules that depend on the body, such as granting
   *     ownership)
   * @return the modules
   */
  public static List<RouteModule> modules(
      ControlPlane cp,
      ConfigStreams streams,
      Duration configMaxAge,
      AccessPolicy.RoleResolver roles) {
    List<RouteModule> modules = new ArrayList<>(ResourceModules.all(cp));
    modules.add(new ActionRoutes(cp));
    modules.add(new AccessRoutes(cp, roles));
    modules.add(new AuthRoutes(cp.auth()));
    modules.add(new ConfigRoutes(cp, streams, configMaxAge));
    return List.copyOf(modules);
  }
}
