package dev.ff.control.domain;

import java.util.Optional;

/**
 * Filters of list calls. Each is optional; {@link #tag} applies to flags and {@link #status} to
 * experiments only (other lists ignore them).
 *
 * @param keyPrefix only keys starting with this prefix
 * @param archived only archived ({@code true}) or only live ({@code false}) resources; empty: both
 * @param tag only flags carrying this tag
 * @param status only experiments in this status ({@code draft}, {@code running}, {@code stopped})
 */
public record ListFilter(
    Optional<String> keyPrefix,
    Optional<Boolean> archived,
    Optional<String> tag,
    Optional<String> status) {

  /** Replaces nulls by empty. */
  public ListFilter {
    keyPrefix = keyPrefix == null ? Optional.empty() : keyPrefix;
    archived = archived == null ? Optional.empty() : archived;
    tag = tag == null ? Optional.empty() : tag;
    status = status == null ? Optional.empty() : status;
  }

  /**
   * No filter at all.
   *
   * @return the empty filter
   */
  public static ListFilter none() {
    return new ListFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Live (non-archived) resources only.
   *
   * @return the filter
   */
  public static ListFilter live() {
    return none().withArchived(false);
  }

  /**
   * This filter with a key prefix.
   *
   * @param prefix the prefix
   * @return a copy
   */
  public ListFilter withKeyPrefix(String prefix) {
    return new ListFilter(Optional.of(prefix), archived, tag, status);
  }

  /**
   * This filter with an archived state.
   *
   * @param value true for archived resources only, false for live ones only
   * @return a copy
   */
  public ListFilter withArchived(boolean value) {
    return new ListFilter(keyPrefix, Optional.of(value), tag, status);
  }

  /**
   * This filter with a tag (flags).
   *
   * @param value the tag
   * @return a copy
   */
  public ListFilter withTag(String value) {
    return new ListFilter(keyPrefix, archived, Optional.of(value), status);
  }

  /**
   * This filter with a status (experiments).
   *
   * @param value the status
   * @return a copy
   */
  public ListFilter withStatus(String value) {
    return new ListFilter(keyPrefix, archived, tag, Optional.of(value));
  }
}
