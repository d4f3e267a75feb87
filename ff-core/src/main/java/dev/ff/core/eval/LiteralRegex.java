package dev.ff.core.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A regex that denotes a finite set of literal strings, matched without the regex engine and
 * without allocating.
 *
 * <p>Recognised patterns: an optional leading {@code ^}, then literal characters (a backslash
 * before ASCII punctuation makes it literal) and non-nested groups {@code (…|…)} or {@code (?:…|…)}
 * of literal alternatives, then an optional trailing {@code $}. Under RE2 semantics (no flags:
 * {@code ^} and {@code $} anchor at the ends of the text) such a pattern finds a match exactly when
 * one of its strings occurs in the text, at the start if anchored by {@code ^}, at the end if
 * anchored by {@code $}. Anything else (classes, quantifiers, dots, flags, other escapes, top-level
 * alternation, surrogates) is left to RE2J.
 */
final class LiteralRegex {
  private static final int MAX_LITERALS = 64;
  private static final String META = ".*+?[]{}^$|()\\";

  private final String[] literals;
  private final boolean anchorStart;
  private final boolean anchorEnd;
  // For a pattern anchored at one end only: what every literal shares at that end, tested once.
  private final String common;
  // With anchorStart: each literal's character just after common, or -1 when it ends there. A
  // text whose next character differs skips that literal's regionMatches call.
  private final int[] nextChar;

  private LiteralRegex(String[] literals, boolean anchorStart, boolean anchorEnd) {
    this.literals = literals;
    this.anchorStart = anchorStart;
    this.anchorEnd = anchorEnd;
    String c = literals[0];
    for (String lit : literals) {
      int k = 0;
      if (anchorStart) {
        while (k < c.length() && k < lit.length() && c.charAt(k) == lit.charAt(k)) {
          k++;
        }
        c = c.substring(0, k);
      } else {
        while (k < c.length()
            && k < lit.length()
            && c.charAt(c.length() - 1 - k) == lit.charAt(lit.length() - 1 - k)) {
          k++;
        }
        c = c.substring(c.length() - k);
      }
    }
    this.common = c;
    this.nextChar = new int[literals.length];
    for (int k = 0; k < literals.length; k++) {
      nextChar[k] = literals[k].length() > c.length() ? literals[k].charAt(c.length()) : -1;
    }
  }

  /**
   * Analyses a pattern that RE2J compiled.
   *
   * @return the literal form, or null when the pattern is not a literal set
   */
  static LiteralRegex analyze(String pattern) {
    int n = pattern.length();
    int i = 0;
    boolean start = false;
    boolean end = false;
    if (i < n && pattern.charAt(i) == '^') {
      start = true;
      i++;
    }
    List<StringBuilder> set = new ArrayList<>();
    set.add(new StringBuilder());
    while (i < n) {
      char c = pattern.charAt(i);
      if (Character.isSurrogate(c) || c == '\uFFFD') {
        return null;
      }
      if (c == '$' && i == n - 1) {
        end = true;
        i++;
      } else if (c == '(') {
        i++;
        if (i + 1 < n && pattern.charAt(i) == '?' && pattern.charAt(i + 1) == ':') {
          i += 2;
        } else if (i < n && pattern.charAt(i) == '?') {
          return null;
        }
        List<String> alternatives = new ArrayList<>();
        StringBuilder alt = new StringBuilder();
        boolean closed = false;
        while (i < n && !closed) {
          char d = pattern.charAt(i);
          if (d == ')') {
            alternatives.add(alt.toString());
            closed = true;
            i++;
          } else if (d == '|') {
            alternatives.add(alt.toString());
            alt.setLength(0);
            i++;
          } else {
            int lit = literalAt(pattern, i);
            if (lit < 0) {
              return null;
            }
            alt.append((char) lit);
            i += d == '\\' ? 2 : 1;
          }
        }
        if (!closed || set.size() * alternatives.size() > MAX_LITERALS) {
          return null;
        }
        List<StringBuilder> product = new ArrayList<>();
        for (StringBuilder prefix : set) {
          for (String a : alternatives) {
            product.add(new StringBuilder(prefix).append(a));
          }
        }
        set = product;
      } else {
        int lit = literalAt(pattern, i);
        if (lit < 0) {
          return null;
        }
        for (StringBuilder s : set) {
          s.append((char) lit);
        }
        i += c == '\\' ? 2 : 1;
      }
    }
    String[] literals = new String[set.size()];
    for (int k = 0; k < literals.length; k++) {
      literals[k] = set.get(k).toString();
    }
    return new LiteralRegex(literals, start, end);
  }

  /** The literal character at {@code i} (plain or escaped punctuation), or -1. */
  private static int literalAt(String p, int i) {
    char c = p.charAt(i);
    if (Character.isSurrogate(c) || c == '\uFFFD') {
      return -1;
    }
    if (c == '\\') {
      if (i + 1 >= p.length()) {
        return -1;
      }
      char d = p.charAt(i + 1);
      boolean punctuation = d < 0x80 && d > ' ' && !Character.isLetterOrDigit(d) && d != 0x7F;
      return punctuation ? d : -1;
    }
    return META.indexOf(c) >= 0 ? -1 : c;
  }

  /** Whether the pattern finds a match in {@code s}. */
  boolean find(String s) {
    if (anchorStart && anchorEnd) {
      for (String lit : literals) {
        if (s.equals(lit)) {
          return true;
        }
      }
      return false;
    }
    if (anchorStart) {
      if (!s.startsWith(common)) {
        return false;
      }
      int from = common.length();
      if (from == s.length()) {
        // Only a literal equal to common can match.
        for (int next : nextChar) {
          if (next < 0) {
            return true;
          }
        }
        return false;
      }
      char at = s.charAt(from);
      for (int k = 0; k < literals.length; k++) {
        String lit = literals[k];
        int next = nextChar[k];
        if (next < 0
            || (next == at && s.regionMatches(from + 1, lit, from + 1, lit.length() - from - 1))) {
          return true;
        }
      }
      return false;
    }
    if (anchorEnd) {
      if (!s.endsWith(common)) {
        return false;
      }
      for (String lit : literals) {
        if (s.endsWith(lit)) {
          return true;
        }
      }
      return false;
    }
    for (String lit : literals) {
      if (s.contains(lit)) {
        return true;
      }
    }
    return false;
  }
}
