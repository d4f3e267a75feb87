package dev.ff.control.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.service.Input;
import dev.ff.server.http.Request;
import java.util.List;
import java.util.Optional;

/**
 * Reads the small bodies of action routes (rollback, experiment stop, token rotation, role change)
 * with the services' {@link Input}, so unknown members and wrong types answer 422 with JSON
 * Pointers like every other body.
 */
final class Bodies {

  private Bodies() {}

  /**
   * A required integer member of the JSON body.
   *
   * @param request the request
   * @param name the member, the only one allowed
   * @param min the lowest value
   * @return the value
   */
  static int requiredInt(Request request, String name, int min) {
    Input in = Input.of(request.json(), List.of(name));
    Integer value = in.integer(name, min, Integer.MAX_VALUE, null);
    if (value == null && !in.hasProblems()) {
      in.problem(Input.pointer(name), "required");
    }
    in.check();
    return value;
  }

  /**
   * An optional integer member of an optional JSON body.
   *
   * @param request the request
   * @param name the member, the only one allowed
   * @param min the lowest value
   * @param fallback the value when absent
   * @return the value
   */
  static int optionalInt(Request request, String name, int min, int fallback) {
    Input in = Input.of(Http.optionalBody(request), List.of(name));
    Integer value = in.integer(name, min, Integer.MAX_VALUE, fallback);
    in.check();
    return value;
  }

  /**
   * An optional string member of an optional JSON body.
   *
   * @param request the request
   * @param name the member, the only one allowed
   * @return the value
   */
  static Optional<String> optionalText(Request request, String name) {
    Input in = Input.of(Http.optionalBody(request), List.of(name));
    String value = in.text(name, false);
    in.check();
    return Optional.ofNullable(value);
  }

  /**
   * A required string member of the JSON body.
   *
   * @param request the request
   * @param name the member, the only one allowed
   * @return the value
   */
  static String requiredText(Request request, String name) {
    JsonNode body = request.json();
    Input in = Input.of(body, List.of(name));
    String value = in.text(name, true);
    in.check();
    return value;
  }
}
