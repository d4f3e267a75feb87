package dev.ff.core.value;

/**
 * Instants for the {@code before} and {@code after} operators, as epoch milliseconds.
 *
 * <p>Strings must be RFC 3339 date-times: {@code YYYY-MM-DD}, a {@code T} or {@code t} separator,
 * {@code HH:MM:SS} with seconds 00–59, an optional fraction of one or more digits (truncated to
 * milliseconds), then {@code Z}, {@code z} or a {@code ±HH:MM} offset within ±18:00. Dates must
 * exist in the proleptic Gregorian calendar (leap years included). Numbers must be integral epoch
 * milliseconds.
 */
public final class Timestamps {
  /** Returned for input that is not a valid instant. */
  public static final long INVALID = Long.MIN_VALUE;

  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final double TWO_POW_63 = 9.223372036854775808E18;

  private Timestamps() {}

  /**
   * Parses an RFC 3339 date-time.
   *
   * @param s the text, may be null
   * @return epoch milliseconds (finer fractions truncated), or {@link #INVALID}
   */
  public static long parseRfc3339Millis(String s) {
    if (s == null || s.length() < 20) {
      return INVALID;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0
        || month < 0
        || day < 0
        || hour < 0
        || minute < 0
        || second < 0
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || (s.charAt(10) != 'T' && s.charAt(10) != 't')
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return INVALID;
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return INVALID;
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return INVALID;
    }
    int n = s.length();
    int i = 19;
    int millis = 0;
    if (s.charAt(i) == '.') {
      i++;
      int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        if (i - start < 3) {
          millis = millis * 10 + (s.charAt(i) - '0');
        }
        i++;
      }
      int count = i - start;
      if (count == 0) {
        return INVALID;
      }
      for (int k = count; k < 3; k++) {
        millis *= 10;
      }
    }
    if (i >= n) {
      return INVALID;
    }
    int offsetMinutes;
    char z = s.charAt(i);
    if (z == 'Z' || z == 'z') {
      offsetMinutes = 0;
      i++;
    } else if (z == '+' || z == '-') {
      if (n - i != 6 || s.charAt(i + 3) != ':') {
        return INVALID;
      }
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 18 * 60) {
        return INVALID;
      }
      offsetMinutes = (z == '-' ? -1 : 1) * (oh * 60 + om);
      i += 6;
    } else {
      return INVALID;
    }
    if (i != n) {
      return INVALID;
    }
    long days = daysFromCivil(year, month, day);
    long local = days * MILLIS_PER_DAY + ((hour * 60L + minute) * 60L + second) * 1000L + millis;
    return local - offsetMinutes * 60_000L;
  }

  /**
   * Reads a JSON number as epoch milliseconds.
   *
   * <p>Integral values beyond the range of {@code long} saturate to {@code Long.MAX_VALUE} or
   * {@code Long.MIN_VALUE + 1}, so they still compare as far future or far past.
   *
   * @param n the number
   * @return the milliseconds, or {@link #INVALID} unless {@code n} is finite and integral
   */
  public static long fromEpochMillis(double n) {
    if (Double.isNaN(n) || Double.isInfinite(n) || n != Math.rint(n)) {
      return INVALID;
    }
    if (n >= TWO_POW_63) {
      return Long.MAX_VALUE;
    }
    if (n <= -TWO_POW_63) {
      return Long.MIN_VALUE + 1;
    }
    return (long) n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The value of {@code len} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int k = from; k < from + len; k++) {
      char c = s.charAt(k);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeapYear(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
  private static long daysFromCivil(int year, int month, int day) {
    long y = month <= 2 ? year - 1L : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long mp = (month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
