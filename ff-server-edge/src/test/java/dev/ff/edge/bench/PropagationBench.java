package dev.ff.edge.bench;

import dev.ff.edge.EdgeConfig;
import dev.ff.edge.EdgeServer;
import dev.ff.edge.replica.EnvironmentReplica;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Propagation delay from a publish at the control plane to the edges and to their SDK streams.
 *
 * <p>One JVM: a control plane on a fresh database ({@link BenchControlPlane}), {@code EDGES} edge
 * servers subscribed to it, {@code CLIENTS} SSE clients on the edges' {@code /stream/{env}} (round
 * robin over the edges), then {@code PUBLISHES} times: change the flag (PATCH, not timed), take
 * {@code t0}, publish, and wait until every edge has installed the new version (its replica's
 * {@code Snapshot.installedAt}, via a listener) and every client has received an event with that
 * {@code id}. Then rollbacks to earlier versions, timed the same way and checked with {@code
 * /evaluate} on every edge. Times are wall-clock microseconds ({@link Instant}), so the edge's own
 * timestamp and the clients' receipt times are comparable.
 *
 * <p>Not a unit test (no {@code @Test}); run with {@code java -cp <test classpath>
 * dev.ff.edge.bench.PropagationBench [publishes] [clients] [edges] [rollbacks]}; see
 * bench/edge/README.md.
 */
public final class PropagationBench {
  private static final String ENV = "prod";
  private static final String FLAG = "propagated";
  private static final long WAIT_MICROS = 10_000_000;

  private PropagationBench() {}

  /** Receipt times of one client, indexed by version − base (0 = not yet). */
  private static final class Client implements Flow.Subscriber<String> {
    final AtomicLongArray received;
    final long base;
    String id;
    boolean hasData;
    Flow.Subscription subscription;

    Client(long base, int slots) {
      this.base = base;
      this.received = new AtomicLongArray(slots);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (line.isEmpty()) {
        if (hasData && id != null) {
          long slot = Long.parseLong(id) - base;
          if (slot >= 0 && slot < received.length()) {
            received.compareAndSet((int) slot, 0, micros(Instant.now()));
          }
        }
        id = null;
        hasData = false;
      } else if (line.startsWith("id:")) {
        id = line.substring(3).trim();
      } else if (line.startsWith("data:")) {
        hasData = true;
      }
    }

    @Override
    public void onError(Throwable t) {
      System.err.println("SSE client failed: " + t);
    }

    @Override
    public void onComplete() {
      System.err.println("SSE client stream ended");
    }
  }

  /**
   * Runs the benchmark.
   *
   * @param args publishes (200), clients (100), edges (3), rollbacks (5)
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int publishes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int edgeCount = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int rollbacks = args.length > 3 ? Integer.parseInt(args[3]) : 5;

    List<EdgeServer> edges = new ArrayList<>();
    try (BenchControlPlane cp = new BenchControlPlane(ENV, 0)) {
      Runtime.getRuntime().addShutdownHook(new Thread(cp::close));
      cp.call("POST", cp.envPath() + "/flags", flag(0), 201);
      long flagVersion = 1;
      long base = cp.publish();
      String token = cp.sdkToken();
      int slots = publishes + rollbacks + 1;

      AtomicLongArray edgeTimes = new AtomicLongArray(slots * edgeCount);
      for (int e = 0; e < edgeCount; e++) {
        EdgeServer edge =
            new EdgeServer(
                    EdgeConfig.defaults()
                        .withPort(0)
                        .withControlUrl(cp.url())
                        .withEnvironments(Map.of(ENV, token))
                        .withSigningKeys(BenchControlPlane.SIGNING_KEYS))
                .start();
        edges.add(edge);
        int index = e;
        edge.replica(ENV)
            .orElseThrow()
            .addListener(
                change -> {
                  long slot = change.current().version() - base;
                  if (slot >= 0 && slot < slots) {
                    edgeTimes.compareAndSet(
                        (int) slot * edgeCount + index, 0, micros(change.current().installedAt()));
                  }
                });
      }
      awaitTrue(() -> edges.stream().allMatch(EdgeServer::allReady), "edges ready");

      // A few HTTP clients (each has one selector thread) share the SSE connections.
      List<HttpClient> httpClients = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        httpClients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
      }
      List<Client> sse = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        Client client = new Client(base, slots);
        sse.add(client);
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(edges.get(c % edgeCount).url() + "/stream/" + ENV))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Void>> response =
            httpClients
                .get(c % httpClients.size())
                .sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(client));
        response.whenComplete(
            (r, t) -> {
              if (t != null) {
                System.err.println("SSE connect failed: " + t);
              }
            });
      }
      awaitTrue(
          () -> sse.stream().allMatch(c -> c.received.get(0) != 0), "initial config at clients");
      System.out.printf(
          Locale.ROOT,
          "== %d edges, %d SSE clients connected, base version %d; %d publishes%n",
          edgeCount,
          clients,
          base,
          publishes);

      long[] edgesAll = new long[publishes];
      long[] clientsAll = new long[publishes];
      long[] edgeEach = new long[publishes * edgeCount];
      long[] clientEach = new long[publishes * clients];
      long[] publishCall = new long[publishes];
      int timeouts = 0;
      for (int i = 1; i <= publishes; i++) {
        flagVersion = patchFlag(cp, i, flagVersion);
        long t0 = micros(Instant.now());
        long version = cp.publish();
        publishCall[i - 1] = micros(Instant.now()) - t0;
        if (version != base + i) {
          throw new IllegalStateException("expected version " + (base + i) + ", got " + version);
        }
        int slot = i;
        boolean done =
            awaitUntil(
                () ->
                    allSet(edgeTimes, slot, edgeCount)
                        && sse.stream().allMatch(c -> c.received.get(slot) != 0),
                WAIT_MICROS);
        if (!done) {
          timeouts++;
        }
        long edgeMax = 0;
        for (int e = 0; e < edgeCount; e++) {
          long t = edgeTimes.get(slot * edgeCount + e);
          long d = t == 0 ? WAIT_MICROS : t - t0;
          edgeEach[(i - 1) * edgeCount + e] = d;
          edgeMax = Math.max(edgeMax, d);
        }
        long clientMax = 0;
        for (int c = 0; c < clients; c++) {
          long r = sse.get(c).received.get(slot);
          long d = r == 0 ? WAIT_MICROS : r - t0;
          clientEach[(i - 1) * clients + c] = d;
          clientMax = Math.max(clientMax, d);
        }
        edgesAll[i - 1] = edgeMax;
        clientsAll[i - 1] = clientMax;
        Thread.sleep(20); // let the last writes settle before the next publish
      }
      System.out.println(summary("publish call (HTTP round trip)", publishCall));
      System.out.println(summary("one edge applied (each edge x publish)", edgeEach));
      System.out.println(summary("all " + edgeCount + " edges applied (per publish)", edgesAll));
      System.out.println(summary("one client received (each client x publish)", clientEach));
      System.out.println(summary("all " + clients + " clients received (per publish)", clientsAll));
      System.out.printf(Locale.ROOT, "RESULT timeouts=%d (waited %d s each)%n", timeouts, 10);

      // Rollbacks: back to the content of publish k (flag rule n == k), timed like publishes.
      for (int r = 1; r <= rollbacks; r++) {
        int k = Math.max(1, publishes - 10 * r);
        long t0 = micros(Instant.now());
        long version = cp.rollback(base + k);
        int slot = (int) (version - base);
        awaitUntil(
            () ->
                allSet(edgeTimes, slot, edgeCount)
                    && sse.stream().allMatch(c -> c.received.get(slot) != 0),
            WAIT_MICROS);
        long edgeMax = 0;
        for (int e = 0; e < edgeCount; e++) {
          long t = edgeTimes.get(slot * edgeCount + e);
          edgeMax = Math.max(edgeMax, t == 0 ? WAIT_MICROS : t - t0);
        }
        long clientMax =
            sse.stream()
                .mapToLong(c -> c.received.get(slot))
                .map(t -> t == 0 ? WAIT_MICROS : t - t0)
                .max()
                .orElseThrow();
        int serving = 0;
        for (EdgeServer edge : edges) {
          if (servesContentOf(edge, token, k)) {
            serving++;
          }
        }
        System.out.printf(
            Locale.ROOT,
            "RESULT rollback to v%d (content of publish %d) as v%d: all edges applied %.1f ms,"
                + " all clients received %.1f ms, edges serving the earlier content: %d/%d%n",
            base + k,
            k,
            version,
            edgeMax / 1000.0,
            clientMax / 1000.0,
            serving,
            edgeCount);
        Thread.sleep(20);
      }
      long rejected =
          edges.stream()
              .map(e -> e.replica(ENV).orElseThrow())
              .mapToLong(EnvironmentReplica::rejectedCount)
              .sum();
      long refetches =
          edges.stream()
              .map(e -> e.replica(ENV).orElseThrow())
              .mapToLong(EnvironmentReplica::refetchCount)
              .sum();
      System.out.printf(
          Locale.ROOT,
          "RESULT edge replicas: rejected=%d refetches=%d stream clients=%d%n",
          rejected,
          refetches,
          edges.stream().mapToInt(e -> e.streams().clients(ENV)).sum());
    } finally {
      edges.forEach(EdgeServer::close);
    }
    System.exit(0);
  }

  /** The flag whose one rule matches {@code n == i}: each publish changes its content. */
  private static String flag(int i) {
    return "{\"key\":\""
        + FLAG
        + "\",\"type\":\"boolean\",\"enabled\":true,\"variations\":[{\"key\":\"off\",\"value\":false},"
        + "{\"key\":\"on\",\"value\":true}],\"offVariation\":\"off\",\"defaultVariation\":\"off\","
        + rules(i)
        + "}";
  }

  private static String rules(int i) {
    return "\"rules\":[{\"id\":\"r\",\"if\":{\"attr\":\"n\",\"op\":\"eq\",\"value\":"
        + i
        + "},\"then\":{\"variation\":\"on\"}}]";
  }

  private static long patchFlag(BenchControlPlane cp, int i, long version) {
    HttpResponse<String> r =
        cp.call(
            "PATCH",
            cp.envPath() + "/flags/" + FLAG,
            "{" + rules(i) + "}",
            200,
            "If-Match",
            "\"" + version + "\"");
    return Long.parseLong(r.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
  }

  private static boolean servesContentOf(EdgeServer edge, String token, int k) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(edge.url() + "/evaluate"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"envKey\":\""
                        + ENV
                        + "\",\"flagKey\":\""
                        + FLAG
                        + "\",\"context\":{\"key\":\"u\",\"n\":"
                        + k
                        + "}}"))
            .build();
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200
        && BenchControlPlane.MAPPER.readTree(r.body()).get("value").asBoolean();
  }

  private static boolean allSet(AtomicLongArray times, int slot, int width) {
    for (int i = 0; i < width; i++) {
      if (times.get(slot * width + i) == 0) {
        return false;
      }
    }
    return true;
  }

  private static long micros(Instant t) {
    return TimeUnit.SECONDS.toMicros(t.getEpochSecond()) + t.getNano() / 1000;
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    if (!awaitUntil(condition, 30_000_000)) {
      throw new IllegalStateException("timed out waiting for " + what);
    }
  }

  /** Polls every 1 ms (sleeping, so the waiting costs no CPU worth noting). */
  private static boolean awaitUntil(java.util.function.BooleanSupplier condition, long micros)
      throws InterruptedException {
    long deadline = System.nanoTime() + micros * 1000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(1);
    }
    return true;
  }

  private static String summary(String what, long[] micros) {
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "RESULT %-48s n=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms",
        what,
        sorted.length,
        pct(sorted, 50) / 1000.0,
        pct(sorted, 95) / 1000.0,
        pct(sorted, 99) / 1000.0,
        sorted[sorted.length - 1] / 1000.0);
  }

  /** Nearest-rank percentile. */
  private static long pct(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
