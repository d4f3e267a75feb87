package dev.ff.core.stats;

/** Input checks shared by the tests; each failure names the offending field. */
final class Checks {
  private Checks() {}

  static double alpha(double alpha) {
    return openUnit("alpha", alpha);
  }

  static double openUnit(String field, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(field + " must be in (0, 1), got " + value);
    }
    return value;
  }

  static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number, got " + value);
    }
    return value;
  }

  static double positive(String field, double value) {
    if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(field + " must be a finite number > 0, got " + value);
    }
    return value;
  }

  static double[] finite(String field, double[] values) {
    if (values == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            field + "[" + i + "] must be a finite number, got " + values[i]);
      }
    }
    return values;
  }

  static long count(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be >= 0, got " + value);
    }
    return value;
  }

  static void sameLength(String field, double[] values, String otherField, double[] other) {
    if (values.length != other.length) {
      throw new IllegalArgumentException(
          field
              + " has "
              + values.length
              + " values but "
              + otherField
              + " has "
              + other.length
              + "; they must have one value per unit");
    }
  }

  /** Guards against overflow: an intermediate that is no longer finite. */
  static double computed(String what, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          what + " is too large to analyse in double precision (it overflows)");
    }
    return value;
  }

  /** A boxed value for a result: {@code null} for NaN and infinities. */
  static Double box(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
