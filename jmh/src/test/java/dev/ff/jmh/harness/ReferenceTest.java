package dev.ff.jmh.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceTest {

  private static final String IPHONE =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15";
  private static final String ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/126";
  private static final String LINUX_DESKTOP = "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Firefox";
  private static final String WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126";

  /** A user that misses every S2 rule: each test changes one attribute. */
  private static User base() {
    return new User("u", "US", "u@example.org", "free", WINDOWS, 20, "2.2.9", false, 3);
  }

  private static User with(String email, String plan, String ua, int age, String version) {
    return new User("u", "US", email, plan, ua, age, version, false, 3);
  }

  @Test
  void s2Rule_missesEveryRuleForTheBaseUser() {
    assertThat(Reference.s2Rule(base())).isZero();
  }

  @Test
  void s2Rule_emailMustEndWithTheDomain() {
    assertThat(Reference.s2Rule(with("a@example.com", "free", WINDOWS, 20, "1.0.0"))).isEqualTo(1);
    assertThat(Reference.s2Rule(with("a@example.com.au", "free", WINDOWS, 20, "1.0.0"))).isZero();
  }

  @Test
  void s2Rule_planIsGoldOrPlatinum() {
    assertThat(Reference.s2Rule(with("a@x.org", "gold", WINDOWS, 20, "1.0.0"))).isEqualTo(2);
    assertThat(Reference.s2Rule(with("a@x.org", "platinum", WINDOWS, 20, "1.0.0"))).isEqualTo(2);
    assertThat(Reference.s2Rule(with("a@x.org", "Gold", WINDOWS, 20, "1.0.0"))).isZero();
  }

  @Test
  void s2Rule_userAgentNeedsOneOfTheMobilePrefixes() {
    assertThat(Reference.s2Rule(with("a@x.org", "free", IPHONE, 20, "1.0.0"))).isEqualTo(3);
    assertThat(Reference.s2Rule(with("a@x.org", "free", ANDROID, 20, "1.0.0"))).isEqualTo(3);
    assertThat(Reference.s2Rule(with("a@x.org", "free", LINUX_DESKTOP, 20, "1.0.0"))).isZero();
    assertThat(Reference.s2Rule(with("a@x.org", "free", "curl/8.5.0 (iPhone)", 20, "1.0.0")))
        .isZero();
  }

  @Test
  void s2Rule_ageMustBeAboveThirty() {
    assertThat(Reference.s2Rule(with("a@x.org", "free", WINDOWS, 31, "1.0.0"))).isEqualTo(4);
    assertThat(Reference.s2Rule(with("a@x.org", "free", WINDOWS, 30, "1.0.0"))).isZero();
  }

  @Test
  void s2Rule_earlierRuleWins() {
    assertThat(Reference.s2Rule(with("a@example.com", "gold", IPHONE, 40, "3.0.0"))).isEqualTo(1);
    assertThat(Reference.s2Rule(with("a@x.org", "free", WINDOWS, 40, "3.0.0"))).isEqualTo(4);
  }

  @Test
  void semverAtLeast_comparesPartsAsNumbers() {
    assertThat(Reference.semverAtLeast("2.3.0", "2.3.0")).isTrue();
    assertThat(Reference.semverAtLeast("2.10.0", "2.3.0")).isTrue();
    assertThat(Reference.semverAtLeast("3.0.0", "2.3.0")).isTrue();
    assertThat(Reference.semverAtLeast("2.2.10", "2.3.0")).isFalse();
    assertThat(Reference.semverAtLeast("1.9.0", "2.3.0")).isFalse();
  }

  @Test
  void s2Rule_appVersionFromTwoThreeOn() {
    assertThat(Reference.s2Rule(with("a@x.org", "free", WINDOWS, 20, "2.10.0"))).isEqualTo(5);
    assertThat(Reference.s2Rule(with("a@x.org", "free", WINDOWS, 20, "2.2.10"))).isZero();
  }

  @Test
  void inSegment_needsAllThreeConditions() {
    assertThat(Reference.inSegment(new User("u", "AT", "e", "p", "a", 1, "v", true, 11))).isTrue();
    assertThat(Reference.inSegment(new User("u", "NL", "e", "p", "a", 1, "v", true, 11))).isFalse();
    assertThat(Reference.inSegment(new User("u", "AT", "e", "p", "a", 1, "v", false, 11)))
        .isFalse();
    assertThat(Reference.inSegment(new User("u", "AT", "e", "p", "a", 1, "v", true, 10))).isFalse();
  }

  @Test
  void s1RuleHit_onlyForNl() {
    assertThat(Reference.s1RuleHit(new User("u", "NL", "e", "p", "a", 1, "v", true, 1))).isTrue();
    assertThat(Reference.s1RuleHit(new User("u", "nl", "e", "p", "a", 1, "v", true, 1))).isFalse();
  }
}
