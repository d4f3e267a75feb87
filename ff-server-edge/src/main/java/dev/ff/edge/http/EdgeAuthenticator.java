package dev.ff.edge.http;

import dev.ff.edge.replica.EnvironmentReplica;
import dev.ff.server.http.Authenticator;
import dev.ff.server.http.Principal;
import dev.ff.server.http.ProblemException;
import dev.ff.server.http.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <sdk token>}: the token must be the SDK token of one served
 * environment (compared in constant time against every configured token); the principal names that
 * environment ({@code attributes().get("env")}). No header → no principal (401 on protected
 * routes); an unknown token → 401.
 */
public final class EdgeAuthenticator implements Authenticator {

  /** Principal kind of an environment's SDK token. */
  public static final String KIND = "sdk-token";

  private record Entry(String envKey, byte[] token) {}

  private final List<Entry> entries;

  /**
   * An authenticator over the served replicas.
   *
   * @param replicas the replicas (each knows its token)
   */
  public EdgeAuthenticator(Collection<EnvironmentReplica> replicas) {
    this.entries =
        replicas.stream()
            .map(r -> new Entry(r.envKey(), r.sdkToken().getBytes(StandardCharsets.UTF_8)))
            .toList();
  }

  @Override
  public Optional<Principal> authenticate(Request request) {
    Optional<String> header = request.header("Authorization");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get();
    if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ProblemException.unauthorized("Expected Authorization: Bearer <sdk token>");
    }
    byte[] presented = value.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    String match = null;
    for (Entry entry : entries) { // no early exit: the time does not depend on which one matches
      if (MessageDigest.isEqual(entry.token(), presented) && match == null) {
        match = entry.envKey();
      }
    }
    if (match == null) {
      throw ProblemException.unauthorized("Unknown SDK token");
    }
    return Optional.of(Principal.of("env:" + match, KIND, Map.of("env", match)));
  }

  /**
   * The environment a request's principal is bound to.
   *
   * @param request an authenticated request
   * @return the environment key
   */
  static String boundEnv(Request request) {
    return request
        .principal()
        .map(p -> (String) p.attributes().get("env"))
        .orElseThrow(() -> ProblemException.unauthorized("Missing SDK token"));
  }
}
