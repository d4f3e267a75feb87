package dev.ff.jmh.peers.ff_sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ff.jmh.harness.Population;
import dev.ff.jmh.harness.Sanity;
import dev.ff.jmh.harness.User;
import dev.ff.jmh.peers.ff.FfPeer;
import dev.ff.sdk.Context;
import dev.ff.sdk.EventStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfSdkPeerTest {

  @Test
  void sanity_quickCheckPasses() {
    try (FfSdkPeer peer = new FfSdkPeer()) {
      Sanity.Report report = Sanity.run(peer, Sanity.Size.QUICK);
      assertThat(report.ok()).as(report.text()).isTrue();
    }
  }

  @Test
  void answersLikeTheCoreEvaluator() {
    try (FfSdkPeer sdk = new FfSdkPeer();
        FfPeer core = new FfPeer()) {
      for (User u : Population.s2Pool(Population.S2_POOL)) {
        assertThat(sdk.s1(sdk.context(u))).as("s1 %s", u).isEqualTo(core.s1(core.context(u)));
        assertThat(sdk.s2(sdk.context(u))).as("s2 %s", u).isEqualTo(core.s2(core.context(u)));
      }
    }
  }

  @Test
  void exposures_recordedOncePerUserFlagAndVariation_thenDeduplicated() {
    try (FfSdkPeer peer = new FfSdkPeer()) {
      EventStats start = peer.eventStats();
      Context ctx = peer.context(Population.s1FixedUser());
      peer.s1(ctx);
      EventStats first = peer.eventStats();
      assertThat(first.enqueued() + first.dropped())
          .isEqualTo(start.enqueued() + start.dropped() + 1);
      for (int i = 0; i < 1000; i++) {
        peer.s1(ctx);
      }
      EventStats repeated = peer.eventStats();
      assertThat(repeated.deduplicated()).isEqualTo(first.deduplicated() + 1000);
      assertThat(repeated.enqueued()).isEqualTo(first.enqueued());
      assertThat(repeated.sent()).isZero(); // nothing is flushed while the peer runs
    }
  }

  @Test
  void context_carriesAllNineAttributes() {
    try (FfSdkPeer peer = new FfSdkPeer()) {
      Context ctx = peer.context(Population.s2WorstCaseUser());
      assertThat(ctx.key()).isEqualTo("s2-worst-case-user");
      assertThat(ctx.toJson().size()).isEqualTo(9);
      for (String name : List.of("age", "logins")) {
        assertThat(ctx.get(name).isInt()).as(name).isTrue();
      }
      assertThat(ctx.get("beta").isBoolean()).isTrue();
    }
  }
}
