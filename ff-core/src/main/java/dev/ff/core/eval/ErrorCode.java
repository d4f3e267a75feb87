package dev.ff.core.eval;

/** Why an evaluation failed (reason {@link Reason#ERROR}). */
public enum ErrorCode {
  /** No flag with the requested key. */
  FLAG_NOT_FOUND,
  /** A typed call on a flag of another type. */
  TYPE_MISMATCH,
  /** The context is not a JSON object, or its {@code key} is present but not a string. */
  INVALID_CONTEXT,
  /** No configuration has been received yet (used by SDKs). */
  NOT_READY,
  /** An unexpected failure. */
  GENERAL
}
