package dev.ff.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The lazily built HTTP client: nothing before the first use, exactly one client after it. */
class LazyHttpClientTest {

  /** A holder whose factory counts the clients it builds. */
  private static LazyHttpClient counting(AtomicInteger builds) {
    return new LazyHttpClient(
        () -> {
          builds.incrementAndGet();
          return new OkHttpClient();
        });
  }

  @Test
  void buildsNothingUntilFirstUseAndThenOneClient() {
    AtomicInteger builds = new AtomicInteger();
    LazyHttpClient lazy = counting(builds);

    assertThat(lazy.isBuilt()).isFalse();
    assertThat(builds).hasValue(0);

    OkHttpClient first = lazy.get();
    assertThat(lazy.get()).isSameAs(first);
    assertThat(lazy.isBuilt()).isTrue();
    assertThat(builds).hasValue(1);
    lazy.shutdown();
  }

  @Test
  void concurrentFirstUsesShareOneClient() throws Exception {
    AtomicInteger builds = new AtomicInteger();
    LazyHttpClient lazy = counting(builds);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<OkHttpClient>> got = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        got.add(
            pool.submit(
                () -> {
                  start.await();
                  return lazy.get();
                }));
      }
      start.countDown();
      OkHttpClient one = got.get(0).get(10, TimeUnit.SECONDS);
      for (Future<OkHttpClient> f : got) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(one);
      }
      assertThat(builds).hasValue(1);
    } finally {
      pool.shutdownNow();
      lazy.shutdown();
    }
  }

  @Test
  void shutdownBeforeFirstUseBuildsNothing() {
    AtomicInteger builds = new AtomicInteger();
    LazyHttpClient lazy = counting(builds);

    lazy.shutdown();

    assertThat(builds).hasValue(0);
    assertThat(lazy.isBuilt()).isFalse();
  }

  @Test
  void shutdownStopsTheBuiltClientsDispatcher() {
    LazyHttpClient lazy = new LazyHttpClient(OkHttpClient::new);
    OkHttpClient client = lazy.get();

    lazy.shutdown();

    assertThat(client.dispatcher().executorService().isShutdown()).isTrue();
  }

  @Test
  void aClientFirstNeededAfterShutdownIsStoppedAtOnce() {
    LazyHttpClient lazy = new LazyHttpClient(OkHttpClient::new);
    lazy.shutdown();

    OkHttpClient late = lazy.get();

    assertThat(late.dispatcher().executorService().isShutdown()).isTrue();
  }
}
