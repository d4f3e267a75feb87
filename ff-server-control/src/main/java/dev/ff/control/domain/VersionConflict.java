package dev.ff.control.domain;

/**
 * The caller's expected version is not the stored one: someone else changed the resource meanwhile.
 * HTTP 412 (the caller re-reads and retries).
 */
public final class VersionConflict extends DomainException {
  private static final long serialVersionUID = 1L;

  /** The version currently stored. */
  private final long currentVersion;

  /**
   * A conflict.
   *
   * @param resourceType the resource type
   * @param resourceKey the resource key
   * @param expectedVersion the version the caller based its change on
   * @param currentVersion the version currently stored
   */
  public VersionConflict(
      String resourceType, String resourceKey, long expectedVersion, long currentVersion) {
    super(
        resourceType
            + " '"
            + resourceKey
            + "' is at version "
            + currentVersion
            + ", not "
            + expectedVersion);
    this.currentVersion = currentVersion;
  }

  /**
   * The version currently stored.
   *
   * @return the current version
   */
  public long currentVersion() {
    return currentVersion;
  }
}
