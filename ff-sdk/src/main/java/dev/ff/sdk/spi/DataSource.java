package dev.ff.sdk.spi;

/**
 * Delivers config documents to the client. Built-in sources: streaming (SSE), polling (ETag) and
 * none (offline mode). A source calls its {@link DataSourceUpdates} from its own threads.
 */
public interface DataSource extends AutoCloseable {

  /**
   * Starts delivering; returns at once.
   *
   * @param updates where documents, patches and failures go
   */
  void start(DataSourceUpdates updates);

  /** Stops for good; no more calls to the updates after this returns. */
  @Override
  void close();
}
