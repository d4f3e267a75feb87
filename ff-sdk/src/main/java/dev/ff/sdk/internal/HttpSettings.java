package dev.ff.sdk.internal;

import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * The network settings the data sources share.
 *
 * @param sdkKey the bearer token
 * @param envKey the environment key
 * @param endpoint the base URL
 * @param configPath the config path template ({@code {envKey}} is replaced)
 * @param streamPath the stream path template
 * @param pollInterval the polling period (and the fallback polling period while streaming fails)
 * @param heartbeatTimeout restart the stream after this long without a byte
 * @param backoffInitial the first reconnect delay
 * @param backoffMax the longest reconnect delay
 * @param circuitOpen how long the circuit breaker stays open before a trial connect
 */
public record HttpSettings(
    String sdkKey,
    String envKey,
    HttpUrl endpoint,
    String configPath,
    String streamPath,
    Duration pollInterval,
    Duration heartbeatTimeout,
    Duration backoffInitial,
    Duration backoffMax,
    Duration circuitOpen) {

  /**
   * The config URL.
   *
   * @return endpoint + config path
   */
  public HttpUrl configUrl() {
    return resolve(configPath);
  }

  /**
   * The stream URL.
   *
   * @return endpoint + stream path
   */
  public HttpUrl streamUrl() {
    return resolve(streamPath);
  }

  private HttpUrl resolve(String template) {
    String path = template.replace("{envKey}", envKey);
    String base = endpoint.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return HttpUrl.get(base + path);
  }
}
