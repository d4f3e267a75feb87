package dev.ff.jmh.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The users every peer is measured on. All of them come from fixed seeds, so every peer and every
 * run sees exactly the same inputs.
 */
public final class Population {
  private Population() {}

  /** S3: number of distinct contexts evaluated round-robin. */
  public static final int S3_USERS = 100_000;

  /** S2: number of contexts in the round-robin pool. */
  public static final int S2_POOL = 2_048;

  /** Share of NL users in the S1/S3 population. */
  public static final double NL_SHARE = 0.10;

  /** Base seed of every generator in this class. */
  public static final long SEED = 20_241_124L;

  private static final String[] OTHER_COUNTRIES = {
    "US", "DE", "FR", "GB", "ES", "IT", "PL", "SE", "AT", "CH", "BE", "DK"
  };
  private static final String[] NON_SEGMENT_COUNTRIES = {
    "US", "FR", "GB", "ES", "IT", "PL", "SE", "BE", "DK", "NL"
  };
  private static final String[] SEGMENT_COUNTRIES =
      Scenarios.S2_SEGMENT_COUNTRIES.toArray(new String[0]);
  private static final String[] HIT_PLANS = Scenarios.S2_PLANS.toArray(new String[0]);
  private static final String[] MISS_PLANS = {"free", "basic", "silver"};
  // "@example.com.au" ends with ".au", not with "@example.com": a near miss for rule 1.
  private static final String[] MISS_EMAIL_DOMAINS = {
    "@example.org", "@mail.test", "@example.com.au"
  };
  private static final String[] HIT_UAS = {
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
        + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15"
        + " (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36"
        + " (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
  };
  // "X11; Linux" is not "Linux; Android"; "curl/8.5.0 (iPhone)" has iPhone but not the prefix.
  private static final String[] MISS_UAS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
        + " (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15"
        + " (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
    "curl/8.5.0 (iPhone)",
  };
  // "2.10.0" is at least 2.3.0 although it sorts lower as text; "2.2.10" is below 2.3.0.
  private static final String[] HIT_VERSIONS = {"2.3.0", "2.3.1", "2.4.5", "2.10.0", "3.0.0"};
  private static final String[] MISS_VERSIONS = {"2.2.9", "2.2.10", "2.0.0", "1.9.0", "0.9.12"};

  /**
   * The S1 subject: one non-NL user, so the rule misses and the 50/50 rollout decides.
   *
   * @return the same user on every call
   */
  public static User s1FixedUser() {
    return new User(
        "s1-fixed-user-0001",
        "US",
        "fixed.user@mail.test",
        "free",
        MISS_UAS[0],
        29,
        "2.2.9",
        false,
        3);
  }

  /**
   * The S1/S3 population: users {@code user-000000} onwards, about {@link #NL_SHARE} of them from
   * NL, every other attribute drawn at random.
   *
   * @param n how many users
   * @return the first {@code n} users (a prefix of any longer population)
   */
  public static List<User> manyUsers(int n) {
    SplittableRandom r = new SplittableRandom(SEED);
    List<User> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String key = "user-" + pad6(i);
      String country = r.nextDouble() < NL_SHARE ? "NL" : pick(r, OTHER_COUNTRIES);
      out.add(randomUser(r, key, country));
    }
    return out;
  }

  /**
   * The S2 benchmark pool: each user is built to be decided by an outcome drawn uniformly from the
   * seven (rules 1..6 and the fallback rollout), then the pool is shuffled.
   *
   * @param n pool size
   * @return the pool
   */
  public static List<User> s2Pool(int n) {
    SplittableRandom r = new SplittableRandom(SEED + 2);
    List<User> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(s2User(r, "s2-user-" + pad6(i), r.nextInt(7)));
    }
    Collections.shuffle(out, new Random(SEED + 3));
    return out;
  }

  /**
   * Users that S2 outcome {@code outcome} decides.
   *
   * @param outcome 1..6 for that rule, 0 for users that miss every rule (the fallback rollout)
   * @param n how many users
   * @param seed generator seed
   * @return {@code n} users with distinct keys
   */
  public static List<User> s2ByOutcome(int outcome, int n, long seed) {
    if (outcome < 0 || outcome > 6) {
      throw new IllegalArgumentException("outcome must be 0..6: " + outcome);
    }
    SplittableRandom r = new SplittableRandom(seed * 31 + outcome);
    List<User> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(s2User(r, "s2-o" + outcome + "-" + pad6(i), outcome));
    }
    return out;
  }

  /**
   * The S2 worst case: misses all six rules, and the segment fails only on its last condition
   * ({@code logins} is 10, not above 10), so every rule and every segment condition runs before the
   * fallback rollout decides.
   *
   * @return the same user on every call
   */
  public static User s2WorstCaseUser() {
    return new User(
        "s2-worst-case-user",
        "DE",
        "worst.case@example.org",
        "silver",
        MISS_UAS[0],
        30,
        "2.2.10",
        true,
        10);
  }

  /**
   * Builds a user that {@code outcome} decides: the rules before it miss, that rule hits, and the
   * rules after it (never reached) hit or miss at random. Outcome 0 misses every rule.
   */
  static User s2User(SplittableRandom r, String key, int outcome) {
    boolean[] hit = new boolean[7];
    for (int rule = 1; rule <= 6; rule++) {
      if (outcome == 0 || rule < outcome) {
        hit[rule] = false;
      } else if (rule == outcome) {
        hit[rule] = true;
      } else {
        hit[rule] = r.nextBoolean();
      }
    }
    String local = key.replace("s2-", "");
    String email = local + (hit[1] ? Scenarios.S2_EMAIL_SUFFIX : pick(r, MISS_EMAIL_DOMAINS));
    String plan = hit[2] ? pick(r, HIT_PLANS) : pick(r, MISS_PLANS);
    String ua = hit[3] ? pick(r, HIT_UAS) : pick(r, MISS_UAS);
    int age = hit[4] ? 31 + r.nextInt(50) : 16 + r.nextInt(15); // a miss is 16..30
    String version = hit[5] ? pick(r, HIT_VERSIONS) : pick(r, MISS_VERSIONS);
    String country;
    boolean beta;
    int logins;
    if (hit[6]) {
      country = pick(r, SEGMENT_COUNTRIES);
      beta = true;
      logins = 11 + r.nextInt(500);
    } else {
      // Break at least one of the three segment conditions: a non-zero bit mask over them.
      int broken = 1 + r.nextInt(7);
      country = (broken & 1) != 0 ? pick(r, NON_SEGMENT_COUNTRIES) : pick(r, SEGMENT_COUNTRIES);
      beta = (broken & 2) == 0;
      logins = (broken & 4) != 0 ? r.nextInt(11) : 11 + r.nextInt(500);
    }
    return new User(key, country, email, plan, ua, age, version, beta, logins);
  }

  private static User randomUser(SplittableRandom r, String key, String country) {
    String email =
        key + (r.nextInt(4) == 0 ? Scenarios.S2_EMAIL_SUFFIX : pick(r, MISS_EMAIL_DOMAINS));
    String plan = r.nextInt(4) == 0 ? pick(r, HIT_PLANS) : pick(r, MISS_PLANS);
    String ua = r.nextInt(3) == 0 ? pick(r, HIT_UAS) : pick(r, MISS_UAS);
    int age = 16 + r.nextInt(65);
    String version = r.nextBoolean() ? pick(r, HIT_VERSIONS) : pick(r, MISS_VERSIONS);
    return new User(key, country, email, plan, ua, age, version, r.nextBoolean(), r.nextInt(200));
  }

  private static String pad6(int i) {
    String s = Integer.toString(i);
    return s.length() >= 6 ? s : "000000".substring(s.length()) + s;
  }

  private static String pick(SplittableRandom r, String[] values) {
    return values[r.nextInt(values.length)];
  }
}
