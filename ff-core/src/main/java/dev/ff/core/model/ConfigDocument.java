package dev.ff.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One environment's configuration: the unit of publishing and distribution.
 *
 * @param env the environment key
 * @param project the project key
 * @param version the version, at least 1
 * @param publishedAt the RFC 3339 publication time, or null
 * @param salt the environment's hex salt used for bucketing
 * @param flags flags by key, in document order
 * @param segments segments by key, in document order
 */
public record ConfigDocument(
    String env,
    String project,
    long version,
    String publishedAt,
    String salt,
    Map<String, Flag> flags,
    Map<String, Segment> segments) {
  /** Checks the members and copies the maps, keeping their order. */
  public ConfigDocument {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(salt, "salt");
    flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
    segments =
        segments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(segments));
  }
}
