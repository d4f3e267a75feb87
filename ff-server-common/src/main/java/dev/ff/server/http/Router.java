package dev.ff.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Immutable routing table built once at startup. Templates consist of literal segments and {@code
 * {name}} parameter segments; a literal segment wins over a parameter at the same position. A
 * trailing slash is ignored when matching.
 */
public final class Router {

  private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** Outcome of {@link #match(String, String)}. */
  public sealed interface Match permits Found, MethodNotAllowed, NotFound {}

  /**
   * A route matched.
   *
   * @param route the route
   * @param params decoded path parameters
   */
  public record Found(Route route, Map<String, String> params) implements Match {}

  /**
   * The path is known but not with this method.
   *
   * @param allowed methods the path supports, sorted
   */
  public record MethodNotAllowed(List<String> allowed) implements Match {}

  /** No route has this path. */
  public record NotFound() implements Match {}

  private static final class Node {
    final Map<String, Node> literals = new HashMap<>();
    Node param;
    String paramName;
    final Map<String, Route> byMethod = new TreeMap<>();
  }

  private final Node root;
  private final List<Route> routes;

  private Router(Node root, List<Route> routes) {
    this.root = root;
    this.routes = List.copyOf(routes);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every route, in registration order.
   *
   * @return the routes
   */
  public List<Route> routes() {
    return routes;
  }

  /**
   * Matches a request.
   *
   * @param method HTTP method
   * @param rawPath the path as sent (percent-encoded, without query)
   * @return the match
   * @throws ProblemException 400 when the path has malformed percent-encoding
   */
  public Match match(String method, String rawPath) {
    List<String> segments = segments(rawPath);
    List<String> decoded = new ArrayList<>(segments.size());
    for (String segment : segments) {
      decoded.add(decode(segment));
    }
    List<Node> candidates = new ArrayList<>();
    collect(root, decoded, 0, candidates);
    if (candidates.isEmpty()) {
      return new NotFound();
    }
    for (Node node : candidates) {
      Route route = node.byMethod.get(method);
      if (route != null) {
        return new Found(route, params(route.template(), decoded));
      }
    }
    return new MethodNotAllowed(List.copyOf(candidates.get(0).byMethod.keySet()));
  }

  private static void collect(Node node, List<String> segments, int index, List<Node> out) {
    if (index == segments.size()) {
      if (!node.byMethod.isEmpty()) {
        out.add(node);
      }
      return;
    }
    Node literal = node.literals.get(segments.get(index));
    if (literal != null) {
      collect(literal, segments, index + 1, out);
    }
    if (node.param != null && !segments.get(index).isEmpty()) {
      collect(node.param, segments, index + 1, out);
    }
  }

  private static Map<String, String> params(String template, List<String> decoded) {
    List<String> parts = segments(template);
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (isParam(part)) {
        params.put(part.substring(1, part.length() - 1), decoded.get(i));
      }
    }
    return Map.copyOf(params);
  }

  private static boolean isParam(String segment) {
    return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
  }

  static List<String> segments(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty() || p.equals("/")) {
      return List.of();
    }
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    return List.of(p.split("/", -1));
  }

  /** Percent-decodes one path segment ({@code +} stays a plus). */
  static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          throw ProblemException.badRequest("Malformed percent-encoding in path");
        }
        int hi = Character.digit(segment.charAt(i + 1), 16);
        int lo = Character.digit(segment.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw ProblemException.badRequest("Malformed percent-encoding in path");
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Collects routes; {@link #build()} checks them for conflicts. */
  public static final class Builder {

    private final List<Route> routes = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a route.
     *
     * @param route the route
     * @return this builder
     */
    public Builder route(Route route) {
      routes.add(Objects.requireNonNull(route, "route"));
      return this;
    }

    /**
     * Adds several routes (for example those of another router).
     *
     * @param more the routes
     * @return this builder
     */
    public Builder routes(List<Route> more) {
      more.forEach(this::route);
      return this;
    }

    /**
     * Adds a route.
     *
     * @param method HTTP method
     * @param template path template
     * @param handler the handler
     * @param options route options
     * @return this builder
     */
    public Builder add(String method, String template, Handler handler, RouteOptions options) {
      return route(new Route(method, template, handler, options));
    }

    /**
     * Adds a {@code GET} route with default options.
     *
     * @param template path template
     * @param handler the handler
     * @return this builder
     */
    public Builder get(String template, Handler handler) {
      return get(template, handler, RouteOptions.defaults());
    }

    /**
     * Adds a {@code GET} route.
     *
     * @param template path template
     * @param handler the handler
     * @param options route options
     * @return this builder
     */
    public Builder get(String template, Handler handler, RouteOptions options) {
      return add("GET", template, handler, options);
    }

    /**
     * Adds a {@code POST} route with default options.
     *
     * @param template path template
     * @param handler the handler
     * @return this builder
     */
    public Builder post(String template, Handler handler) {
      return post(template, handler, RouteOptions.defaults());
    }

    /**
     * Adds a {@code POST} route.
     *
     * @param template path template
     * @param handler the handler
     * @param options route options
     * @return this builder
     */
    public Builder post(String template, Handler handler, RouteOptions options) {
      return add("POST", template, handler, options);
    }

    /**
     * Adds a {@code PUT} route with default options.
     *
     * @param template path template
     * @param handler the handler
     * @return this builder
     */
    public Builder put(String template, Handler handler) {
      return put(template, handler, RouteOptions.defaults());
    }

    /**
     * Adds a {@code PUT} route.
     *
     * @param template path template
     * @param handler the handler
     * @param options route options
     * @return this builder
     */
    public Builder put(String template, Handler handler, RouteOptions options) {
      return add("PUT", template, handler, options);
    }

    /**
     * Adds a {@code PATCH} route with default options.
     *
     * @param template path template
     * @param handler the handler
     * @return this builder
     */
    public Builder patch(String template, Handler handler) {
      return patch(template, handler, RouteOptions.defaults());
    }

    /**
     * Adds a {@code PATCH} route.
     *
     * @param template path template
     * @param handler the handler
     * @param options route options
     * @return this builder
     */
    public Builder patch(String template, Handler handler, RouteOptions options) {
      return add("PATCH", template, handler, options);
    }

    /**
     * Adds a {@code DELETE} route with default options.
     *
     * @param template path template
     * @param handler the handler
     * @return this builder
     */
    public Builder delete(String template, Handler handler) {
      return delete(template, handler, RouteOptions.defaults());
    }

    /**
     * Adds a {@code DELETE} route.
     *
     * @param template path template
     * @param handler the handler
     * @param options route options
     * @return this builder
     */
    public Builder delete(String template, Handler handler, RouteOptions options) {
      return add("DELETE", template, handler, options);
    }

    /**
     * Builds the router.
     *
     * @return the router
     * @throws IllegalArgumentException on a malformed template, a duplicate route, or two parameter
     *     names at the same position
     */
    public Router build() {
      Node root = new Node();
      for (Route route : routes) {
        Node node = root;
        for (String part : segments(route.template())) {
          if (part.contains("{") || part.contains("}")) {
            if (!isParam(part)) {
              throw new IllegalArgumentException(
                  "parameters must span a whole segment: " + route.template());
            }
            String name = part.substring(1, part.length() - 1);
            if (!PARAM_NAME.matcher(name).matches()) {
              throw new IllegalArgumentException("bad parameter name in " + route.template());
            }
            if (node.param == null) {
              node.param = new Node();
              node.paramName = name;
            } else if (!node.paramName.equals(name)) {
              throw new IllegalArgumentException(
                  "conflicting parameter names {"
                      + node.paramName
                      + "} and {"
                      + name
                      + "} in "
                      + route.template());
            }
            node = node.param;
          } else if (part.isEmpty()) {
            throw new IllegalArgumentException("empty segment in " + route.template());
          } else {
            node = node.literals.computeIfAbsent(part, k -> new Node());
          }
        }
        if (node.byMethod.putIfAbsent(route.method(), route) != null) {
          throw new IllegalArgumentException(
              "duplicate route " + route.method() + " " + route.template());
        }
      }
      return new Router(root, routes);
    }
  }
}
