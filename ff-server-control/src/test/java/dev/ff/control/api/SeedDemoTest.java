package dev.ff.control.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ff.control.ControlPlaneConfig;
import dev.ff.control.ControlPlaneServer;
import dev.ff.control.TestDatabase;
import dev.ff.control.db.DemoSeed;
import dev.ff.control.domain.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ff seed}: seeding an instance's database without serving, and a server that sees it. */
class SeedDemoTest {

  private static TestDatabase db;

  @BeforeAll
  static void create() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void seedDemo_seedsOnceAndARunningServerServesTheSeededConfig() throws Exception {
    String admin =
        System.getProperty("ff.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    String url = admin.substring(0, admin.lastIndexOf('/') + 1) + db.name();
    Path data = Files.createTempDirectory("ff-seed-test");
    ControlPlaneConfig config =
        ControlPlaneConfig.defaults()
            .withPort(0)
            .withDataDir(data)
            .withDatabase(url, System.getProperty("ff.test.pg.user", "postgres"), null)
            .withAdminToken(TestServers.ROOT_TOKEN)
            .withSigningKeys("k1:test-secret-1")
            .withTokenPepper("pepper-for-tests-0123456789");

    DemoSeed.Result first = ControlPlaneServer.seedDemo(config);
    DemoSeed.Result second = ControlPlaneServer.seedDemo(config);

    assertThat(first.created()).isTrue();
    assertThat(first.adminSecret()).isPresent();
    assertThat(second.created()).isFalse();
    assertThat(second.adminSecret()).isEmpty();
    try (ControlPlaneServer server = new ControlPlaneServer(config).start()) {
      assertThat(server.services().orgs().get(Actor.system(), DemoSeed.ORG)).isNotNull();
      ApiClient.Res doc =
          new ApiClient(server.url(), first.adminSecret().get())
              .get("/v1/orgs/demo/projects/shop/environments/production/config");
      assertThat(doc.status()).isEqualTo(200);
      assertThat(doc.json().get("version").asLong()).isEqualTo(1);
      assertThat(doc.json().get("flags").has("new-checkout")).isTrue();
    }
  }
}
