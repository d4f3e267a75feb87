package dev.ff.sdk.store;

import dev.ff.sdk.spi.ConfigStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps documents in this process's memory; the newer version wins. */
public final class InMemoryConfigStore implements ConfigStore {
  private record Entry(long version, String document) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryConfigStore() {}

  @Override
  public Optional<String> get(String envKey) {
    Entry e = entries.get(envKey);
    return e == null ? Optional.empty() : Optional.of(e.document());
  }

  @Override
  public void put(String envKey, long version, String document) {
    entries.merge(
        envKey,
        new Entry(version, document),
        (old, neu) -> neu.version() > old.version() ? neu : old);
  }
}
