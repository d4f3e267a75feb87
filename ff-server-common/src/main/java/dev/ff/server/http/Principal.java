package dev.ff.server.http;

import java.util.Map;

/** Who sent a request, as established by an {@link Authenticator}. */
public interface Principal {

  /**
   * Stable identifier (also the rate-limit key of authenticated requests).
   *
   * @return the id
   */
  String id();

  /**
   * What kind of principal this is (for example {@code user}, {@code api-key}, {@code sdk-key}).
   *
   * @return the kind
   */
  String kind();

  /**
   * Further facts about the principal (roles, organisation, environment, …).
   *
   * @return the attributes
   */
  Map<String, Object> attributes();

  /**
   * A simple principal.
   *
   * @param id the id
   * @param kind the kind
   * @param attributes the attributes
   * @return the principal
   */
  static Principal of(String id, String kind, Map<String, Object> attributes) {
    return new BasicPrincipal(id, kind, Map.copyOf(attributes));
  }

  /**
   * A plain record implementation of {@link Principal}.
   *
   * @param id the id
   * @param kind the kind
   * @param attributes the attributes
   */
  record BasicPrincipal(String id, String kind, Map<String, Object> attributes)
      implements Principal {}
}
