package dev.ff.control.domain;

/** The addressed resource (or one of its parents) does not exist. HTTP 404. */
public final class NotFound extends DomainException {
  private static final long serialVersionUID = 1L;

  /** The resource type, e.g. {@code flag}. */
  private final String resourceType;

  /** The key or id that was not found. */
  private final String resourceKey;

  /**
   * A missing resource.
   *
   * @param resourceType the resource type, e.g. {@code flag}
   * @param resourceKey the key or id that was looked up
   */
  public NotFound(String resourceType, String resourceKey) {
    super(resourceType + " '" + resourceKey + "' not found");
    this.resourceType = resourceType;
    this.resourceKey = resourceKey;
  }

  /**
   * The resource type.
   *
   * @return e.g. {@code flag}
   */
  public String resourceType() {
    return resourceType;
  }

  /**
   * The key or id that was looked up.
   *
   * @return the key
   */
  public String resourceKey() {
    return resourceKey;
  }
}
