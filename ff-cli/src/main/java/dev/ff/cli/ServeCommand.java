package dev.ff.cli;

import dev.ff.control.ControlPlaneConfig;
import dev.ff.control.ControlPlaneServer;
import dev.ff.edge.EdgeConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ff serve}: the whole platform in one JVM on one port: the control plane ({@code /v1}) and
 * the edge ({@code /evaluate}, {@code /configs/{envKey}}, {@code /stream/{envKey}} for SDK tokens,
 * see {@link AllInOne}). Without {@code FF_DATABASE_URL} it runs an embedded PostgreSQL under the
 * data folder; on first start it seeds a demo organisation and prints the URL and an admin token
 * ({@code FF_ADMIN_TOKEN} presets it). Every other setting comes from the {@code FF_*} environment
 * variables listed in ff-server-control's README ({@code FF_HTTP_HOST} for the listening address,
 * 127.0.0.1 by default).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the platform (control plane REST API, edge evaluation, config delivery and streams)"
          + " on one port.",
      "Uses an embedded PostgreSQL under --data unless FF_DATABASE_URL is set.",
    })
final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTP port (default: FF_HTTP_PORT or 8080; 0 picks a free one).")
  Integer port;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Data folder: embedded database, generated keys (default: FF_DATA_DIR or ./data).")
  Path data;

  @Option(names = "--no-seed", description = "Do not create the demo organisation on first start.")
  boolean noSeed;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> env = System.getenv();
    AllInOne platform = new AllInOne(config(env), EdgeConfig.fromEnvironment(env)).start();
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "ff-shutdown"));
    ControlPlaneServer server = platform.control();
    System.out.println("ff is serving on " + server.url());
    System.out.println("admin token: " + server.adminToken());
    System.out.println(
        "try: curl -H 'Authorization: Bearer "
            + server.adminToken()
            + "' "
            + server.url()
            + "/v1/orgs");
    System.out.flush();
    server.awaitClose();
    return 0;
  }

  /** The settings: environment variables first, then these options on top. */
  ControlPlaneConfig config(Map<String, String> env) {
    ControlPlaneConfig config = ControlPlaneConfig.fromEnvironment(env);
    if (!env.containsKey("FF_DATA_DIR")) {
      config = config.withDataDir(Path.of("data"));
    }
    if (data != null) {
      config = config.withDataDir(data);
    }
    if (port != null) {
      config = config.withPort(port);
    }
    return config.withSeedDemo(!noSeed && !"false".equals(env.get("FF_SEED_DEMO")));
  }
}
