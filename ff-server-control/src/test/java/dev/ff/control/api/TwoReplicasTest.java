package dev.ff.control.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ff.control.ControlPlaneServer;
import dev.ff.control.Fixtures;
import dev.ff.control.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two control planes on one database: a publish on one reaches a stream on the other. */
class TwoReplicasTest {

  private static TestDatabase db;
  private static ControlPlaneServer first;
  private static ControlPlaneServer second;

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    first = TestServers.start(db);
    second = TestServers.start(db);
  }

  @AfterAll
  static void stop() {
    if (first != null) {
      first.close();
    }
    if (second != null) {
      second.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void publishOnOneReachesStreamOnTheOther() throws Exception {
    assertThat(first.port()).isNotEqualTo(second.port());
    ApiClient one = new ApiClient(first.url(), TestServers.ROOT_TOKEN);
    ApiClient two = new ApiClient(second.url(), TestServers.ROOT_TOKEN);
    one.post("/v1/orgs", ApiCrudTest.q("{'key':'acme','name':'Acme'}"));
    one.post("/v1/orgs/acme/projects", ApiCrudTest.q("{'key':'shop','name':'Shop'}"));
    String env = "/v1/orgs/acme/projects/shop/environments/prod";
    one.post(
        "/v1/orgs/acme/projects/shop/environments", ApiCrudTest.q("{'key':'prod','name':'P'}"));
    one.post(env + "/flags", Fixtures.booleanFlag("f").toString());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> two.get("/ready").status() == 200 && one.get("/ready").status() == 200);
    try (SseClient stream = SseClient.open(two, env + "/config/stream", null)) {
      assertThat(stream.status).isEqualTo(200);
      assertThat(one.post(env + "/publish", null).status()).isEqualTo(201);
      await().atMost(Duration.ofSeconds(10)).until(() -> !stream.events.isEmpty());
      assertThat(stream.events.get(0).event()).isEqualTo("config");
      assertThat(stream.events.get(0).id()).isEqualTo("1");
      assertThat(one.post(env + "/publish", null).status()).isEqualTo(201);
      await().atMost(Duration.ofSeconds(10)).until(() -> stream.events.size() == 2);
      assertThat(stream.events.get(1).event()).isEqualTo("patch");
      assertThat(stream.events.get(1).id()).isEqualTo("2");
    }
    assertThat(two.get("/live").status()).isEqualTo(200);
    assertThat(two.get("/metrics").status()).isEqualTo(200);
  }
}
