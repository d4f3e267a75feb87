package dev.ff.control.api;

import static dev.ff.control.api.ResourceModules.ORG;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.ControlPlane;
import dev.ff.control.domain.AuditQuery;
import dev.ff.control.domain.Role;
import dev.ff.control.domain.RoleBinding;
import dev.ff.control.domain.Scope;
import dev.ff.control.domain.User;
import dev.ff.control.domain.ValidationFailed;
import dev.ff.control.tokens.CreatedToken;
import dev.ff.server.http.Request;
import dev.ff.server.http.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may do what: API tokens (the secret is returned once, on creation and rotation), users and
 * their passwords, role bindings ("members") and the audit log of an organisation. Rules that
 * depend on the body (only owners grant ownership; an admin sets the password only of users it has
 * authority over) are decided by the services from the caller's organisation-wide role, which the
 * {@link AccessPolicy.RoleResolver} tells.
 */
public final class AccessRoutes implements RouteModule {

  /** Overlap of a rotation when the body names none: the old secret works one more hour. */
  public static final int DEFAULT_OVERLAP_SECONDS = 3600;

  private final ControlPlane cp;
  private final AccessPolicy.RoleResolver roles;

  /**
   * The module.
   *
   * @param cp the services
   * @param roles tells the caller's role in an organisation
   */
  public AccessRoutes(ControlPlane cp, AccessPolicy.RoleResolver roles) {
    this.cp = cp;
    this.roles = roles;
  }

  /** The caller's organisation-wide role in an organisation. */
  private Optional<Role> authority(Request request, String org) {
    return roles.roleOf(Http.principal(request), Scope.org(org));
  }

  @Override
  public void register(ApiRouter api) {
    tokens(api);
    members(api);
    api.get(
        ORG + "/audit",
        Access.ORG_ADMIN,
        request ->
            Http.list(
                cp.audit()
                    .list(
                        Http.actor(request),
                        request.pathParam("org"),
                        auditQuery(request),
                        Http.page(request)),
                Views::audit));
  }

  private void tokens(ApiRouter api) {
    String tokens = ORG + "/tokens";
    String token = tokens + "/{id}";
    api.post(
        tokens,
        Access.ORG_ADMIN,
        request ->
            createdToken(
                request,
                cp.tokens().create(Http.actor(request), request.pathParam("org"), request.json())));
    api.get(
        tokens,
        Access.ORG_ADMIN,
        request ->
            Http.list(
                cp.tokens()
                    .list(
                        Http.actor(request),
                        request.pathParam("org"),
                        Http.page(request),
                        request.queryParam("includeRevoked").filter("true"::equals).isPresent()),
                Views::token));
    api.get(
        token,
        Access.ORG_ADMIN,
        request -> {
          var found =
              cp.tokens().get(Http.actor(request), request.pathParam("org"), tokenId(request));
          return Http.entity(Views.token(found), found.meta().version());
        });
    api.delete(
        token,
        Access.ORG_ADMIN,
        request -> {
          var revoked =
              cp.tokens().revoke(Http.actor(request), request.pathParam("org"), tokenId(request));
          return Http.entity(Views.token(revoked), revoked.meta().version());
        });
    api.post(
        token + "/rotate",
        Access.ORG_ADMIN,
        request -> {
          long id = tokenId(request);
          Duration overlap =
              Duration.ofSeconds(
                  Bodies.optionalInt(request, "overlapSeconds", 0, DEFAULT_OVERLAP_SECONDS));
          CreatedToken rotated =
              cp.tokens().rotate(Http.actor(request), request.pathParam("org"), id, overlap);
          String location = ORG.replace("{org}", request.pathParam("org")) + "/tokens/";
          return Http.created(
              location + rotated.token().id(),
              withSecret(rotated),
              rotated.token().meta().version());
        });
  }

  private void members(ApiRouter api) {
    String members = ORG + "/members";
    String member = members + "/{id}";
    api.get(
        members,
        Access.ORG_READ,
        request ->
            Http.list(
                cp.members()
                    .listBindings(
                        Http.actor(request), request.pathParam("org"), Http.page(request)),
                Views::member));
    api.post(
        members,
        Access.ORG_ADMIN,
        request -> {
          String org = request.pathParam("org");
          RoleBinding bound =
              cp.members().bind(Http.actor(request), org, request.json(), authority(request, org));
          return Http.created(
              Http.member(request, Long.toString(bound.id())),
              Views.member(bound),
              bound.meta().version());
        });
    api.patch(
        member,
        Access.ORG_ADMIN,
        request -> {
          long expected = Http.ifMatch(request);
          RoleBinding changed =
              cp.members()
                  .changeRole(
                      Http.actor(request),
                      request.pathParam("org"),
                      Http.id(request, "id", "member"),
                      role(Bodies.requiredText(request, "role")),
                      expected,
                      authority(request, request.pathParam("org")));
          return Http.entity(Views.member(changed), changed.meta().version());
        });
    api.delete(
        member,
        Access.ORG_ADMIN,
        request -> {
          long expected = Http.ifMatch(request);
          cp.members()
              .unbind(
                  Http.actor(request),
                  request.pathParam("org"),
                  Http.id(request, "id", "member"),
                  expected,
                  authority(request, request.pathParam("org")));
          return Response.noContent();
        });
    api.post(
        "/v1/users",
        Access.ANY_ADMIN,
        request -> {
          User user = cp.members().createUser(Http.actor(request), request.json());
          return Http.created(
              Http.member(request, user.email()), Views.user(user), user.meta().version());
        });
    api.get(
        "/v1/users/{email}",
        Access.ANY_ADMIN,
        request -> {
          User user = cp.members().getUser(Http.actor(request), request.pathParam("email"));
          return Http.entity(Views.user(user), user.meta().version());
        });
    api.post(
        "/v1/users/{email}/password",
        Access.ANY_ADMIN,
        request -> {
          User user =
              cp.auth()
                  .setPassword(
                      Http.actor(request),
                      request.pathParam("email"),
                      request.json(),
                      org -> authority(request, org));
          return Http.entity(Views.user(user), user.meta().version());
        });
  }

  private static long tokenId(Request request) {
    return Http.id(request, "id", "token");
  }

  private static Response createdToken(Request request, CreatedToken created) {
    return Http.created(
        Http.member(request, Long.toString(created.token().id())),
        withSecret(created),
        created.token().meta().version());
  }

  private static ObjectNode withSecret(CreatedToken created) {
    return Views.token(created.token()).put("secret", created.secret());
  }

  private static Role role(String wire) {
    for (Role role : Role.values()) {
      if (role.wire().equals(wire)) {
        return role;
      }
    }
    throw ValidationFailed.of("/role", "must be owner, admin, editor or viewer");
  }

  private static AuditQuery auditQuery(Request request) {
    return new AuditQuery(
        request.queryParam("resourceType"),
        request.queryParam("resourceKey"),
        request.queryParam("actorId"),
        request.queryParam("action"),
        instant(request, "from"),
        instant(request, "to"));
  }

  private static Optional<Instant> instant(Request request, String name) {
    Optional<String> text = request.queryParam(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
    } catch (DateTimeParseException e) {
      throw ValidationFailed.of(
          "/" + name,
          "expected an RFC 3339 date-time, got '" + text.get().toLowerCase(Locale.ROOT) + "'");
    }
  }
}
