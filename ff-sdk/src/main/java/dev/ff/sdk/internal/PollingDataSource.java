package dev.ff.sdk.internal;

import dev.ff.sdk.spi.DataSource;
import dev.ff.sdk.spi.DataSourceUpdates;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Polls the config with ETag / If-None-Match at a fixed period; stops for good on 401/403. */
public final class PollingDataSource implements DataSource {
  private final ConfigFetcher fetcher;
  private final HttpSettings settings;
  private final ScheduledExecutorService executor;
  private volatile ScheduledFuture<?> task;
  private volatile boolean closed;

  /**
   * A polling source.
   *
   * @param fetcher the fetcher
   * @param settings the settings (poll interval)
   * @param executor where polls run
   */
  public PollingDataSource(
      ConfigFetcher fetcher, HttpSettings settings, ScheduledExecutorService executor) {
    this.fetcher = fetcher;
    this.settings = settings;
    this.executor = executor;
  }

  @Override
  public void start(DataSourceUpdates updates) {
    task =
        executor.scheduleWithFixedDelay(
            () -> {
              if (closed) {
                return;
              }
              if (Fetching.fetchAndApply(fetcher, updates, false)
                  instanceof ConfigFetcher.Unauthorized) {
                close();
              }
            },
            0,
            settings.pollInterval().toMillis(),
            TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closed = true;
    ScheduledFuture<?> t = task;
    if (t != null) {
      t.cancel(false);
    }
  }
}
