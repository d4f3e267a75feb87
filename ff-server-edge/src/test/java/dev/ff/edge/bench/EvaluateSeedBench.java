package dev.ff.edge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The control plane of the {@code /evaluate} throughput run (bench/edge/evaluate.sh): starts one on
 * a fresh database, creates {@code SEGMENTS} segments and {@code FLAGS} flags through the admin API
 * (8 concurrent requests), publishes, creates an SDK token, writes {@code CONTROL_URL}, {@code
 * SDK_TOKEN}, {@code SIGNING_KEYS}, {@code VERSION} and {@code BYTES} (the document size) as shell
 * assignments to the given file, then serves until the process is stopped (the database is dropped
 * on exit).
 *
 * <p>Not a unit test. {@code java -cp <test classpath> dev.ff.edge.bench.EvaluateSeedBench <port>
 * <out-file> [flags] [segments]}.
 */
public final class EvaluateSeedBench {
  private static final String[] COUNTRIES = {"NL", "BE", "DE", "FR", "US", "GB", "ES", "IT"};

  private EvaluateSeedBench() {}

  /**
   * Seeds and serves.
   *
   * @param args port, output file, flags (1000), segments (100)
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    int flags = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int segments = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    BenchControlPlane cp = new BenchControlPlane("prod", port);
    Runtime.getRuntime().addShutdownHook(new Thread(cp::close, "ebench-drop-database"));
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> pending = new ArrayList<>();
    for (int s = 0; s < segments; s++) {
      String body = segment(s);
      pending.add(pool.submit(() -> cp.call("POST", cp.envPath() + "/segments", body, 201)));
    }
    for (Future<?> f : pending) {
      f.get();
    }
    pending.clear();
    for (int i = 0; i < flags; i++) {
      String body = flag(i, segments);
      pending.add(pool.submit(() -> cp.call("POST", cp.envPath() + "/flags", body, 201)));
    }
    for (Future<?> f : pending) {
      f.get();
    }
    pool.shutdown();
    long version = cp.publish();
    String token = cp.sdkToken();
    int bytes = cp.call("GET", cp.envPath() + "/config", null, 200).body().length();
    System.out.printf(
        Locale.ROOT,
        "seeded %d segments and %d flags, published v%d (%d bytes) in %.1f s%n",
        segments,
        flags,
        version,
        bytes,
        (System.nanoTime() - started) / 1e9);
    Files.writeString(
        out,
        "CONTROL_URL="
            + cp.url()
            + "\nSDK_TOKEN="
            + token
            + "\nSIGNING_KEYS="
            + BenchControlPlane.SIGNING_KEYS
            + "\nVERSION="
            + version
            + "\nBYTES="
            + bytes
            + "\n");
    Thread.currentThread().join(); // serve until stopped
  }

  /** Segment {@code seg-s}: 20 included keys, and a country + plan condition. */
  static String segment(int s) {
    StringBuilder included = new StringBuilder();
    for (int k = 0; k < 20; k++) {
      included.append(k == 0 ? "" : ",").append("\"u").append(s * 1000 + k).append('"');
    }
    return "{\"key\":\"seg-"
        + s
        + "\",\"included\":["
        + included
        + "],\"if\":{\"all\":[{\"attr\":\"country\",\"op\":\"eq\",\"value\":\""
        + COUNTRIES[s % COUNTRIES.length]
        + "\"},{\"attr\":\"plan\",\"op\":\"in\",\"values\":[\"pro\",\"enterprise\"]}]}}";
  }

  /**
   * Four kinds of flags, in turn: boolean with a segment rule and a country rule; multivariate with
   * a 3-way percentage rollout after an attribute rule; boolean with a SemVer rule and a 20%
   * rollout; JSON with an {@code any} of a segment and a {@code starts_with} rule.
   */
  static String flag(int i, int segments) {
    String seg = "seg-" + (i % segments);
    String country = COUNTRIES[i % COUNTRIES.length];
    String bool =
        "\"type\":\"boolean\",\"variations\":[{\"key\":\"off\",\"value\":false},"
            + "{\"key\":\"on\",\"value\":true}],\"offVariation\":\"off\",\"defaultVariation\":\"off\",";
    String rules =
        switch (i % 4) {
          case 0 ->
              bool
                  + "\"rules\":[{\"id\":\"seg\",\"if\":{\"segment\":\""
                  + seg
                  + "\"},\"then\":{\"variation\":\"on\"}},{\"id\":\"country\",\"if\":{\"attr\":"
                  + "\"country\",\"op\":\"in\",\"values\":[\""
                  + country
                  + "\",\"XX\"]},\"then\":{\"variation\":\"on\"}}]";
          case 1 ->
              "\"type\":\"multivariate\",\"variations\":[{\"key\":\"red\",\"value\":\"red\"},"
                  + "{\"key\":\"green\",\"value\":\"green\"},{\"key\":\"blue\",\"value\":\"blue\"}],"
                  + "\"offVariation\":\"red\",\"defaultVariation\":\"red\",\"rules\":[{\"id\":\"ent\","
                  + "\"if\":{\"attr\":\"plan\",\"op\":\"eq\",\"value\":\"enterprise\"},\"then\":"
                  + "{\"variation\":\"blue\"}},{\"id\":\"split\",\"if\":{\"all\":[]},\"then\":{\"rollout\":"
                  + "{\"variations\":[{\"variation\":\"red\",\"weight\":3400},{\"variation\":\"green\","
                  + "\"weight\":3300},{\"variation\":\"blue\",\"weight\":3300}]}}}]";
          case 2 ->
              bool
                  + "\"rules\":[{\"id\":\"new-app\",\"if\":{\"attr\":\"appVersion\",\"op\":\"semver_gte\","
                  + "\"value\":\"2."
                  + (i % 10)
                  + ".0\"},\"then\":{\"variation\":\"on\"}},{\"id\":\"pct\",\"if\":{\"all\":[]},\"then\":"
                  + "{\"rollout\":{\"variations\":[{\"variation\":\"on\",\"weight\":2000},"
                  + "{\"variation\":\"off\",\"weight\":8000}]}}}]";
          default ->
              "\"type\":\"json\",\"variations\":[{\"key\":\"a\",\"value\":{\"limit\":10}},"
                  + "{\"key\":\"b\",\"value\":{\"limit\":100}}],\"offVariation\":\"a\","
                  + "\"defaultVariation\":\"a\",\"rules\":[{\"id\":\"mix\",\"if\":{\"any\":[{\"segment\":\""
                  + seg
                  + "\"},{\"attr\":\"email\",\"op\":\"ends_with\",\"value\":\"@example.com\"}]},"
                  + "\"then\":{\"variation\":\"b\"}}]";
        };
    return "{\"key\":\"flag-" + i + "\",\"enabled\":" + (i % 50 != 49) + "," + rules + "}";
  }
}
