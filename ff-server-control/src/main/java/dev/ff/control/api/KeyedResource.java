package dev.ff.control.api;

import dev.ff.control.domain.Meta;
import dev.ff.control.service.ResourceOperations;
import dev.ff.server.http.Request;
import java.util.Objects;
import java.util.function.Function;

/**
 * The routes of one keyed resource, all with the same shape: {@code POST <collection>} creates (201
 * + {@code Location} + {@code ETag}), {@code GET <collection>} lists, {@code GET <item>} reads
 * ({@code ETag}), {@code PATCH <item>} merge-patches and {@code DELETE <item>} archives (both with
 * {@code If-Match}), {@code POST <item>/restore} restores ({@code If-Match}). Each handler parses
 * the request, calls one service method and renders the result.
 *
 * @param collection the collection template, e.g. {@code /v1/orgs/{org}/projects}
 * @param keyParam the item parameter name, e.g. {@code project}
 * @param rules who may call which route
 * @param scope reads the parent scope from the path
 * @param service the service methods
 * @param view renders a resource
 * @param key the key of a resource
 * @param meta the bookkeeping of a resource
 * @param <S> the scope type
 * @param <T> the resource type
 */
public record KeyedResource<S, T>(
    String collection,
    String keyParam,
    Rules rules,
    Function<Request, S> scope,
    ResourceOperations<S, T> service,
    Function<T, ?> view,
    Function<T, String> key,
    Function<T, Meta> meta)
    implements RouteModule {

  /**
   * Access rules of the resource's routes.
   *
   * @param create {@code POST <collection>}
   * @param list {@code GET <collection>}
   * @param read {@code GET <item>}
   * @param write {@code PATCH}
   * @param archive {@code DELETE} and {@code restore}
   */
  public record Rules(Access create, Access list, Access read, Access write, Access archive) {

    /**
     * The rules of resources inside an organisation: read for reads, write for changes.
     *
     * @param read the read rule
     * @param write the write rule
     * @return the rules
     */
    public static Rules of(Access read, Access write) {
      return new Rules(write, read, read, write, write);
    }
  }

  /** Checks the members. */
  public KeyedResource {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(keyParam, "keyParam");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(meta, "meta");
  }

  /**
   * The item template.
   *
   * @return {@code <collection>/{<keyParam>}}
   */
  public String item() {
    return collection + "/{" + keyParam + "}";
  }

  @Override
  public void register(ApiRouter api) {
    api.post(
        collection,
        rules.create(),
        request -> {
          T created = service.create(Http.actor(request), scope.apply(request), request.json());
          Meta m = meta.apply(created);
          return Http.created(
              Http.member(request, key.apply(created)), view.apply(created), m.version());
        });
    api.get(
        collection,
        rules.list(),
        request ->
            Http.list(
                service.list(
                    Http.actor(request),
                    scope.apply(request),
                    Http.page(request),
                    Http.filter(request)),
                view));
    api.get(
        item(),
        rules.read(),
        request -> render(service.get(Http.actor(request), scope.apply(request), keyIn(request))));
    api.patch(
        item(),
        rules.write(),
        request -> {
          long expected = Http.ifMatch(request);
          return render(
              service.update(
                  Http.actor(request),
                  scope.apply(request),
                  keyIn(request),
                  request.json(),
                  expected));
        });
    api.delete(
        item(),
        rules.archive(),
        request ->
            render(
                service.archive(
                    Http.actor(request),
                    scope.apply(request),
                    keyIn(request),
                    Http.ifMatch(request))));
    api.post(
        item() + "/restore",
        rules.archive(),
        request ->
            render(
                service.restore(
                    Http.actor(request),
                    scope.apply(request),
                    keyIn(request),
                    Http.ifMatch(request))));
  }

  private String keyIn(Request request) {
    return request.pathParam(keyParam);
  }

  private dev.ff.server.http.Response render(T resource) {
    return Http.entity(view.apply(resource), meta.apply(resource).version());
  }
}
