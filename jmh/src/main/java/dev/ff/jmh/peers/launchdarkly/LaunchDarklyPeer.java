package dev.ff.jmh.peers.launchdarkly;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import com.launchdarkly.sdk.server.integrations.FileData;
import dev.ff.jmh.harness.FlagFiles;
import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.harness.Scenarios;
import dev.ff.jmh.harness.SdkVersions;
import dev.ff.jmh.harness.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * LaunchDarkly's server-side Java SDK, fully offline. The flags and the segment come from {@code
 * flags/launchdarkly.json} (LaunchDarkly's full flag and segment JSON) through {@link FileData}
 * with automatic reloading off; analytics events and diagnostics are disabled, so the client never
 * opens a connection and the SDK key below is never sent anywhere.
 */
public final class LaunchDarklyPeer implements Peer<LDContext> {

  private final LDClient client;

  /**
   * Starts the client from the bundled file.
   *
   * @throws IllegalStateException when the client did not initialise
   */
  public LaunchDarklyPeer() {
    Path file = FlagFiles.extract("flags/launchdarkly.json");
    LDConfig config =
        new LDConfig.Builder()
            .dataSource(FileData.dataSource().filePaths(file).autoUpdate(false))
            .events(Components.noEvents())
            .diagnosticOptOut(true)
            .startWait(Duration.ofSeconds(10))
            .build();
    client = new LDClient("sdk-offline-benchmark-key", config);
    if (!client.isInitialized()) {
      throw new IllegalStateException("LaunchDarkly did not initialise from " + file);
    }
  }

  @Override
  public String name() {
    return "LaunchDarkly";
  }

  @Override
  public String description() {
    return "com.launchdarkly:launchdarkly-java-server-sdk:"
        + SdkVersions.get("launchdarkly")
        + " (FileData data source, events off, diagnosticOptOut)";
  }

  @Override
  public LDContext context(User u) {
    return LDContext.builder(u.key())
        .set("country", u.country())
        .set("email", u.email())
        .set("plan", u.plan())
        .set("userAgent", u.userAgent())
        .set("age", u.age())
        .set("appVersion", u.appVersion())
        .set("beta", u.beta())
        .set("logins", u.logins())
        .build();
  }

  @Override
  public boolean s1(LDContext ctx) {
    return client.boolVariation(Scenarios.S1_KEY, ctx, false);
  }

  @Override
  public String s2(LDContext ctx) {
    return client.stringVariation(Scenarios.S2_KEY, ctx, "(default)");
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
