package dev.ff.sdk.openfeature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.sdk.EvaluationDetail;
import dev.ff.sdk.FfClient;
import dev.ff.sdk.InitStatus;
import dev.ff.sdk.Subscription;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.MutableStructure;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEventDetails;
import dev.openfeature.sdk.Structure;
import dev.openfeature.sdk.TrackingEventDetails;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.FatalError;
import dev.openfeature.sdk.exceptions.ProviderNotReadyError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An OpenFeature provider evaluating with an {@link FfClient}.
 *
 * <ul>
 *   <li>Context: the targeting key (or a {@code key} attribute) is the unit key; other attributes
 *       are passed as JSON (structures as objects, instants as RFC 3339 strings).
 *   <li>Reasons keep their ff names ({@code DISABLED}, {@code PREREQUISITE_FAILED}, {@code
 *       TARGETING_MATCH}, {@code SPLIT}, {@code DEFAULT}, {@code ERROR}); error codes map to
 *       OpenFeature's ({@code NOT_READY} → {@code PROVIDER_NOT_READY}); the flag metadata carries
 *       {@code ruleId}, {@code experiment}, {@code inExperiment} and {@code configVersion}.
 *   <li>Events: {@code PROVIDER_CONFIGURATION_CHANGED} with the changed flags on every new config.
 *   <li>Tracking: {@code track(name, ctx, details)} → {@link FfClient#trackMetric} with the
 *       details' value (1 without one).
 * </ul>
 *
 * <p>{@link #shutdown()} does not close the client: its owner does.
 */
public final class FfProvider extends EventProvider {
  private final FfClient client;
  private final Duration initTimeout;
  private final List<String> pendingChanges = new ArrayList<>();
  private volatile Subscription flagSubscription;
  private volatile Subscription configSubscription;

  /**
   * A provider.
   *
   * @param client the client (already built)
   * @param initTimeout how long {@link #initialize} waits for the first config
   */
  public FfProvider(FfClient client, Duration initTimeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.initTimeout = Objects.requireNonNull(initTimeout, "initTimeout");
  }

  @Override
  public Metadata getMetadata() {
    return () -> "ff";
  }

  @Override
  public void initialize(EvaluationContext evaluationContext) throws Exception {
    flagSubscription =
        client.onAnyChange(
            e -> {
              synchronized (pendingChanges) {
                pendingChanges.add(e.flagKey());
              }
            });
    configSubscription =
        client.onConfig(
            () -> {
              List<String> changed;
              synchronized (pendingChanges) {
                changed = List.copyOf(pendingChanges);
                pendingChanges.clear();
              }
              ProviderEventDetails details =
                  ProviderEventDetails.builder()
                      .flagsChanged(changed)
                      .message("config version " + client.configVersion())
                      .build();
              emitProviderConfigurationChanged(details);
            });
    InitStatus status = client.awaitInitialized(initTimeout);
    if (!status.isReady()) {
      if (status.isTerminal()) {
        throw new FatalError("ff: " + status.state() + ": " + status.message());
      }
      throw new ProviderNotReadyError("ff: " + status.state() + ": " + status.message());
    }
  }

  @Override
  public void shutdown() {
    Subscription s = flagSubscription;
    if (s != null) {
      s.close();
    }
    s = configSubscription;
    if (s != null) {
      s.close();
    }
    super.shutdown();
  }

  @Override
  public ProviderEvaluation<Boolean> getBooleanEvaluation(
      String key, Boolean defaultValue, EvaluationContext ctx) {
    EvaluationDetail d =
        client.evaluateJson(
            key, toJson(ctx), JsonNodeFactory.instance.booleanNode(defaultValue), "boolean");
    return result(d, d.value().isBoolean() ? d.value().booleanValue() : defaultValue);
  }

  @Override
  public ProviderEvaluation<String> getStringEvaluation(
      String key, String defaultValue, EvaluationContext ctx) {
    EvaluationDetail d =
        client.evaluateJson(
            key, toJson(ctx), JsonNodeFactory.instance.textNode(defaultValue), "string");
    return result(d, d.value().isTextual() ? d.value().textValue() : defaultValue);
  }

  @Override
  public ProviderEvaluation<Integer> getIntegerEvaluation(
      String key, Integer defaultValue, EvaluationContext ctx) {
    EvaluationDetail d =
        client.evaluateJson(
            key,
            toJson(ctx),
            defaultValue == null ? NullNode.getInstance() : IntNode.valueOf(defaultValue),
            "number");
    JsonNode v = d.value();
    boolean integral =
        v.isNumber()
            && v.doubleValue() == Math.rint(v.doubleValue())
            && Math.abs(v.doubleValue()) <= Integer.MAX_VALUE;
    if (!d.isError() && !integral) {
      return ProviderEvaluation.<Integer>builder()
          .value(defaultValue)
          .reason("ERROR")
          .errorCode(ErrorCode.TYPE_MISMATCH)
          .errorMessage("flag " + key + " serves a non-integer number")
          .build();
    }
    return result(d, d.isError() ? defaultValue : Integer.valueOf(d.value().intValue()));
  }

  @Override
  public ProviderEvaluation<Double> getDoubleEvaluation(
      String key, Double defaultValue, EvaluationContext ctx) {
    EvaluationDetail d =
        client.evaluateJson(
            key,
            toJson(ctx),
            defaultValue == null ? NullNode.getInstance() : DoubleNode.valueOf(defaultValue),
            "number");
    return result(d, d.isError() ? defaultValue : Double.valueOf(d.value().doubleValue()));
  }

  @Override
  public ProviderEvaluation<Value> getObjectEvaluation(
      String key, Value defaultValue, EvaluationContext ctx) {
    EvaluationDetail d = client.evaluateJson(key, toJson(ctx), null, "json");
    return result(d, d.isError() ? defaultValue : toValue(d.value()));
  }

  @Override
  public void track(String eventName, EvaluationContext ctx, TrackingEventDetails details) {
    double value = details == null ? 1.0 : details.getValue().map(Number::doubleValue).orElse(1.0);
    JsonNode json = toJson(ctx);
    try {
      client.trackMetric(eventName, dev.ff.sdk.Context.fromJson(json), value);
    } catch (IllegalArgumentException e) {
      // not an object context: nothing to attribute the metric to
    }
  }

  private static <T> ProviderEvaluation<T> result(EvaluationDetail d, T value) {
    ImmutableMetadata.ImmutableMetadataBuilder meta =
        ImmutableMetadata.builder()
            .addLong("configVersion", d.configVersion())
            .addBoolean("inExperiment", d.inExperiment());
    if (d.ruleId() != null) {
      meta.addString("ruleId", d.ruleId());
    }
    if (d.experiment() != null) {
      meta.addString("experiment", d.experiment());
    }
    ProviderEvaluation.ProviderEvaluationBuilder<T, ?, ?> b =
        ProviderEvaluation.<T>builder()
            .value(value)
            .variant(d.variation())
            .reason(d.reason().name())
            .flagMetadata(meta.build());
    if (d.isError()) {
      b.errorCode(errorCode(d.errorCode())).errorMessage("ff: " + d.errorCode());
    }
    return b.build();
  }

  /**
   * Maps an ff error code to OpenFeature's.
   *
   * @param code the ff code
   * @return the OpenFeature code
   */
  public static ErrorCode errorCode(dev.ff.core.eval.ErrorCode code) {
    if (code == null) {
      return ErrorCode.GENERAL;
    }
    return switch (code) {
      case FLAG_NOT_FOUND -> ErrorCode.FLAG_NOT_FOUND;
      case TYPE_MISMATCH -> ErrorCode.TYPE_MISMATCH;
      case INVALID_CONTEXT -> ErrorCode.INVALID_CONTEXT;
      case NOT_READY -> ErrorCode.PROVIDER_NOT_READY;
      case GENERAL -> ErrorCode.GENERAL;
    };
  }

  /**
   * The JSON context ff evaluates for an OpenFeature context.
   *
   * @param ctx the OpenFeature context (null: an empty object)
   * @return a JSON object with {@code key} = the targeting key when there is one
   */
  public static ObjectNode toJson(EvaluationContext ctx) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (ctx == null) {
      return o;
    }
    String targetingKey = ctx.getTargetingKey();
    if (targetingKey != null && !targetingKey.isEmpty()) {
      o.put("key", targetingKey);
    }
    for (Map.Entry<String, Value> e : ctx.asMap().entrySet()) {
      if (EvaluationContext.TARGETING_KEY.equals(e.getKey())) {
        continue;
      }
      if ("key".equals(e.getKey()) && o.has("key")) {
        continue;
      }
      o.set(e.getKey(), toJson(e.getValue()));
    }
    return o;
  }

  private static JsonNode toJson(Value v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v == null || v.isNull()) {
      return NullNode.getInstance();
    }
    if (v.isBoolean()) {
      return f.booleanNode(v.asBoolean());
    }
    if (v.isString()) {
      return f.textNode(v.asString());
    }
    if (v.isNumber()) {
      Object n = v.asObject();
      if (n instanceof Integer i) {
        return f.numberNode(i);
      }
      if (n instanceof Long l) {
        return f.numberNode(l);
      }
      return f.numberNode(v.asDouble());
    }
    if (v.isInstant()) {
      return f.textNode(v.asInstant().toString());
    }
    if (v.isList()) {
      ArrayNode a = f.arrayNode();
      v.asList().forEach(x -> a.add(toJson(x)));
      return a;
    }
    if (v.isStructure()) {
      ObjectNode o = f.objectNode();
      Structure s = v.asStructure();
      s.asMap().forEach((k, x) -> o.set(k, toJson(x)));
      return o;
    }
    return NullNode.getInstance();
  }

  /**
   * Converts JSON to an OpenFeature value.
   *
   * @param n the JSON
   * @return the value
   */
  public static Value toValue(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return new Value();
    }
    if (n.isBoolean()) {
      return new Value(n.booleanValue());
    }
    if (n.isTextual()) {
      return new Value(n.textValue());
    }
    if (n.isIntegralNumber() && n.canConvertToInt()) {
      return new Value(n.intValue());
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return new Value(n.longValue());
    }
    if (n.isNumber()) {
      return new Value(n.doubleValue());
    }
    if (n.isArray()) {
      List<Value> list = new ArrayList<>();
      n.forEach(x -> list.add(toValue(x)));
      return new Value(list);
    }
    Map<String, Value> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      map.put(e.getKey(), toValue(e.getValue()));
    }
    return new Value(new MutableStructure(map));
  }
}
