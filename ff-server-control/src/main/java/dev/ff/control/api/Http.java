package dev.ff.control.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.ListFilter;
import dev.ff.control.domain.NotFound;
import dev.ff.control.domain.Page;
import dev.ff.control.domain.PageRequest;
import dev.ff.control.domain.ProjectRef;
import dev.ff.control.domain.ValidationFailed;
import dev.ff.server.http.FieldError;
import dev.ff.server.http.ProblemException;
import dev.ff.server.http.Request;
import dev.ff.server.http.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The request/response plumbing every handler shares, each concern in one place: the caller's
 * actor, path scopes, {@code If-Match}, paging and filter parameters, and rendering single
 * resources (with {@code ETag}) and lists ({@code {"items", "nextCursor"}}).
 */
public final class Http {

  private Http() {}

  /**
   * The actor of a request (its principal, with the request's correlation id).
   *
   * @param request the request
   * @return the actor
   */
  public static Actor actor(Request request) {
    return request
        .principal()
        .filter(ApiPrincipal.class::isInstance)
        .map(p -> ((ApiPrincipal) p).actor(request.correlationId()))
        .orElseThrow(() -> ProblemException.unauthorized("Authentication required"));
  }

  /**
   * The authenticated principal of a request.
   *
   * @param request the request
   * @return the principal
   */
  public static ApiPrincipal principal(Request request) {
    return request
        .principal()
        .filter(ApiPrincipal.class::isInstance)
        .map(ApiPrincipal.class::cast)
        .orElseThrow(() -> ProblemException.unauthorized("Authentication required"));
  }

  /**
   * The project addressed by {@code {org}/{project}}.
   *
   * @param request the request
   * @return the reference
   */
  public static ProjectRef project(Request request) {
    return new ProjectRef(request.pathParam("org"), request.pathParam("project"));
  }

  /**
   * The environment addressed by {@code {org}/{project}/{env}}.
   *
   * @param request the request
   * @return the reference
   */
  public static EnvRef env(Request request) {
    return new EnvRef(
        request.pathParam("org"), request.pathParam("project"), request.pathParam("env"));
  }

  /**
   * The quoted entity tag of a version.
   *
   * @param version the version
   * @return {@code "<version>"}
   */
  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version a conditional write is based on, from {@code If-Match: "<version>"}.
   *
   * @param request the request
   * @return the version
   * @throws ProblemException 428 when the header is missing, 400 when it is not a version tag
   */
  public static long ifMatch(Request request) {
    String value =
        request
            .header("If-Match")
            .orElseThrow(
                () ->
                    ProblemException.preconditionRequired(
                        "This write requires If-Match: \"<version>\" (the ETag of a GET)"));
    String tag = value.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      long version = Long.parseLong(tag);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.badRequest(
        "If-Match must be one entity tag \"<version>\"",
        List.of(new FieldError("/If-Match", "expected \"<version>\", got " + value)));
  }

  /**
   * The page requested by {@code ?limit=&cursor=}.
   *
   * @param request the request
   * @return the page request
   * @throws ValidationFailed at {@code /limit} for a non-numeric or non-positive limit
   */
  public static PageRequest page(Request request) {
    int limit = PageRequest.DEFAULT_LIMIT;
    Optional<String> text = request.queryParam("limit");
    if (text.isPresent()) {
      try {
        limit = Integer.parseInt(text.get());
      } catch (NumberFormatException e) {
        throw ValidationFailed.of(
            "/limit", "must be an integer between 1 and " + PageRequest.MAX_LIMIT);
      }
    }
    return new PageRequest(request.queryParam("cursor").filter(c -> !c.isEmpty()), limit);
  }

  /**
   * The filters of {@code ?prefix=&archived=&tag=&status=}. {@code archived} is {@code false} (live
   * resources only) by default, {@code true} for archived ones only, {@code all} for both.
   *
   * @param request the request
   * @return the filter
   * @throws ValidationFailed at {@code /archived} for another value
   */
  public static ListFilter filter(Request request) {
    ListFilter filter = ListFilter.none();
    String archived = request.queryParam("archived").orElse("false");
    switch (archived) {
      case "false" -> filter = filter.withArchived(false);
      case "true" -> filter = filter.withArchived(true);
      case "all" -> {}
      default -> throw ValidationFailed.of("/archived", "must be true, false or all");
    }
    Optional<String> prefix = request.queryParam("prefix").filter(p -> !p.isEmpty());
    if (prefix.isPresent()) {
      filter = filter.withKeyPrefix(prefix.get());
    }
    Optional<String> tag = request.queryParam("tag").filter(p -> !p.isEmpty());
    if (tag.isPresent()) {
      filter = filter.withTag(tag.get());
    }
    Optional<String> status = request.queryParam("status").filter(p -> !p.isEmpty());
    if (status.isPresent()) {
      filter = filter.withStatus(status.get());
    }
    return filter;
  }

  /**
   * A JSON body that may be absent: an empty body reads as {@code {}}.
   *
   * @param request the request
   * @return the parsed body
   */
  public static JsonNode optionalBody(Request request) {
    return request.body().length == 0 ? JsonNodeFactory.instance.objectNode() : request.json();
  }

  /**
   * A numeric id in the path; anything else cannot name a resource.
   *
   * @param request the request
   * @param name the path parameter
   * @param resourceType the resource type for the 404
   * @return the id
   * @throws NotFound when the parameter is not a positive number
   */
  public static long id(Request request, String name, String resourceType) {
    String text = request.pathParam(name);
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new NotFound(resourceType, text);
  }

  /**
   * {@code 200} with a resource and its {@code ETag}.
   *
   * @param body the rendered resource
   * @param version its version
   * @return the response
   */
  public static Response entity(Object body, long version) {
    return Response.ok(body).header("ETag", etag(version));
  }

  /**
   * {@code 201} with a new resource, its {@code Location} and {@code ETag}.
   *
   * @param location the resource's path
   * @param body the rendered resource
   * @param version its version
   * @return the response
   */
  public static Response created(String location, Object body, long version) {
    return Response.created(body, location).header("ETag", etag(version));
  }

  /**
   * The path of a member of the requested collection.
   *
   * @param request a request on the collection
   * @param key the member's key or id
   * @return {@code <collection path>/<key>}
   */
  public static String member(Request request, String key) {
    String path = request.path();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path + "/" + key;
  }

  /**
   * {@code 200} with one page: {@code {"items": [...], "nextCursor": "…" | null}}.
   *
   * @param page the page
   * @param view renders one item
   * @param <T> the item type
   * @return the response
   */
  public static <T> Response list(Page<T> page, Function<T, ?> view) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.items().stream().map(view).toList());
    body.put("nextCursor", page.nextCursor().orElse(null));
    return Response.ok(body);
  }
}
