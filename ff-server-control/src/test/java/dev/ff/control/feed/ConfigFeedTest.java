package dev.ff.control.feed;

import static dev.ff.control.Fixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ff.control.ControlPlane;
import dev.ff.control.Fixtures;
import dev.ff.control.TestDatabase;
import dev.ff.control.domain.EnvRef;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConfigFeedTest {
  private static final String APP = "ff-config-feed-test";
  private static TestDatabase db;
  private static ControlPlane cp;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    cp = new ControlPlane(db.database().jdbi(), Clock.systemUTC(), Fixtures.KEYS, Fixtures.PEPPER);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  private static long publish(EnvRef env) {
    return cp.publisher()
        .publish(ALICE, env.org(), env.project(), env.env(), Optional.empty())
        .config()
        .version();
  }

  @Test
  void deliversNotificationsAndSurvivesATerminatedBackend() {
    EnvRef env = Fixtures.tenant(cp, "feeding");
    long envId = cp.reader().environment("feeding", "shop", "prod").orElseThrow().envId();
    List<String> events = new CopyOnWriteArrayList<>();
    AtomicInteger reconnects = new AtomicInteger();
    try (ConfigFeed feed = ConfigFeed.start(db.database().dedicatedConnections(APP));
        ConfigFeed.Registration registration =
            feed.register(
                new ConfigFeed.Listener() {
                  @Override
                  public void onConfig(long id, long version) {
                    events.add(id + ":" + version);
                  }

                  @Override
                  public void onReconnect() {
                    reconnects.incrementAndGet();
                  }
                })) {
      await().atMost(Duration.ofSeconds(10)).until(feed::connected);
      long v1 = publish(env);
      await().atMost(Duration.ofSeconds(10)).until(() -> events.contains(envId + ":" + v1));

      int terminated =
          db.database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                  + " WHERE application_name = :app AND datname ="
                                  + " current_database()")
                          .bind("app", APP)
                          .mapTo(Integer.class)
                          .one());
      assertThat(terminated).isEqualTo(1);
      await().atMost(Duration.ofSeconds(20)).until(() -> reconnects.get() >= 1 && feed.connected());

      long v2 = publish(env);
      await().atMost(Duration.ofSeconds(10)).until(() -> events.contains(envId + ":" + v2));
      assertThat(registration).isNotNull();
    }
  }

  @Test
  void closedRegistrationsHearNothing() {
    EnvRef env = Fixtures.tenant(cp, "quiet");
    List<Long> heard = new CopyOnWriteArrayList<>();
    List<Long> other = new CopyOnWriteArrayList<>();
    try (ConfigFeed feed = ConfigFeed.start(db.database().dedicatedConnections(APP + "-2"))) {
      ConfigFeed.Registration first = feed.register((id, version) -> heard.add(version));
      feed.register((id, version) -> other.add(version));
      await().atMost(Duration.ofSeconds(10)).until(feed::connected);
      first.close();
      long v = publish(env);
      await().atMost(Duration.ofSeconds(10)).until(() -> other.contains(v));
      assertThat(heard).isEmpty();
    }
  }
}
