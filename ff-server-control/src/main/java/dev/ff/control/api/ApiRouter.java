package dev.ff.control.api;

import dev.ff.control.domain.DomainException;
import dev.ff.server.http.Handler;
import dev.ff.server.http.RouteOptions;
import dev.ff.server.http.Router;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the routes of {@link RouteModule}s: each route is registered with its {@link Access}
 * rule (which becomes its entry in the {@link AccessPolicy} table) and its handler is wrapped so
 * that domain refusals become problems through {@link ApiErrors}.
 */
public final class ApiRouter {

  private final Router.Builder routes = Router.builder();
  private final Map<String, Access> table = new LinkedHashMap<>();
  private final RouteOptions defaults;

  /**
   * A router whose routes use the given options unless told otherwise.
   *
   * @param defaults options of every route (for example a rate-limit class)
   */
  public ApiRouter(RouteOptions defaults) {
    this.defaults = Objects.requireNonNull(defaults, "defaults");
  }

  /**
   * The options routes get unless told otherwise, to derive a route's own options from.
   *
   * @return the default options
   */
  public RouteOptions defaults() {
    return defaults;
  }

  /**
   * Registers a module.
   *
   * @param module the module
   * @return this router
   */
  public ApiRouter module(RouteModule module) {
    module.register(this);
    return this;
  }

  /**
   * Adds a route with the default options.
   *
   * @param method HTTP method
   * @param template path template
   * @param access who may call it
   * @param handler the handler
   * @return this router
   */
  public ApiRouter add(String method, String template, Access access, Handler handler) {
    return add(method, template, access, defaults, handler);
  }

  /**
   * Adds a route. A {@link Access#PUBLIC} route is made public (no principal needed).
   *
   * @param method HTTP method
   * @param template path template
   * @param access who may call it
   * @param options route options
   * @param handler the handler
   * @return this router
   */
  public ApiRouter add(
      String method, String template, Access access, RouteOptions options, Handler handler) {
    Objects.requireNonNull(access, "access");
    RouteOptions effective = access == Access.PUBLIC ? options.publicRoute() : options;
    routes.add(method, template, mapErrors(handler), effective);
    table.put(AccessPolicy.key(method, template), access);
    return this;
  }

  /**
   * Adds a {@code GET} route.
   *
   * @param template path template
   * @param access who may call it
   * @param handler the handler
   * @return this router
   */
  public ApiRouter get(String template, Access access, Handler handler) {
    return add("GET", template, access, handler);
  }

  /**
   * Adds a {@code POST} route.
   *
   * @param template path template
   * @param access who may call it
   * @param handler the handler
   * @return this router
   */
  public ApiRouter post(String template, Access access, Handler handler) {
    return add("POST", template, access, handler);
  }

  /**
   * Adds a {@code PATCH} route.
   *
   * @param template path template
   * @param access who may call it
   * @param handler the handler
   * @return this router
   */
  public ApiRouter patch(String template, Access access, Handler handler) {
    return add("PATCH", template, access, handler);
  }

  /**
   * Adds a {@code DELETE} route.
   *
   * @param template path template
   * @param access who may call it
   * @param handler the handler
   * @return this router
   */
  public ApiRouter delete(String template, Access access, Handler handler) {
    return add("DELETE", template, access, handler);
  }

  /**
   * The routes registered so far.
   *
   * @return a router
   */
  public Router router() {
    return routes.build();
  }

  /**
   * The access table of the routes registered so far.
   *
   * @return route key to rule
   */
  public Map<String, Access> accessTable() {
    return Map.copyOf(table);
  }

  private static Handler mapErrors(Handler handler) {
    return request -> {
      try {
        return handler.handle(request);
      } catch (DomainException e) {
        throw ApiErrors.toProblem(e);
      }
    };
  }
}
