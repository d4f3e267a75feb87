package dev.ff.jmh.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The correctness check that runs before anything is measured: in the trial setup of every
 * benchmark fork (size {@link Size#QUICK}, for that fork's peer) and once for every peer by {@code
 * dev.ff.jmh.tools.SanityMain} (size {@link Size#FULL}). It proves that the client really evaluates
 * the scenario flags (a client that silently returns its defaults would look very fast) and that
 * the peer's flag file matches the scenario definition in {@link Scenarios}.
 *
 * <ul>
 *   <li>S1/S3: every NL user gets {@code true}; the share of {@code true} among the others is 0.5
 *       within the tolerance.
 *   <li>S2 rules: for users built to be decided by each rule, the peer returns that rule's
 *       variation every time (agreement with {@link Reference}).
 *   <li>S2 pool: on the benchmark pool itself, every rule-decided user agrees with the reference,
 *       and every other user gets one of the four variations.
 *   <li>S2 fallback: for users that miss every rule, each variation's share is 0.25 within the
 *       tolerance, and no other value appears.
 *   <li>S2 worst case: the worst-case user gets one of the four variations.
 * </ul>
 */
public final class Sanity {
  private Sanity() {}

  /**
   * How much the check evaluates. The tolerances are five to six standard deviations of the
   * sampling error, so a correct peer never fails by chance.
   */
  public enum Size {
    /** Everything: 100,000 S1 users, 1,000 users per S2 rule, 20,000 S2 fallback users. */
    FULL(Population.S3_USERS, 0.01, 1_000, 20_000, 0.015),
    /** Inside each benchmark fork: 20,000 S1 users, 200 per S2 rule, 4,000 fallback users. */
    QUICK(20_000, 0.02, 200, 4_000, 0.035);

    private final int s1Users;
    private final double s1Tolerance;
    private final int s2UsersPerRule;
    private final int s2FallbackUsers;
    private final double s2Tolerance;

    Size(
        int s1Users,
        double s1Tolerance,
        int s2UsersPerRule,
        int s2FallbackUsers,
        double s2Tolerance) {
      this.s1Users = s1Users;
      this.s1Tolerance = s1Tolerance;
      this.s2UsersPerRule = s2UsersPerRule;
      this.s2FallbackUsers = s2FallbackUsers;
      this.s2Tolerance = s2Tolerance;
    }
  }

  /**
   * The outcome of one check.
   *
   * @param peer the peer's display name
   * @param ok whether every part passed
   * @param lines one line per part, with its numbers
   */
  public record Report(String peer, boolean ok, List<String> lines) {

    /**
     * The report as printed: a headline and the lines, each prefixed with {@code [sanity]}.
     *
     * @return the text, ending with a newline
     */
    public String text() {
      StringBuilder sb = new StringBuilder();
      sb.append("[sanity] ").append(peer).append(ok ? "  -> OK" : "  -> FAILED").append('\n');
      for (String line : lines) {
        sb.append("[sanity]   ").append(line).append('\n');
      }
      return sb.toString();
    }
  }

  /**
   * Runs the check, prints it to standard output, and fails if it did not pass.
   *
   * @param peer the peer
   * @param size how much to evaluate
   * @param <C> the peer's context type
   * @return the report of a passing check
   * @throws IllegalStateException when the check failed
   */
  public static <C> Report runOrThrow(Peer<C> peer, Size size) {
    Report report = run(peer, size);
    System.out.println();
    System.out.print(report.text());
    System.out.flush();
    if (!report.ok()) {
      throw new IllegalStateException(
          "sanity check failed for " + peer.name() + ":\n" + report.text());
    }
    return report;
  }

  /**
   * Runs the check.
   *
   * @param peer the peer
   * @param size how much to evaluate
   * @param <C> the peer's context type
   * @return the report
   */
  public static <C> Report run(Peer<C> peer, Size size) {
    List<String> lines = new ArrayList<>();
    lines.add(peer.description() + "  [" + size + " check]");
    for (String d : peer.deviations()) {
      lines.add("deviation: " + d);
    }
    boolean ok = checkS1(peer, size, lines);
    ok &= checkS2Rules(peer, size, lines);
    ok &= checkS2Pool(peer, lines);
    ok &= checkS2Fallback(peer, size, lines);
    ok &= checkS2WorstCase(peer, lines);
    return new Report(peer.name(), ok, List.copyOf(lines));
  }

  private static <C> boolean checkS1(Peer<C> peer, Size size, List<String> lines) {
    List<User> users = Population.manyUsers(size.s1Users);
    long nl = 0;
    long nlTrue = 0;
    long other = 0;
    long otherTrue = 0;
    for (User u : users) {
      boolean value = peer.s1(peer.context(u));
      if (Reference.s1RuleHit(u)) {
        nl++;
        nlTrue += value ? 1 : 0;
      } else {
        other++;
        otherTrue += value ? 1 : 0;
      }
    }
    double share = otherTrue / (double) other;
    boolean ok = nl > 0 && nlTrue == nl && Math.abs(share - 0.5) <= size.s1Tolerance;
    lines.add(
        String.format(
            Locale.ROOT,
            "S1/S3 %,d users: rule NL -> true for %,d/%,d; others: share of true %.4f"
                + " (%,d/%,d, expect 0.5 +/- %.2f) -> %s",
            users.size(),
            nlTrue,
            nl,
            share,
            otherTrue,
            other,
            size.s1Tolerance,
            verdict(ok)));
    return ok;
  }

  private static <C> boolean checkS2Rules(Peer<C> peer, Size size, List<String> lines) {
    StringBuilder line = new StringBuilder("S2 rules (agree with reference / users):");
    boolean ok = true;
    for (int rule = 1; rule <= 6; rule++) {
      List<User> users = Population.s2ByOutcome(rule, size.s2UsersPerRule, Population.SEED);
      String expected = Scenarios.S2_RULE_VARIATION.get(rule);
      int agree = 0;
      for (User u : users) {
        if (Reference.s2Rule(u) != rule) {
          throw new IllegalStateException("population bug: " + u + " is not decided by " + rule);
        }
        if (expected.equals(peer.s2(peer.context(u)))) {
          agree++;
        }
      }
      ok &= agree == users.size();
      line.append(String.format(Locale.ROOT, " r%d=%d/%d", rule, agree, users.size()));
    }
    lines.add(line.append(" -> ").append(verdict(ok)).toString());
    return ok;
  }

  private static <C> boolean checkS2Pool(Peer<C> peer, List<String> lines) {
    List<User> pool = Population.s2Pool(Population.S2_POOL);
    int[] byRule = new int[7];
    int ruleDecided = 0;
    int agree = 0;
    int invalid = 0;
    for (User u : pool) {
      int rule = Reference.s2Rule(u);
      byRule[rule]++;
      String value = peer.s2(peer.context(u));
      if (rule > 0) {
        ruleDecided++;
        agree += Scenarios.S2_RULE_VARIATION.get(rule).equals(value) ? 1 : 0;
      } else if (!Scenarios.S2_VARIATIONS.contains(value)) {
        invalid++;
      }
    }
    boolean ok = agree == ruleDecided && invalid == 0;
    lines.add(
        String.format(
            Locale.ROOT,
            "S2 benchmark pool (%d users) decided by r1..r6=%d/%d/%d/%d/%d/%d, rollout=%d;"
                + " rule-decided agreement %d/%d, invalid values %d -> %s",
            pool.size(),
            byRule[1],
            byRule[2],
            byRule[3],
            byRule[4],
            byRule[5],
            byRule[6],
            byRule[0],
            agree,
            ruleDecided,
            invalid,
            verdict(ok)));
    return ok;
  }

  private static <C> boolean checkS2Fallback(Peer<C> peer, Size size, List<String> lines) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String v : Scenarios.S2_VARIATIONS) {
      counts.put(v, 0);
    }
    int invalid = 0;
    List<User> users = Population.s2ByOutcome(0, size.s2FallbackUsers, Population.SEED);
    for (User u : users) {
      String value = peer.s2(peer.context(u));
      if (counts.containsKey(value)) {
        counts.merge(value, 1, Integer::sum);
      } else {
        invalid++;
      }
    }
    boolean ok = invalid == 0;
    StringBuilder line =
        new StringBuilder(
            String.format(Locale.ROOT, "S2 fallback rollout over %,d users:", users.size()));
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      double share = e.getValue() / (double) users.size();
      ok &= Math.abs(share - 0.25) <= size.s2Tolerance;
      line.append(String.format(Locale.ROOT, " %s=%.3f", e.getKey(), share));
    }
    if (invalid > 0) {
      line.append(" invalid=").append(invalid);
    }
    line.append(
        String.format(Locale.ROOT, " (expect 0.25 +/- %.3f) -> %s", size.s2Tolerance, verdict(ok)));
    lines.add(line.toString());
    return ok;
  }

  private static <C> boolean checkS2WorstCase(Peer<C> peer, List<String> lines) {
    User worst = Population.s2WorstCaseUser();
    String value = peer.s2(peer.context(worst));
    boolean ok = Reference.s2Rule(worst) == 0 && Scenarios.S2_VARIATIONS.contains(value);
    lines.add(
        String.format(
            Locale.ROOT,
            "S2 worst-case user (misses all six rules) -> \"%s\" -> %s",
            value,
            verdict(ok)));
    return ok;
  }

  private static String verdict(boolean ok) {
    return ok ? "ok" : "FAIL";
  }
}
