package dev.ff.control.domain;

/**
 * An environment of a project (development, production…): the unit of publishing.
 *
 * @param org the organisation key
 * @param project the project key
 * @param key the environment key
 * @param name the display name
 * @param salt the bucketing salt, 16 random bytes as lowercase hex; never changes
 * @param prod whether this is a production environment
 * @param meta bookkeeping
 */
public record Environment(
    String org, String project, String key, String name, String salt, boolean prod, Meta meta) {

  /**
   * The address of this environment.
   *
   * @return the reference
   */
  public EnvRef ref() {
    return new EnvRef(org, project, key);
  }
}
