package dev.ff.sdk.internal;

import dev.ff.sdk.spi.DataSourceUpdates;

/** One fetch applied to the state: shared by polling, the stream's fallback and its refetches. */
final class Fetching {
  private Fetching() {}

  /**
   * Fetches and offers the result.
   *
   * @param fetcher the fetcher
   * @param updates the state
   * @param full ignore the ETag
   * @return the raw fetch result
   */
  static ConfigFetcher.Result fetchAndApply(
      ConfigFetcher fetcher, DataSourceUpdates updates, boolean full) {
    ConfigFetcher.Result r = fetcher.fetch(full);
    if (r instanceof ConfigFetcher.Fetched f) {
      DataSourceUpdates.Outcome o = updates.offerDocument(f.document());
      if (o == DataSourceUpdates.Outcome.APPLIED || o == DataSourceUpdates.Outcome.STALE) {
        fetcher.accepted(f.etag());
      }
    } else if (r instanceof ConfigFetcher.Unauthorized u) {
      updates.stopped(true, "config request refused with " + u.status());
    } else if (r instanceof ConfigFetcher.Failed f) {
      updates.problem(f.message());
    }
    return r;
  }
}
