package dev.ff.jmh.peers.flagd;

import dev.ff.jmh.harness.FlagFiles;
import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.harness.Scenarios;
import dev.ff.jmh.harness.SdkVersions;
import dev.ff.jmh.harness.User;
import dev.openfeature.contrib.providers.flagd.Config;
import dev.openfeature.contrib.providers.flagd.FlagdOptions;
import dev.openfeature.contrib.providers.flagd.FlagdProvider;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderState;
import dev.openfeature.sdk.Value;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenFeature's Java SDK with the flagd provider in in-process mode, fed from {@code
 * flags/flagd.json} (resolver {@code FILE}, {@code offlineFlagSourcePath}): no flagd daemon and no
 * gRPC connection. Evaluation goes through the ordinary OpenFeature {@link Client}, so it includes
 * OpenFeature's context merging and hook pipeline, as in an application.
 */
public final class FlagdPeer implements Peer<EvaluationContext> {

  private static final String DOMAIN = "ff-jmh-flagd";

  private final Client client;

  /**
   * Registers the provider and waits until it has read the file.
   *
   * @throws IllegalStateException when the provider is not ready
   */
  public FlagdPeer() {
    Path file = FlagFiles.extract("flags/flagd.json");
    FlagdOptions options =
        FlagdOptions.builder()
            .resolverType(Config.Resolver.FILE)
            .offlineFlagSourcePath(file.toString())
            // The provider waits twice this long for the first load; the 500 ms default can be
            // too short on a busy machine. It plays no part in evaluation.
            .deadline(10_000)
            .build();
    OpenFeatureAPI api = OpenFeatureAPI.getInstance();
    api.setProviderAndWait(DOMAIN, new FlagdProvider(options));
    client = api.getClient(DOMAIN);
    if (client.getProviderState() != ProviderState.READY) {
      throw new IllegalStateException("flagd provider not ready: " + client.getProviderState());
    }
  }

  @Override
  public String name() {
    return "OpenFeature + flagd";
  }

  @Override
  public String description() {
    return "dev.openfeature:sdk:"
        + SdkVersions.get("openfeature.sdk")
        + " + dev.openfeature.contrib.providers:flagd:"
        + SdkVersions.get("flagd")
        + " (in-process resolver FILE with offlineFlagSourcePath, no daemon)";
  }

  @Override
  public List<String> deviations() {
    return List.of(
        "S2 rule 3: flagd's JsonLogic has no regex operator; "
            + Scenarios.S2_UA_REGEX
            + " is written as an `or` of starts_with tests on exactly the prefixes it accepts "
            + Scenarios.S2_UA_PREFIXES);
  }

  @Override
  public EvaluationContext context(User u) {
    Map<String, Value> attributes = new HashMap<>();
    attributes.put("country", new Value(u.country()));
    attributes.put("email", new Value(u.email()));
    attributes.put("plan", new Value(u.plan()));
    attributes.put("userAgent", new Value(u.userAgent()));
    attributes.put("age", new Value(u.age()));
    attributes.put("appVersion", new Value(u.appVersion()));
    attributes.put("beta", new Value(u.beta()));
    attributes.put("logins", new Value(u.logins()));
    return new ImmutableContext(u.key(), attributes);
  }

  @Override
  public boolean s1(EvaluationContext ctx) {
    return client.getBooleanValue(Scenarios.S1_KEY, false, ctx);
  }

  @Override
  public String s2(EvaluationContext ctx) {
    return client.getStringValue(Scenarios.S2_KEY, "(default)", ctx);
  }

  @Override
  public void close() {
    OpenFeatureAPI.getInstance().shutdown();
  }
}
