package dev.ff.cli;

import dev.ff.control.ControlPlaneConfig;
import dev.ff.control.ControlPlaneServer;
import dev.ff.control.db.DemoSeed;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ff seed}: seeds the demo organisation into an instance's database without serving. The
 * instance is named the way {@code ff serve} names it: {@code FF_DATABASE_URL} (and user, password)
 * for an external PostgreSQL, otherwise the embedded one under the data folder, with the signing
 * keys and token pepper of that instance. Idempotent.
 */
@Command(
    name = "seed",
    mixinStandardHelpOptions = true,
    description = {
      "Seed the demo organisation (demo/shop, development + production) into an instance.",
      "Uses FF_DATABASE_URL when set, else the embedded PostgreSQL under --data (not while an",
      "ff serve runs on that same data folder: it seeds on its first start anyway).",
    })
final class SeedCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data folder of the instance (default: FF_DATA_DIR or ./data).")
  Path data;

  @Override
  public Integer call() {
    DemoSeed.Result result = ControlPlaneServer.seedDemo(config(System.getenv()));
    System.out.println(
        result.created()
            ? "seeded the demo organisation 'demo' (project 'shop')"
            : "the demo organisation 'demo' was there already; nothing missing was left out");
    result.adminSecret().ifPresent(secret -> System.out.println("demo admin token: " + secret));
    return 0;
  }

  /** The settings: environment variables first, then the options on top. */
  ControlPlaneConfig config(Map<String, String> env) {
    ControlPlaneConfig config = ControlPlaneConfig.fromEnvironment(env);
    if (!env.containsKey("FF_DATA_DIR")) {
      config = config.withDataDir(Path.of("data"));
    }
    return data == null ? config : config.withDataDir(data);
  }
}
