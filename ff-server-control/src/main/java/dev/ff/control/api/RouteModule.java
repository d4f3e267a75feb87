package dev.ff.control.api;

/**
 * A group of routes contributed to an {@link ApiRouter}: the control plane's modules today, the
 * edge and ingest servers' later, all mounted into one process and one {@link AccessPolicy}.
 */
@FunctionalInterface
public interface RouteModule {

  /**
   * Registers this module's routes.
   *
   * @param api the router under construction
   */
  void register(ApiRouter api);
}
