package dev.ff.jmh.peers.ff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.validate.ConfigValidator;
import dev.ff.jmh.harness.Population;
import dev.ff.jmh.harness.Sanity;
import dev.ff.jmh.harness.Scenarios;
import dev.ff.jmh.harness.User;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfPeerTest {

  private static final String WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126";

  private static User user(String key, String country) {
    return new User(key, country, key + "@mail.test", "free", WINDOWS, 20, "2.2.9", false, 0);
  }

  @Test
  void document_passesTheValidatorWithoutDiagnostics() {
    assertThat(ConfigValidator.validateDocument(FfPeer.readDocument())).isEmpty();
  }

  @Test
  void s1_nlAlwaysGetsTrue() {
    try (FfPeer peer = new FfPeer()) {
      for (String key : List.of("user-000000", "user-000001", "a", "b")) {
        assertThat(peer.s1(peer.context(user(key, "NL")))).isTrue();
      }
    }
  }

  @Test
  void s1_rolloutFollowsTheContractBucket() {
    // bucket = first 8 bytes of SHA-256("5eed2024b3c4:s1-simple:" + key) mod 10000, from a
    // separate Python computation; "on" owns [0, 5000).
    try (FfPeer peer = new FfPeer()) {
      assertThat(peer.s1(peer.context(user("user-000000", "US")))).isFalse(); // bucket 7904
      assertThat(peer.s1(peer.context(user("user-000001", "US")))).isTrue(); // bucket 2375
      assertThat(peer.s1(peer.context(user("user-000003", "DE")))).isTrue(); // bucket 4538
      assertThat(peer.s1(peer.context(Population.s1FixedUser()))).isFalse(); // bucket 9119
    }
  }

  @Test
  void s2_worstCaseUserFallsToTheRolloutBucket() {
    // SHA-256("5eed2024b3c4:s2-complex:s2-worst-case-user") gives bucket 7143: green owns
    // [5000, 7500).
    try (FfPeer peer = new FfPeer()) {
      assertThat(peer.s2(peer.context(Population.s2WorstCaseUser()))).isEqualTo("green");
    }
  }

  @Test
  void s2_eachRuleGivesItsVariation() {
    try (FfPeer peer = new FfPeer()) {
      for (int rule = 1; rule <= 6; rule++) {
        for (User u : Population.s2ByOutcome(rule, 50, 7L)) {
          assertThat(peer.s2(peer.context(u)))
              .as("rule %d for %s", rule, u)
              .isEqualTo(Scenarios.S2_RULE_VARIATION.get(rule));
        }
      }
    }
  }

  @Test
  void sanity_quickCheckPasses() {
    try (FfPeer peer = new FfPeer()) {
      Sanity.Report report = Sanity.run(peer, Sanity.Size.QUICK);
      assertThat(report.ok()).as(report.text()).isTrue();
    }
  }

  @Test
  void context_carriesAllNineAttributesWithTheirJsonTypes() {
    try (FfPeer peer = new FfPeer()) {
      ObjectNode ctx = peer.context(Population.s2WorstCaseUser());
      assertThat(ctx.size()).isEqualTo(9);
      assertThat(ctx.get("age").isInt()).isTrue();
      assertThat(ctx.get("logins").isInt()).isTrue();
      assertThat(ctx.get("beta").isBoolean()).isTrue();
      assertThat(ctx.get("key").textValue()).isEqualTo("s2-worst-case-user");
    }
  }
}
