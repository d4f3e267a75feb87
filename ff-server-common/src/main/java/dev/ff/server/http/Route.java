package dev.ff.server.http;

import java.util.Locale;
import java.util.Objects;

/**
 * One route of a {@link Router}.
 *
 * @param method HTTP method, upper case
 * @param template path template such as {@code /v1/orgs/{org}}
 * @param handler the handler
 * @param options how the server treats it
 */
public record Route(String method, String template, Handler handler, RouteOptions options) {

  /** Validates and normalises the fields. */
  public Route {
    method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(options, "options");
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("template must start with '/': " + template);
    }
  }
}
