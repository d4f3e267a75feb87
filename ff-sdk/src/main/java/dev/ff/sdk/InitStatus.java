package dev.ff.sdk;

/**
 * Whether the client has a config to evaluate, and if not, why.
 *
 * @param state the state
 * @param message a human-readable detail (never null)
 */
public record InitStatus(State state, String message) {

  /** The states. */
  public enum State {
    /** A verified config is loaded; evaluations use it. */
    READY,
    /** Still waiting for the first config (no problem known yet). */
    INITIALIZING,
    /** The wait ended before a config arrived; the data source keeps trying. */
    TIMEOUT,
    /** The server refused the SDK key (401/403); the data source stopped for good. */
    UNAUTHORIZED,
    /** The documents received did not verify against the configured signing keys. */
    INVALID_SIGNATURE,
    /** The documents received were not valid config documents. */
    INVALID_CONFIG,
    /** Offline mode without a usable bootstrap config. */
    NO_BOOTSTRAP,
    /** The client was closed. */
    CLOSED
  }

  /** Null checks. */
  public InitStatus {
    java.util.Objects.requireNonNull(state, "state");
    message = message == null ? "" : message;
  }

  /**
   * Whether evaluations use a real config.
   *
   * @return true when {@link State#READY}
   */
  public boolean isReady() {
    return state == State.READY;
  }

  /**
   * Whether the state can no longer change to ready by itself.
   *
   * @return true for {@link State#UNAUTHORIZED}, {@link State#NO_BOOTSTRAP} and {@link
   *     State#CLOSED}
   */
  public boolean isTerminal() {
    return state == State.UNAUTHORIZED || state == State.NO_BOOTSTRAP || state == State.CLOSED;
  }
}
