package dev.ff.control.domain;

/** A resource with the same key already exists in the same scope. HTTP 409. */
public final class AlreadyExists extends DomainException {
  private static final long serialVersionUID = 1L;

  /**
   * A clash on a key.
   *
   * @param resourceType the resource type, e.g. {@code flag}
   * @param resourceKey the key that is taken
   */
  public AlreadyExists(String resourceType, String resourceKey) {
    super(resourceType + " '" + resourceKey + "' already exists");
  }
}
