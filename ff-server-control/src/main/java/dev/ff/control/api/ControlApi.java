package dev.ff.control.api;

import dev.ff.control.ControlPlane;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The route modules of the control plane's {@code /v1} API. */
public final class ControlApi {

  /** The rate-limit class of every {@code /v1} route. */
  public static final String RATE_LIMIT_CLASS = "api";

  private ControlApi() {}

  /**
   * Every module of the control plane.
   *
   * @param cp the services
   * @param streams the config streams
   * @param configMaxAge {@code Cache-Control: max-age} of config responses
   * @return the modules
   */
  public static List<RouteModule> modules(
      ControlPlane cp, ConfigStreams streams, Duration configMaxAge) {
    List<RouteModule> modules = new ArrayList<>(ResourceModules.all(cp));
    modules.add(new ActionRoutes(cp));
    modules.add(new AccessRoutes(cp));
    modules.add(new ConfigRoutes(cp, streams, configMaxAge));
    return List.copyOf(modules);
  }
}
