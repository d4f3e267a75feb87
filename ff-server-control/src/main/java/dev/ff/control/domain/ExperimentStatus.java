package dev.ff.control.domain;

import java.util.Locale;

/** The life cycle of an experiment: draft → running → stopped. */
public enum ExperimentStatus {
  /** Being prepared; not in published documents. */
  DRAFT,
  /** Its rollout is part of every published document. */
  RUNNING,
  /** Finished; its rollout is no longer published. */
  STOPPED;

  /**
   * The lowercase name used in JSON and in the database.
   *
   * @return e.g. {@code running}
   */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The status of a wire name.
   *
   * @param wire e.g. {@code running}
   * @return the status
   * @throws IllegalArgumentException for an unknown name
   */
  public static ExperimentStatus fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
