package dev.ff.cli;

import dev.ff.edge.EdgeConfig;
import dev.ff.edge.EdgeServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ff edge}: an edge evaluator that replicates the configs of some environments from a
 * control plane and serves {@code /evaluate}, {@code /configs/{env}} and {@code /stream/{env}}.
 * Settings come from the {@code FF_*} variables of ff-server-edge's README, these options on top.
 * Several edges run side by side on different ports.
 */
@Command(
    name = "edge",
    mixinStandardHelpOptions = true,
    description = {
      "Run an edge evaluator: a verified, compiled replica of each environment's config.",
      "Example: ff edge --control http://127.0.0.1:8080 --env production=ffs_... --port 8090",
    })
final class EdgeCommand implements Callable<Integer> {

  @Option(
      names = "--control",
      paramLabel = "URL",
      description = "Control plane base URL (default: FF_CONTROL_URL or http://127.0.0.1:8080).")
  String control;

  @Option(
      names = "--env",
      paramLabel = "ENV=TOKEN",
      description =
          "A served environment and its SDK token; repeatable (default: FF_EDGE_ENVIRONMENTS).")
  List<String> envs;

  @Option(
      names = "--signing-keys",
      paramLabel = "KID:SECRET,...",
      description = "Keys documents may be signed with (default: FF_SIGNING_KEYS).")
  String signingKeys;

  @Option(
      names = "--redis",
      paramLabel = "URL",
      description = "Redis L2 store, e.g. redis://127.0.0.1:6379 (default: FF_REDIS_URL, none).")
  String redis;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTP port (default: FF_HTTP_PORT or 8090; 0 picks a free one).")
  Integer port;

  @Override
  public Integer call() throws InterruptedException {
    EdgeServer edge = new EdgeServer(config(System.getenv())).start();
    Runtime.getRuntime().addShutdownHook(new Thread(edge::close, "ff-edge-shutdown"));
    System.out.println("ff edge is serving on " + edge.url());
    System.out.flush();
    edge.awaitClose();
    return 0;
  }

  /** The settings: environment variables first, then these options on top. */
  EdgeConfig config(Map<String, String> env) {
    EdgeConfig config = EdgeConfig.fromEnvironment(env);
    if (control != null) {
      config = config.withControlUrl(control);
    }
    if (envs != null && !envs.isEmpty()) {
      Map<String, String> served = new LinkedHashMap<>();
      for (String entry : envs) {
        EdgeConfig.parseEnvironments(entry)
            .forEach(
                (key, token) -> {
                  if (served.put(key, token) != null) {
                    throw new IllegalArgumentException("environment " + key + " is listed twice");
                  }
                });
      }
      config = config.withEnvironments(served);
    }
    if (signingKeys != null) {
      config = config.withSigningKeys(signingKeys);
    }
    if (redis != null) {
      config = config.withRedisUrl(redis);
    }
    if (port != null) {
      config = config.withPort(port);
    }
    config.keyRing(); // fail early on missing or malformed keys
    return config;
  }
}
