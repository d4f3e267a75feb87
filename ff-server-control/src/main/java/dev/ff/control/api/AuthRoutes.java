package dev.ff.control.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.auth.AuthService;
import dev.ff.control.auth.CreatedSession;
import dev.ff.control.auth.PasswordChange;
import dev.ff.control.domain.InvalidState;
import dev.ff.control.domain.User;
import dev.ff.control.store.Json;
import dev.ff.server.http.ProblemException;
import dev.ff.server.http.Response;
import java.util.Objects;

/**
 * Sign-in and the caller's own identity: {@code POST /v1/auth/login} (public) answers a session
 * token once; {@code POST /v1/auth/logout} ends the session making the request; {@code GET
 * /v1/auth/me} tells who the caller is and which roles it holds; {@code POST /v1/auth/password}
 * changes the caller's own password.
 */
public final class AuthRoutes implements RouteModule {

  /** The detail of every failed sign-in, whatever the reason (no account enumeration). */
  public static final String LOGIN_FAILED = "Invalid email or password";

  private final AuthService auth;

  /**
   * The module.
   *
   * @param auth the sign-in service
   */
  public AuthRoutes(AuthService auth) {
    this.auth = Objects.requireNonNull(auth, "auth");
  }

  @Override
  public void register(ApiRouter api) {
    api.add(
        "POST",
        "/v1/auth/login",
        Access.PUBLIC,
        api.defaults().rateLimitClass(ControlApi.LOGIN_RATE_LIMIT_CLASS),
        request -> {
          CreatedSession created =
              auth.login(request.json(), request.correlationId())
                  .orElseThrow(() -> ProblemException.unauthorized(LOGIN_FAILED));
          ObjectNode body =
              Json.object()
                  .put("token", created.secret())
                  .put("expiresAt", created.session().expiresAt().toString());
          body.set("user", Views.user(created.session().user()));
          return Response.ok(body).header("Cache-Control", "no-store");
        });
    api.post(
        "/v1/auth/logout",
        Access.AUTHENTICATED,
        request -> {
          ApiPrincipal caller = Http.principal(request);
          long session =
              caller
                  .sessionId()
                  .orElseThrow(
                      () ->
                          new InvalidState(
                              "only a session signs out; revoke API tokens with DELETE"
                                  + " /v1/orgs/{org}/tokens/{id}, and OIDC tokens expire at"
                                  + " the provider's pace"));
          auth.logout(Http.actor(request), session);
          return Response.noContent();
        });
    api.get(
        "/v1/auth/me",
        Access.AUTHENTICATED,
        request -> Response.ok(Views.me(Http.principal(request))));
    api.post(
        "/v1/auth/password",
        Access.AUTHENTICATED,
        request -> {
          PasswordChange change = PasswordChange.parse(request.json());
          ApiPrincipal caller = Http.principal(request);
          User user =
              caller
                  .user()
                  .orElseThrow(
                      () -> new InvalidState("only users have passwords; this caller is not one"));
          auth.changePassword(Http.actor(request), user.meta().id(), caller.sessionId(), change);
          return Response.noContent();
        });
  }
}
