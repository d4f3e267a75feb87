package dev.ff.jmh.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SanityTest {

  /**
   * A peer written straight from the scenario definition, with a SHA-256 split for the rollouts;
   * {@code rule4} lets a test break the age rule.
   */
  private static final class FakePeer implements Peer<User> {
    private static final Pattern USER_AGENT = Pattern.compile(Scenarios.S2_UA_REGEX);
    private final Predicate<User> rule4;
    private final boolean answerDefaults;

    FakePeer(Predicate<User> rule4, boolean answerDefaults) {
      this.rule4 = rule4;
      this.answerDefaults = answerDefaults;
    }

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public String description() {
      return "fake peer";
    }

    @Override
    public User context(User user) {
      return user;
    }

    @Override
    public boolean s1(User u) {
      if (answerDefaults) {
        return false;
      }
      return Reference.s1RuleHit(u) || (firstByte(u.key()) & 1) == 0;
    }

    @Override
    public String s2(User u) {
      if (answerDefaults) {
        return "(default)";
      }
      if (u.email().endsWith(Scenarios.S2_EMAIL_SUFFIX)) {
        return "blue";
      } else if (Scenarios.S2_PLANS.contains(u.plan())) {
        return "green";
      } else if (USER_AGENT.matcher(u.userAgent()).find()) {
        return "red";
      } else if (rule4.test(u)) {
        return "control";
      } else if (Reference.semverAtLeast(u.appVersion(), Scenarios.S2_MIN_APP_VERSION)) {
        return "blue";
      } else if (Reference.inSegment(u)) {
        return "green";
      }
      return rollout(u);
    }

    private static String rollout(User u) {
      return Scenarios.S2_VARIATIONS.get(firstByte(u.key()) & 3);
    }

    @Override
    public void close() {}
  }

  private static int firstByte(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8))[0];
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void run_passesForAPeerThatFollowsTheScenarios() {
    Sanity.Report report = Sanity.run(new FakePeer(u -> u.age() > 30, false), Sanity.Size.QUICK);

    assertThat(report.ok()).as(report.text()).isTrue();
    assertThat(report.lines()).hasSize(6);
    assertThat(report.lines().subList(1, 6)).allMatch(line -> line.endsWith("-> ok"));
    assertThat(report.text()).startsWith("[sanity] fake  -> OK\n");
  }

  @Test
  void run_failsForAPeerThatAnswersItsDefaults() {
    Sanity.Report report = Sanity.run(new FakePeer(u -> false, true), Sanity.Size.QUICK);

    assertThat(report.ok()).isFalse();
    assertThat(report.lines()).filteredOn(line -> line.endsWith("FAIL")).hasSize(5);
    assertThat(report.text()).startsWith("[sanity] fake  -> FAILED\n");
  }

  @Test
  void run_failsWhenOneRuleIsOffByOne() {
    Sanity.Report report = Sanity.run(new FakePeer(u -> u.age() > 31, false), Sanity.Size.QUICK);

    assertThat(report.ok()).isFalse();
    assertThat(report.lines())
        .filteredOn(line -> line.startsWith("S2 rules"))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("r3=200/200").doesNotContain("r4=200/200"));
  }

  @Test
  void runOrThrow_throwsWithTheReport() {
    assertThatThrownBy(() -> Sanity.runOrThrow(new FakePeer(u -> false, true), Sanity.Size.QUICK))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sanity check failed for fake");
  }
}
