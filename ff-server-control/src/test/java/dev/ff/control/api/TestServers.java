package dev.ff.control.api;

import dev.ff.control.ControlPlaneConfig;
import dev.ff.control.ControlPlaneServer;
import dev.ff.control.TestDatabase;
import dev.ff.control.auth.IdentityConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starts control planes on a test database (ephemeral port, own data folder). */
final class TestServers {

  static final String ROOT_TOKEN = "root-token-for-tests";
  static final int MAX_BODY = 64 * 1024;

  private TestServers() {}

  /**
   * Sign-in settings of the tests: bcrypt at its minimum cost and a sign-in rate limit the tests'
   * many logins from one address never reach (AuthApiTest checks the limit on its own server);
   * otherwise the defaults.
   */
  static final IdentityConfig IDENTITY =
      IdentityConfig.defaults().withBcryptCost(4).withLoginsPerMinute(1_000_000);

  static ControlPlaneServer start(TestDatabase db) {
    return start(db, IDENTITY);
  }

  static ControlPlaneServer start(TestDatabase db, IdentityConfig identity) {
    String admin =
        System.getProperty("ff.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    String url = admin.substring(0, admin.lastIndexOf('/') + 1) + db.name();
    String user = System.getProperty("ff.test.pg.user", "postgres");
    Path data;
    try {
      data = Files.createTempDirectory("ff-api-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ControlPlaneServer(
            ControlPlaneConfig.defaults()
                .withPort(0)
                .withDataDir(data)
                .withDatabase(url, user, null)
                .withAdminToken(ROOT_TOKEN)
                .withSigningKeys("k1:test-secret-1")
                .withTokenPepper("pepper-for-tests-0123456789")
                .withMaxBodyBytes(MAX_BODY)
                .withRateLimit(10_000, 20_000)
                .withIdentity(identity))
        .start();
  }
}
