package dev.ff.jmh.harness;

import java.util.regex.Pattern;

/**
 * The rule part of the scenarios in plain Java, independent of every peer. The sanity check
 * requires each peer to agree with it on every user a rule decides. Percentage rollouts use each
 * peer's own hash, so they are checked by their proportions instead.
 */
public final class Reference {
  private Reference() {}

  private static final Pattern USER_AGENT = Pattern.compile(Scenarios.S2_UA_REGEX);

  /**
   * Whether the S1 rule decides the result for {@code u}.
   *
   * @param u the user
   * @return true when the user's country is NL (the answer is then {@code true})
   */
  public static boolean s1RuleHit(User u) {
    return Scenarios.S1_COUNTRY.equals(u.country());
  }

  /**
   * The S2 rule that decides {@code u}.
   *
   * @param u the user
   * @return the first matching rule, 1..6, or 0 when every rule misses and the rollout decides
   */
  public static int s2Rule(User u) {
    if (u.email().endsWith(Scenarios.S2_EMAIL_SUFFIX)) {
      return 1;
    }
    if (Scenarios.S2_PLANS.contains(u.plan())) {
      return 2;
    }
    if (USER_AGENT.matcher(u.userAgent()).find()) {
      return 3;
    }
    if (u.age() > Scenarios.S2_AGE_GT) {
      return 4;
    }
    if (semverAtLeast(u.appVersion(), Scenarios.S2_MIN_APP_VERSION)) {
      return 5;
    }
    if (inSegment(u)) {
      return 6;
    }
    return 0;
  }

  /**
   * Membership of segment eu-beta.
   *
   * @param u the user
   * @return true when the country is DE, AT or CH, beta is on and logins are above 10
   */
  public static boolean inSegment(User u) {
    return Scenarios.S2_SEGMENT_COUNTRIES.contains(u.country())
        && u.beta()
        && u.logins() > Scenarios.S2_SEGMENT_LOGINS_GT;
  }

  /**
   * Compares two {@code MAJOR.MINOR.PATCH} versions numerically, part by part (the population never
   * uses pre-release tags or short forms).
   *
   * @param version the version to test
   * @param min the lower bound
   * @return true when {@code version >= min}
   */
  public static boolean semverAtLeast(String version, String min) {
    String[] a = version.split("\\.");
    String[] b = min.split("\\.");
    for (int i = 0; i < 3; i++) {
      int x = Integer.parseInt(a[i]);
      int y = Integer.parseInt(b[i]);
      if (x != y) {
        return x > y;
      }
    }
    return true;
  }
}
