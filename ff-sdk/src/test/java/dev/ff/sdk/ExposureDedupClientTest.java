package dev.ff.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.ff.sdk.spi.DataSource;
import dev.ff.sdk.spi.DataSourceUpdates;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Exposure dedup through the public API: once per unit, flag and variation and client, whatever
 * context objects carry the unit, from any thread; repeats allocate nothing.
 */
class ExposureDedupClientTest {
  private final List<FfClient> clients = new ArrayList<>();

  /** A data source that delivers what the test gives it. */
  static final class Manual implements DataSource {
    final AtomicReference<DataSourceUpdates> updates = new AtomicReference<>();

    @Override
    public void start(DataSourceUpdates u) {
      updates.set(u);
    }

    void offer(JsonNode document) {
      updates.get().offerDocument(document);
    }

    @Override
    public void close() {
      // nothing to stop
    }
  }

  private FfClient client(Manual source) {
    FfClient c =
        FfClient.builder("ffs_test")
            .envKey("test")
            .endpoint("http://127.0.0.1:1")
            .dataSource(source)
            .bootstrapConfig(TestDocs.doc(1, true))
            .exposurePolicy(ExposurePolicy.ALL)
            .eventsEndpoint("http://127.0.0.1:1") // closed: nothing is flushed in these tests
            .flushInterval(Duration.ofDays(1))
            .eventCapacity(100_000)
            .timeout(Duration.ofMillis(200))
            .eventRetries(1, Duration.ofMillis(10))
            .build();
    clients.add(c);
    assertThat(c.awaitInitialized(Duration.ofSeconds(5)).isReady()).isTrue();
    return c;
  }

  private FfClient client() {
    return client(new Manual());
  }

  @AfterEach
  void close() {
    clients.forEach(FfClient::close);
  }

  @Test
  void oneExposurePerUnit_whateverContextObjectsCarryIt() {
    FfClient ff = client();
    assertThat(ff.boolVariation("banner", Context.of("u-1"), false)).isTrue();
    assertThat(ff.boolVariation("banner", Context.of("u-1"), false)).isTrue();
    assertThat(ff.boolVariation("banner", Context.builder("u-1").set("plan", "pro").build(), false))
        .isTrue();
    assertThat(ff.boolVariation("banner", Context.of("u-2"), false)).isTrue();
    EventStats s = ff.eventStats();
    assertThat(s.enqueued()).isEqualTo(2);
    assertThat(s.deduplicated()).isEqualTo(2);
  }

  @Test
  void oneContextOnSeveralFlags_eachFlagExposedOnce() {
    FfClient ff = client();
    Context u = Context.of("u-42");
    for (int i = 0; i < 5; i++) {
      ff.boolVariation("banner", u, false);
      ff.stringVariation("checkout", u, "x");
    }
    assertThat(ff.eventStats().enqueued()).isEqualTo(2);
    assertThat(ff.eventStats().deduplicated()).isEqualTo(8);
  }

  @Test
  void aContextSharedByTwoClients_isExposedOncePerClient() {
    FfClient a = client();
    FfClient b = client();
    Context u = Context.of("u-7");
    for (int i = 0; i < 3; i++) {
      a.boolVariation("banner", u, false);
      b.boolVariation("banner", u, false);
    }
    assertThat(a.eventStats().enqueued()).isEqualTo(1);
    assertThat(b.eventStats().enqueued()).isEqualTo(1);
    assertThat(a.eventStats().deduplicated()).isEqualTo(2);
    assertThat(b.eventStats().deduplicated()).isEqualTo(2);
  }

  @Test
  void anotherVariationForTheSameUnit_isANewExposure_andANewConfigVersionIsNot() {
    Manual source = new Manual();
    FfClient ff = client(source);
    Context u = Context.of("u-9");
    assertThat(ff.boolVariation("banner", u, true)).isTrue(); // default variation "on"
    source.offer(TestDocs.doc(2, true)); // same flag, new version: still the same exposure
    assertThat(ff.configVersion()).isEqualTo(2);
    assertThat(ff.boolVariation("banner", u, true)).isTrue();
    assertThat(ff.eventStats().enqueued()).isEqualTo(1);
    source.offer(TestDocs.doc(3, false)); // disabled: variation "off"
    assertThat(ff.boolVariation("banner", u, true)).isFalse();
    assertThat(ff.boolVariation("banner", u, true)).isFalse();
    assertThat(ff.eventStats().enqueued()).isEqualTo(2);
    assertThat(ff.eventStats().deduplicated()).isEqualTo(2);
  }

  @Test
  void rawJsonContexts_shareTheDedupWithContextObjects_andAllFlagsExposesNothing() {
    FfClient ff = client();
    ff.allFlags(Context.of("u-3"));
    assertThat(ff.eventStats().enqueued()).isZero();
    ff.boolVariation("banner", Context.of("u-3"), false);
    ff.evaluateJson("banner", TestDocs.json("{'key':'u-3'}"), BooleanNode.FALSE, "boolean");
    ff.evaluateJson("banner", TestDocs.json("{'key':'u-4'}"), null, null);
    assertThat(ff.eventStats().enqueued()).isEqualTo(2);
    assertThat(ff.eventStats().deduplicated()).isEqualTo(1);
  }

  @Test
  void trackExposure_recordsWhateverThePolicy_stillOnce() {
    FfClient ff =
        FfClient.builder("ffs_test")
            .envKey("test")
            .endpoint("http://127.0.0.1:1")
            .dataSource(new Manual())
            .bootstrapConfig(TestDocs.doc(1, true))
            .exposurePolicy(ExposurePolicy.NONE)
            .flushInterval(Duration.ofDays(1))
            .build();
    clients.add(ff);
    Context u = Context.of("u-5");
    ff.boolVariation("banner", u, false);
    assertThat(ff.eventStats().enqueued()).isZero();
    assertThat(ff.trackExposure("banner", u).variation()).isEqualTo("on");
    ff.trackExposure("banner", Context.of("u-5"));
    assertThat(ff.eventStats().enqueued()).isEqualTo(1);
    assertThat(ff.eventStats().deduplicated()).isEqualTo(1);
  }

  @Test
  void severalThreads_eachExposureExactlyOnce() throws Exception {
    FfClient ff = client();
    int threads = 4;
    int units = 2000;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * 500; // each thread starts elsewhere and builds its own context objects
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < units; i++) {
                      Context c = Context.of("unit-" + ((i + offset) % units));
                      ff.boolVariation("banner", c, false);
                      ff.stringVariation("checkout", c, "x");
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    EventStats s = ff.eventStats();
    assertThat(s.enqueued()).isEqualTo(2L * units);
    assertThat(s.dropped()).isZero();
    assertThat(s.enqueued() + s.deduplicated()).isEqualTo((long) threads * 3 * 2 * units);
  }

  @Test
  void aSeenExposure_allocatesNothing() {
    FfClient ff = client();
    Context u = Context.builder("u-alloc").set("country", "NL").build();
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    int calls = 100_000;
    double best = Double.MAX_VALUE;
    // Rounds until the JIT has compiled the path (the interpreter allocates on its own).
    for (int round = 0; round < 40 && best >= 1; round++) {
      long before = mx.getThreadAllocatedBytes(id);
      int on = 0;
      for (int i = 0; i < calls; i++) {
        on += ff.boolVariation("banner", u, false) ? 1 : 0;
        on += ff.stringVariation("checkout", u, "x").isEmpty() ? 0 : 1;
      }
      best = Math.min(best, (mx.getThreadAllocatedBytes(id) - before) / (2.0 * calls));
      assertThat(on).isEqualTo(2 * calls);
    }
    assertThat(best).as("bytes allocated per evaluation").isLessThan(1);
    assertThat(ff.eventStats().enqueued()).isEqualTo(2);
  }
}
