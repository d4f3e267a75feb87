package dev.ff.jmh.harness;

import java.util.List;

/**
 * The two flags every peer evaluates, defined once. Each peer's flag file under {@code
 * src/main/resources/flags/} expresses exactly these rules in that peer's own format.
 *
 * <ul>
 *   <li>{@code s1-simple} (S1 and S3), boolean: {@code country == "NL"} gives {@code true};
 *       everyone else gets a 50/50 percentage rollout by user key.
 *   <li>{@code s2-complex} (S2), string with the variations control, blue, green and red: six rules
 *       checked top to bottom, first match wins, then a 25/25/25/25 rollout by user key.
 * </ul>
 */
public final class Scenarios {
  private Scenarios() {}

  /** Key of the S1/S3 boolean flag. */
  public static final String S1_KEY = "s1-simple";

  /** Country that the S1 rule sends to {@code true}. */
  public static final String S1_COUNTRY = "NL";

  /** Key of the S2 string flag. */
  public static final String S2_KEY = "s2-complex";

  /** The S2 variations, in rollout order (their values equal their names). */
  public static final List<String> S2_VARIATIONS = List.of("control", "blue", "green", "red");

  /**
   * The variation S2 rule {@code i} returns, for {@code i} in 1..6. Index 0 stands for the fallback
   * rollout, which has no single answer.
   */
  public static final List<String> S2_RULE_VARIATION =
      List.of("(rollout)", "blue", "green", "red", "control", "blue", "green");

  /** S2 rule 1: {@code email} ends with this suffix. */
  public static final String S2_EMAIL_SUFFIX = "@example.com";

  /** S2 rule 2: {@code plan} is one of these. */
  public static final List<String> S2_PLANS = List.of("gold", "platinum");

  /** S2 rule 3: {@code userAgent} contains a match of this pattern (search, anchored by ^). */
  public static final String S2_UA_REGEX = "^Mozilla/5\\.0 \\((iPhone|iPad|Linux; Android)";

  /**
   * The exact set of prefixes {@link #S2_UA_REGEX} accepts, for a peer that has no regex operator.
   */
  public static final List<String> S2_UA_PREFIXES =
      List.of("Mozilla/5.0 (iPhone", "Mozilla/5.0 (iPad", "Mozilla/5.0 (Linux; Android");

  /** S2 rule 4: {@code age} is greater than this number. */
  public static final int S2_AGE_GT = 30;

  /** S2 rule 5: {@code appVersion} is at least this semantic version (not a text comparison). */
  public static final String S2_MIN_APP_VERSION = "2.3.0";

  /** S2 rule 6: membership of this segment. */
  public static final String S2_SEGMENT_KEY = "eu-beta";

  /** Segment eu-beta, condition 1: {@code country} is one of these. */
  public static final List<String> S2_SEGMENT_COUNTRIES = List.of("DE", "AT", "CH");

  /** Segment eu-beta, condition 3: {@code logins} is greater than this number. */
  public static final int S2_SEGMENT_LOGINS_GT = 10;
}
