package dev.ff.edge.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.eval.CompiledConfig;
import dev.ff.core.eval.EvaluationResult;
import dev.ff.edge.replica.EdgeMetrics;
import dev.ff.edge.replica.EnvironmentReplica;
import dev.ff.server.http.FieldError;
import dev.ff.server.http.ProblemException;
import dev.ff.server.http.Request;
import dev.ff.server.http.Response;
import dev.ff.server.http.Route;
import dev.ff.server.http.RouteOptions;
import dev.ff.server.http.Router;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The edge's routes: {@code POST /evaluate}, {@code POST /evaluate/batch}, {@code GET
 * /configs/{envKey}} and {@code GET /stream/{envKey}}. Every route needs the SDK token of the
 * environment it names ({@link ReplicaAccess}): none or an unknown one → 401, another environment's
 * → 403; an environment the edge does not serve → 404; an environment without a verified document
 * yet → 503 with {@code Retry-After: 1} (the stream instead waits for it).
 *
 * <p>The routes run on the event loop (evaluation never blocks), are rate limited per SDK token by
 * the class {@link #RATE_LIMIT_CLASS} and write one in {@link #ACCESS_LOG_EVERY} successful
 * evaluations to the access log (errors always).
 */
public final class EdgeRoutes {
  /** The rate-limit class of the edge's routes (per SDK token, per client address without one). */
  public static final String RATE_LIMIT_CLASS = "edge";

  /** One successful evaluation in this many is written to the access log. */
  public static final int ACCESS_LOG_EVERY = 1000;

  private static final Set<String> EVALUATE_MEMBERS =
      Set.of("envKey", "flagKey", "context", "default");
  private static final Set<String> BATCH_MEMBERS = Set.of("envKey", "flagKeys", "context");

  private final ReplicaAccess replicas;
  private final StreamHub hub;
  private final EdgeMetrics metrics;

  /**
   * Routes over the served replicas.
   *
   * @param replicas which replica a request may use
   * @param hub the SDK stream hub
   * @param metrics the edge's metrics
   */
  public EdgeRoutes(ReplicaAccess replicas, StreamHub hub, EdgeMetrics metrics) {
    this.replicas = replicas;
    this.hub = hub;
    this.metrics = metrics;
  }

  /**
   * The routes, with the given rate-limit class.
   *
   * @param rateLimitClass the rate-limit class to apply (configured on the server's limiter)
   * @return the four routes
   */
  public List<Route> routes(String rateLimitClass) {
    RouteOptions fast = RouteOptions.defaults().inline().rateLimitClass(rateLimitClass);
    RouteOptions evaluation = fast.sampleAccessLog(ACCESS_LOG_EVERY);
    return List.of(
        new Route("POST", "/evaluate", this::evaluate, evaluation),
        new Route("POST", "/evaluate/batch", this::batch, evaluation),
        new Route("GET", "/configs/{envKey}", this::config, fast),
        new Route("GET", "/stream/{envKey}", this::stream, fast));
  }

  /**
   * Adds the routes (rate-limit class {@link #RATE_LIMIT_CLASS}) to a router.
   *
   * @param router the router builder
   * @return the same builder
   */
  public Router.Builder register(Router.Builder router) {
    return router.routes(routes(RATE_LIMIT_CLASS));
  }

  /**
   * {@code POST /evaluate}: {@code {"envKey", "flagKey", "context", "default"?}} → the evaluation
   * result (docs/evaluation.md §6).
   *
   * @param request the request
   * @return the result
   */
  Response evaluate(Request request) {
    ObjectNode body = object(request);
    List<FieldError> errors = new ArrayList<>();
    unknownMembers(body, EVALUATE_MEMBERS, errors);
    String envKey = string(body, "envKey", errors);
    String flagKey = string(body, "flagKey", errors);
    JsonNode context = context(body, errors);
    if (!errors.isEmpty()) {
      throw ProblemException.unprocessable(errors);
    }
    CompiledConfig plan = plan(request, envKey);
    long start = System.nanoTime();
    EvaluationResult result = plan.evaluate(flagKey, context, body.get("default"));
    metrics.evalLatency((System.nanoTime() - start) / 1e9);
    metrics.evaluated(result.reason());
    return Response.ok(result.toJson());
  }

  /**
   * {@code POST /evaluate/batch}: {@code {"envKey", "context", "flagKeys"?}} → {@code
   * {"configVersion", "results": {flagKey: result}}}, every flag of the environment without {@code
   * flagKeys}.
   *
   * @param request the request
   * @return the results
   */
  Response batch(Request request) {
    ObjectNode body = object(request);
    List<FieldError> errors = new ArrayList<>();
    unknownMembers(body, BATCH_MEMBERS, errors);
    String envKey = string(body, "envKey", errors);
    JsonNode context = context(body, errors);
    List<String> keys = null;
    JsonNode flagKeys = body.get("flagKeys");
    if (flagKeys != null) {
      if (!flagKeys.isArray()) {
        errors.add(new FieldError("/flagKeys", "must be an array of flag keys"));
      } else {
        keys = new ArrayList<>();
        for (int i = 0; i < flagKeys.size(); i++) {
          if (flagKeys.get(i).isTextual()) {
            keys.add(flagKeys.get(i).textValue());
          } else {
            errors.add(new FieldError("/flagKeys/" + i, "must be a string"));
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.unprocessable(errors);
    }
    CompiledConfig plan = plan(request, envKey);
    List<String> flags = keys == null ? plan.flagKeys() : keys;
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("configVersion", plan.version());
    ObjectNode results = out.putObject("results");
    long start = System.nanoTime();
    for (String flag : flags) {
      EvaluationResult result = plan.evaluate(flag, context, null);
      metrics.evaluated(result.reason());
      results.set(flag, result.toJson());
    }
    metrics.evalLatency((System.nanoTime() - start) / 1e9);
    return Response.ok(out);
  }

  /**
   * {@code GET /configs/{envKey}}: the signed document, {@code ETag: "<version>"}, 304 for a
   * matching {@code If-None-Match}.
   *
   * @param request the request
   * @return the document
   */
  Response config(Request request) {
    EnvironmentReplica replica = replica(request, request.pathParam("envKey"));
    EnvironmentReplica.Snapshot snapshot =
        replica.snapshot().orElseThrow(() -> notReady(replica.envKey()));
    String etag = "\"" + snapshot.version() + "\"";
    if (request.header("If-None-Match").map(h -> matches(h, etag)).orElse(false)) {
      return Response.status(304).header("ETag", etag);
    }
    return Response.bytes(200, "application/json", snapshot.json().getBytes(StandardCharsets.UTF_8))
        .header("ETag", etag)
        .header("Cache-Control", "no-cache");
  }

  /**
   * {@code GET /stream/{envKey}}: the SDK config stream ({@link StreamHub}).
   *
   * @param request the request
   * @return the SSE response
   */
  Response stream(Request request) {
    EnvironmentReplica replica = replica(request, request.pathParam("envKey"));
    return hub.open(replica, request.header("Last-Event-ID"));
  }

  private CompiledConfig plan(Request request, String envKey) {
    EnvironmentReplica replica = replica(request, envKey);
    return replica.plan().orElseThrow(() -> notReady(envKey));
  }

  private EnvironmentReplica replica(Request request, String envKey) {
    return replicas.replicaFor(request, envKey);
  }

  private static ProblemException notReady(String envKey) {
    return ProblemException.serviceUnavailable(
        "Environment " + envKey + " has no verified config yet", 1);
  }

  private static boolean matches(String header, String etag) {
    for (String part : header.split(",")) {
      String tag = part.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode object(Request request) {
    JsonNode body = request.json();
    if (!(body instanceof ObjectNode object)) {
      throw ProblemException.unprocessable(List.of(new FieldError("", "must be a JSON object")));
    }
    return object;
  }

  private static void unknownMembers(ObjectNode body, Set<String> allowed, List<FieldError> out) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        out.add(new FieldError("/" + escape(name), "unknown member"));
      }
    }
  }

  private static String string(ObjectNode body, String name, List<FieldError> out) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      out.add(new FieldError("/" + name, "is required"));
      return null;
    }
    if (!value.isTextual() || value.textValue().isEmpty()) {
      out.add(new FieldError("/" + name, "must be a non-empty string"));
      return null;
    }
    return value.textValue();
  }

  private static JsonNode context(ObjectNode body, List<FieldError> out) {
    JsonNode context = body.get("context");
    if (context == null || context.isNull()) {
      out.add(new FieldError("/context", "is required"));
    } else if (!context.isObject()) {
      out.add(new FieldError("/context", "must be a JSON object"));
    }
    return context;
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
