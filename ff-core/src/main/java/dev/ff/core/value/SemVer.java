package dev.ff.core.value;

import java.util.Arrays;
import java.util.Objects;

/**
 * A semantic version as read by the {@code semver_*} operators.
 *
 * <p>Accepted text: an optional lowercase {@code v}, then {@code MAJOR[.MINOR[.PATCH]]} (a missing
 * part reads as 0), then an optional {@code -prerelease} and an optional {@code +build} as in
 * SemVer 2.0.0, also after a short form ({@code 2.3-beta} = {@code 2.3.0-beta}). Numeric
 * identifiers have no leading zeros and are unbounded. No blanks or other characters are allowed.
 *
 * <p>Ordering is SemVer 2.0.0 precedence: build metadata is ignored, so {@link #equals} and {@link
 * #compareTo} agree and {@code 1.0.0+a} equals {@code 1.0.0+b}.
 */
public final class SemVer implements Comparable<SemVer> {
  private final String major;
  private final String minor;
  private final String patch;
  private final String[] preRelease;
  private final String build;

  private SemVer(String major, String minor, String patch, String[] preRelease, String build) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.preRelease = preRelease;
    this.build = build;
  }

  /**
   * Parses a version.
   *
   * @param s the text, may be null
   * @return the version, or null when {@code s} is null or not a valid version
   */
  public static SemVer parse(String s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    int i = 0;
    if (i < n && s.charAt(i) == 'v') {
      i++;
    }
    String[] core = {"0", "0", "0"};
    int part = 0;
    while (true) {
      int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (!isNumericIdentifier(s, start, i)) {
        return null;
      }
      core[part++] = s.substring(start, i);
      if (i < n && s.charAt(i) == '.' && part < 3) {
        i++;
        continue;
      }
      break;
    }
    String[] pre = new String[0];
    if (i < n && s.charAt(i) == '-') {
      i++;
      int start = i;
      while (i < n && s.charAt(i) != '+') {
        i++;
      }
      pre = splitIdentifiers(s, start, i, true);
      if (pre == null) {
        return null;
      }
    }
    String build = "";
    if (i < n && s.charAt(i) == '+') {
      i++;
      int start = i;
      if (splitIdentifiers(s, start, n, false) == null) {
        return null;
      }
      build = s.substring(start, n);
      i = n;
    }
    if (i != n) {
      return null;
    }
    return new SemVer(core[0], core[1], core[2], pre, build);
  }

  private static String[] splitIdentifiers(String s, int from, int to, boolean preRelease) {
    if (from >= to) {
      return null;
    }
    String[] parts = s.substring(from, to).split("\\.", -1);
    for (String p : parts) {
      if (p.isEmpty()) {
        return null;
      }
      boolean numeric = true;
      for (int k = 0; k < p.length(); k++) {
        char c = p.charAt(k);
        if (!isDigit(c) && !isLetter(c) && c != '-') {
          return null;
        }
        numeric &= isDigit(c);
      }
      if (preRelease && numeric && p.length() > 1 && p.charAt(0) == '0') {
        return null;
      }
    }
    return parts;
  }

  private static boolean isNumericIdentifier(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    return to - from == 1 || s.charAt(from) != '0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAllDigits(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (!isDigit(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** Compares two digit strings without leading zeros as unbounded non-negative integers. */
  private static int compareNumeric(String a, String b) {
    if (a.length() != b.length()) {
      return Integer.compare(a.length(), b.length());
    }
    return Integer.signum(a.compareTo(b));
  }

  /**
   * Compares by SemVer 2.0.0 precedence; build metadata is ignored.
   *
   * @param o the other version
   * @return negative, zero or positive as this version is lower, equal or higher
   */
  @Override
  public int compareTo(SemVer o) {
    int c = compareNumeric(major, o.major);
    if (c == 0) {
      c = compareNumeric(minor, o.minor);
    }
    if (c == 0) {
      c = compareNumeric(patch, o.patch);
    }
    if (c != 0) {
      return c;
    }
    // A version without a pre-release ranks above one with it.
    if (preRelease.length == 0 || o.preRelease.length == 0) {
      if (preRelease.length == o.preRelease.length) {
        return 0;
      }
      return preRelease.length == 0 ? 1 : -1;
    }
    int common = Math.min(preRelease.length, o.preRelease.length);
    for (int k = 0; k < common; k++) {
      String a = preRelease[k];
      String b = o.preRelease[k];
      boolean an = isAllDigits(a);
      boolean bn = isAllDigits(b);
      if (an && bn) {
        c = compareNumeric(a, b);
      } else if (an) {
        c = -1;
      } else if (bn) {
        c = 1;
      } else {
        c = Integer.signum(a.compareTo(b));
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(preRelease.length, o.preRelease.length);
  }

  /** Returned by {@link #compareText} for text that is not a valid version. */
  public static final int INVALID = Integer.MIN_VALUE;

  /**
   * Compares version text with this version without allocating: the same as {@code
   * Integer.signum(SemVer.parse(text).compareTo(this))}, or {@link #INVALID} when {@code text} does
   * not parse. Used on the evaluation path, where the context value changes on every call.
   *
   * @param text the version text, may be null
   * @return -1, 0 or 1 as {@code text} ranks below, equal to or above this version, or {@link
   *     #INVALID}
   */
  public int compareText(String text) {
    if (text == null) {
      return INVALID;
    }
    int n = text.length();
    int i = 0;
    if (i < n && text.charAt(i) == 'v') {
      i++;
    }
    int cmp = 0;
    int part = 0;
    while (true) {
      int start = i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      if (!isNumericIdentifier(text, start, i)) {
        return INVALID;
      }
      if (cmp == 0) {
        cmp = compareDigits(text, start, i, corePart(part));
      }
      part++;
      if (i < n && text.charAt(i) == '.' && part < 3) {
        i++;
        continue;
      }
      break;
    }
    for (; part < 3 && cmp == 0; part++) {
      cmp = compareDigits("0", 0, 1, corePart(part));
    }
    int count = 0;
    int preCmp = 0;
    if (i < n && text.charAt(i) == '-') {
      i++;
      while (true) {
        int start = i;
        boolean numeric = true;
        while (i < n && text.charAt(i) != '.' && text.charAt(i) != '+') {
          char c = text.charAt(i);
          if (!isDigit(c) && !isLetter(c) && c != '-') {
            return INVALID;
          }
          numeric &= isDigit(c);
          i++;
        }
        if (start == i || (numeric && i - start > 1 && text.charAt(start) == '0')) {
          return INVALID;
        }
        if (preCmp == 0 && count < preRelease.length) {
          preCmp = compareIdentifier(text, start, i, numeric, preRelease[count]);
        }
        count++;
        if (i < n && text.charAt(i) == '.') {
          i++;
          continue;
        }
        break;
      }
    }
    if (i < n && text.charAt(i) == '+') {
      i++;
      while (true) {
        int start = i;
        while (i < n && text.charAt(i) != '.') {
          char c = text.charAt(i);
          if (!isDigit(c) && !isLetter(c) && c != '-') {
            return INVALID;
          }
          i++;
        }
        if (start == i) {
          return INVALID;
        }
        if (i < n) {
          i++;
          continue;
        }
        break;
      }
    }
    if (i != n) {
      return INVALID;
    }
    if (cmp != 0) {
      return cmp;
    }
    if (count == 0 || preRelease.length == 0) {
      if (count == preRelease.length) {
        return 0;
      }
      return count == 0 ? 1 : -1;
    }
    return preCmp != 0 ? preCmp : Integer.signum(Integer.compare(count, preRelease.length));
  }

  private String corePart(int part) {
    return part == 0 ? major : part == 1 ? minor : patch;
  }

  /** Compares digits {@code s[from, to)} with a digit string, both without leading zeros. */
  private static int compareDigits(String s, int from, int to, String digits) {
    int len = to - from;
    if (len != digits.length()) {
      return len < digits.length() ? -1 : 1;
    }
    for (int k = 0; k < len; k++) {
      int d = s.charAt(from + k) - digits.charAt(k);
      if (d != 0) {
        return d < 0 ? -1 : 1;
      }
    }
    return 0;
  }

  /** Compares pre-release identifier {@code s[from, to)} with {@code other} by SemVer rules. */
  private static int compareIdentifier(String s, int from, int to, boolean numeric, String other) {
    boolean otherNumeric = isAllDigits(other);
    if (numeric && otherNumeric) {
      return compareDigits(s, from, to, other);
    }
    if (numeric) {
      return -1;
    }
    if (otherNumeric) {
      return 1;
    }
    int len = to - from;
    int common = Math.min(len, other.length());
    for (int k = 0; k < common; k++) {
      int d = s.charAt(from + k) - other.charAt(k);
      if (d != 0) {
        return d < 0 ? -1 : 1;
      }
    }
    return Integer.signum(Integer.compare(len, other.length()));
  }

  /**
   * Equality by precedence (build metadata ignored).
   *
   * @param o another object
   * @return true when {@code o} is a version of equal precedence
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SemVer v && compareTo(v) == 0;
  }

  /**
   * A hash code consistent with {@link #equals}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(major, minor, patch, Arrays.hashCode(preRelease));
  }

  /**
   * The normalised text: full {@code MAJOR.MINOR.PATCH}, pre-release and build, without {@code v}.
   *
   * @return the version text
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(major).append('.').append(minor).append('.');
    sb.append(patch);
    if (preRelease.length > 0) {
      sb.append('-').append(String.join(".", preRelease));
    }
    if (!build.isEmpty()) {
      sb.append('+').append(build);
    }
    return sb.toString();
  }
}
