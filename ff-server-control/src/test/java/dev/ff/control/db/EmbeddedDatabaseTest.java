package dev.ff.control.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ff.control.ControlPlane;
import dev.ff.control.Fixtures;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.publish.ConfigVersion;
import dev.ff.core.ConfigLoader;
import dev.ff.core.eval.CompiledConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Slow: unpacks and starts a real PostgreSQL twice. */
class EmbeddedDatabaseTest {
  private static final String PRESET = "ffa_" + "x".repeat(43);

  @Test
  void startsMigratesSeedsAndKeepsDataAcrossRestarts() throws Exception {
    // Under the build folder (java.io.tmpdir is set to it), whose ancestors are traversable, so
    // that the unprivileged server user can reach the data directory when the build runs as root.
    Path base = Path.of(System.getProperty("java.io.tmpdir"));
    Files.createDirectories(base);
    Path folder = Files.createTempDirectory(base, "embedded-pg-");

    long envId;
    try (EmbeddedDatabase pg = EmbeddedDatabase.start(folder);
        Database db = pg.open()) {
      ControlPlane cp =
          new ControlPlane(db.jdbi(), Clock.systemUTC(), Fixtures.KEYS, Fixtures.PEPPER);
      DemoSeed.Result first = DemoSeed.seed(cp, Optional.of(PRESET));
      assertThat(first.created()).isTrue();
      assertThat(first.adminSecret()).contains(PRESET);
      assertThat(cp.tokens().authenticate(PRESET)).isPresent();

      DemoSeed.Result again = DemoSeed.seed(cp, Optional.empty());
      assertThat(again.created()).isFalse();
      assertThat(again.adminSecret()).isEmpty();

      envId = cp.reader().environment("demo", "shop", "production").orElseThrow().envId();
      ConfigVersion latest = cp.reader().latest(envId).orElseThrow();
      assertThat(latest.version()).isEqualTo(1);
      CompiledConfig config =
          ((ConfigLoader.Loaded) ConfigLoader.load(latest.document(), Fixtures.KEYS.ring()))
              .config();
      assertThat(
              config
                  .evaluate("banner-color", Fixtures.json("{'key':'alice'}"), null)
                  .value()
                  .textValue())
          .isEqualTo("green");
      assertThat(
              config
                  .evaluate("banner-color", Fixtures.json("{'key':'zed','country':'NL'}"), null)
                  .value()
                  .textValue())
          .isEqualTo("red");
      assertThat(
              config
                  .evaluateBoolean("kill-switch", Fixtures.json("{'key':'x'}"), false)
                  .value()
                  .asBoolean())
          .isTrue();
      int on = 0;
      for (int i = 0; i < 400; i++) {
        on +=
            config
                    .evaluateBoolean("new-checkout", Fixtures.json("{'key':'u" + i + "'}"), false)
                    .value()
                    .asBoolean()
                ? 1
                : 0;
      }
      assertThat(on).isBetween(60, 140);
    }

    try (EmbeddedDatabase pg = EmbeddedDatabase.start(folder);
        Database db = pg.open()) {
      ControlPlane cp =
          new ControlPlane(db.jdbi(), Clock.systemUTC(), Fixtures.KEYS, Fixtures.PEPPER);
      assertThat(cp.reader().latest(envId)).isPresent();
      assertThat(
              cp.flags()
                  .get(Actor.system(), new EnvRef("demo", "shop", "development"), "kill-switch"))
          .isNotNull();
      assertThat(cp.tokens().authenticate(PRESET)).isPresent();
      assertThat(DemoSeed.seed(cp, Optional.empty()).created()).isFalse();
    }
  }
}
