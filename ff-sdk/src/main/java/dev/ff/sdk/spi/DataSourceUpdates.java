package dev.ff.sdk.spi;

import com.fasterxml.jackson.databind.JsonNode;

/** The client side of a {@link DataSource}: verifies, loads and publishes what the source got. */
public interface DataSourceUpdates {

  /** What became of an offered document or patch. */
  enum Outcome {
    /** Verified, valid and newer: now in use. */
    APPLIED,
    /** Not newer than the config in use; ignored. */
    STALE,
    /** Refused (bad signature or invalid document); the last good config stays in use. */
    REJECTED,
    /** A patch that does not apply (base version mismatch, or the result did not verify). */
    NEEDS_FULL_DOCUMENT
  }

  /**
   * Offers a whole document.
   *
   * @param document the document
   * @return the outcome
   */
  Outcome offerDocument(JsonNode document);

  /**
   * Offers a patch event's data.
   *
   * @param patch {@code {baseVersion, version, upsert, delete, signature}}
   * @return the outcome; {@link Outcome#NEEDS_FULL_DOCUMENT} asks the source to fetch the document
   */
  Outcome offerPatch(JsonNode patch);

  /**
   * The version in use.
   *
   * @return the config version, 0 before the first config
   */
  long currentVersion();

  /**
   * Reports that the source stopped for good (e.g. the SDK key was refused).
   *
   * @param unauthorized true for a 401/403
   * @param message what happened
   */
  void stopped(boolean unauthorized, String message);

  /**
   * Reports a transient problem (logged, shown in a timed-out init status).
   *
   * @param message what happened
   */
  void problem(String message);
}
