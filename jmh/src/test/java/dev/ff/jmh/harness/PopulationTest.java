package dev.ff.jmh.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PopulationTest {

  @Test
  void manyUsers_isDeterministicAndPrefixStable() {
    List<User> small = Population.manyUsers(1_000);
    assertThat(small).isEqualTo(Population.manyUsers(1_000));
    assertThat(Population.manyUsers(2_000).subList(0, 1_000)).isEqualTo(small);
    assertThat(small.get(0).key()).isEqualTo("user-000000");
    assertThat(small.get(999).key()).isEqualTo("user-000999");
  }

  @Test
  void manyUsers_hasDistinctKeysAndAboutTenPercentNl() {
    List<User> users = Population.manyUsers(Population.S3_USERS);
    Set<String> keys = new HashSet<>();
    long nl = 0;
    for (User u : users) {
      keys.add(u.key());
      nl += "NL".equals(u.country()) ? 1 : 0;
    }
    assertThat(keys).hasSize(Population.S3_USERS);
    // Binomial(100000, 0.1): standard deviation about 95 users.
    assertThat(nl).isBetween(9_500L, 10_500L);
  }

  @Test
  void s2ByOutcome_everyUserIsDecidedByThatOutcome() {
    for (int outcome = 0; outcome <= 6; outcome++) {
      List<User> users = Population.s2ByOutcome(outcome, 500, Population.SEED);
      assertThat(users).hasSize(500);
      for (User u : users) {
        assertThat(Reference.s2Rule(u)).as("%s", u).isEqualTo(outcome);
      }
    }
  }

  @Test
  void s2Pool_coversEveryOutcomeRoughlyEqually() {
    List<User> pool = Population.s2Pool(Population.S2_POOL);
    assertThat(pool).hasSize(Population.S2_POOL).isEqualTo(Population.s2Pool(Population.S2_POOL));
    int[] byOutcome = new int[7];
    for (User u : pool) {
      byOutcome[Reference.s2Rule(u)]++;
    }
    // 2048 / 7 = 292.6 expected per outcome, standard deviation about 15.8.
    for (int count : byOutcome) {
      assertThat(count).isBetween(200, 390);
    }
  }

  @Test
  void s2WorstCaseUser_failsTheSegmentOnlyOnItsLastCondition() {
    User worst = Population.s2WorstCaseUser();
    assertThat(Reference.s2Rule(worst)).isZero();
    assertThat(Scenarios.S2_SEGMENT_COUNTRIES).contains(worst.country());
    assertThat(worst.beta()).isTrue();
    assertThat(worst.logins()).isEqualTo(Scenarios.S2_SEGMENT_LOGINS_GT);
    assertThat(worst.age()).isEqualTo(Scenarios.S2_AGE_GT);
  }

  @Test
  void s1FixedUser_missesTheRule() {
    assertThat(Reference.s1RuleHit(Population.s1FixedUser())).isFalse();
  }
}
