package dev.ff.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.ConfigLoader;
import dev.ff.core.document.ConfigPatches;
import dev.ff.core.eval.CompiledConfig;
import dev.ff.edge.replica.EnvironmentReplica;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** An edge against a real control plane on a fresh PostgreSQL database. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeIntegrationTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String CHECKOUT =
      "{'key':'checkout','type':'boolean','enabled':true,'variations':[{'key':'off','value':false},"
          + "{'key':'on','value':true}],'offVariation':'off','defaultVariation':'off','rules':"
          + "[{'id':'nl','if':{'attr':'country','op':'in','values':['NL']},'then':{'variation':'on'}}]}";
  static final String COLOR =
      "{'key':'color','type':'multivariate','enabled':true,'variations':[{'key':'red','value':'red'},"
          + "{'key':'blue','value':'blue'}],'offVariation':'red','defaultVariation':'red','rules':"
          + "[{'id':'split','if':{'all':[]},'then':{'rollout':{'variations':"
          + "[{'variation':'red','weight':5000},{'variation':'blue','weight':5000}]}}}]}";

  static ControlPlaneFixture cp;
  static EdgeServer edge;
  static String token;
  static String otherToken;
  static EnvironmentReplica replica;

  @BeforeAll
  static void start() {
    cp = new ControlPlaneFixture();
    cp.start(0);
    cp.seed("prod", "other");
    cp.createFlag("prod", CHECKOUT);
    cp.createFlag("prod", COLOR);
    cp.publish("prod");
    token = cp.sdkToken("prod");
    otherToken = cp.sdkToken("other");
    edge =
        new EdgeServer(
                EdgeConfig.defaults()
                    .withPort(0)
                    .withControlUrl(cp.url())
                    .withEnvironments(Map.of("prod", token, "other", otherToken))
                    .withSigningKeys("k0:retired-key," + ControlPlaneFixture.SIGNING_KEYS)
                    .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
                    .withPollInterval(Duration.ofMillis(200)))
            .start();
    replica = edge.replica("prod").orElseThrow();
  }

  @AfterAll
  static void stop() {
    if (edge != null) {
      edge.close();
    }
    if (cp != null) {
      cp.close();
    }
  }

  static JsonNode controlDocument() {
    Http.Res res = Http.get(cp.url() + "/v1/configs/prod", token);
    assertThat(res.status()).isEqualTo(200);
    return res.json();
  }

  static Http.Res evaluate(String body) {
    return Http.post(edge.url() + "/evaluate", token, Http.q(body));
  }

  @Test
  @Order(1)
  void servesTheFirstConfigLikeTheCore() {
    await().atMost(WAIT).until(replica::isReady);
    // "other" has no published config: the edge is not ready, and says so per environment.
    assertThat(Http.get(edge.url() + "/ready", null).status()).isEqualTo(503);
    assertThat(
            Http.post(
                    edge.url() + "/evaluate",
                    otherToken,
                    Http.q("{'envKey':'other','flagKey':'x','context':{}}"))
                .status())
        .isEqualTo(503);
    cp.createFlag("other", CHECKOUT);
    cp.publish("other");
    await().atMost(WAIT).until(() -> Http.get(edge.url() + "/ready", null).status() == 200);

    CompiledConfig reference =
        ((ConfigLoader.Loaded) ConfigLoader.load(controlDocument())).config();
    for (String context :
        List.of(
            "{'key':'u1','country':'NL'}",
            "{'key':'u2','country':'BE'}",
            "{'key':'u3'}",
            "{'key':5}")) {
      for (String flag : List.of("checkout", "color", "missing")) {
        Http.Res res =
            evaluate(
                "{'envKey':'prod','flagKey':'" + flag + "','context':" + context + ",'default':7}");
        assertThat(res.status()).isEqualTo(200);
        JsonNode ctx = parse(context);
        assertThat(res.json()).isEqualTo(reference.evaluate(flag, ctx, parse("7")).toJson());
      }
    }

    Http.Res batch =
        Http.post(
            edge.url() + "/evaluate/batch",
            token,
            Http.q("{'envKey':'prod','context':{'key':'u1','country':'NL'}}"));
    assertThat(batch.status()).isEqualTo(200);
    assertThat(batch.json().get("results").size()).isEqualTo(2);
    assertThat(batch.json().at("/results/checkout/value").asBoolean()).isTrue();
    assertThat(batch.json().at("/results/color"))
        .isEqualTo(
            reference.evaluate("color", parse("{'key':'u1','country':'NL'}"), null).toJson());
    Http.Res some =
        Http.post(
            edge.url() + "/evaluate/batch",
            token,
            Http.q("{'envKey':'prod','context':{},'flagKeys':['checkout','nope']}"));
    assertThat(some.json().at("/results/nope/errorCode").asText()).isEqualTo("FLAG_NOT_FOUND");
    assertThat(some.json().get("configVersion").asLong()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void refusesMalformedAndUnauthorisedRequests() {
    Http.Res broken = Http.post(edge.url() + "/evaluate", token, "{not json");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.header("Content-Type")).startsWith("application/problem+json");
    assertThat(broken.json().at("/errors/0/path").asText()).isEmpty();

    Http.Res missing = evaluate("{'flagKey':3,'context':'x','extra':1}");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    assertThat(missing.json().get("errors").findValuesAsText("path"))
        .containsExactlyInAnyOrder("/envKey", "/flagKey", "/context", "/extra");
    assertThat(evaluate("[1]").status()).isEqualTo(422);
    Http.Res batchKeys =
        Http.post(
            edge.url() + "/evaluate/batch",
            token,
            Http.q("{'envKey':'prod','context':{},'flagKeys':['a',2]}"));
    assertThat(batchKeys.status()).isEqualTo(422);
    assertThat(batchKeys.json().at("/errors/0/path").asText()).isEqualTo("/flagKeys/1");

    String ok = Http.q("{'envKey':'prod','flagKey':'checkout','context':{}}");
    assertThat(Http.post(edge.url() + "/evaluate", null, ok).status()).isEqualTo(401);
    assertThat(Http.post(edge.url() + "/evaluate", "wrong", ok).status()).isEqualTo(401);
    assertThat(Http.post(edge.url() + "/evaluate", otherToken, ok).status()).isEqualTo(403);
    assertThat(evaluate("{'envKey':'nowhere','flagKey':'checkout','context':{}}").status())
        .isEqualTo(404);
    assertThat(Http.get(edge.url() + "/configs/prod", otherToken).status()).isEqualTo(403);
    assertThat(Http.get(edge.url() + "/stream/nowhere", token).status()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void servesTheDocumentWithEtags() {
    Http.Res doc = Http.get(edge.url() + "/configs/prod", token);
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.header("ETag")).isEqualTo("\"" + replica.version() + "\"");
    assertThat(canonical(doc.json())).isEqualTo(canonical(controlDocument()));
    Http.Res same =
        Http.get(edge.url() + "/configs/prod", token, "If-None-Match", doc.header("ETag"));
    assertThat(same.status()).isEqualTo(304);
    assertThat(same.header("ETag")).isEqualTo(doc.header("ETag"));
    assertThat(Http.get(edge.url() + "/configs/prod", token, "If-None-Match", "\"0\"").status())
        .isEqualTo(200);
  }

  @Test
  @Order(4)
  void publishAndRollbackReachTheEdgeAndItsStreams() throws Exception {
    long v1 = replica.version();
    try (Http.Sse sdk = new Http.Sse(edge.url() + "/stream/prod", token, null)) {
      assertThat(sdk.status).isEqualTo(200);
      await().atMost(WAIT).until(() -> !sdk.named("config").isEmpty());
      assertThat(sdk.named("config").get(0).id()).isEqualTo(Long.toString(v1));
      ObjectNode sdkDoc = (ObjectNode) Http.MAPPER.readTree(sdk.named("config").get(0).data());

      long refetches = replica.refetchCount();
      cp.patchFlag("prod", "checkout", "{'enabled':false}");
      long v2 = cp.publish("prod");
      await().atMost(WAIT).until(() -> replica.version() == v2);
      assertThat(replica.refetchCount()).isEqualTo(refetches); // applied as a patch
      assertThat(
              evaluate("{'envKey':'prod','flagKey':'checkout','context':{'country':'NL'}}")
                  .json()
                  .get("reason")
                  .asText())
          .isEqualTo("DISABLED");
      await().atMost(WAIT).until(() -> !sdk.named("patch").isEmpty());
      Http.Sse.Event patch = sdk.named("patch").get(0);
      assertThat(patch.id()).isEqualTo(Long.toString(v2));
      sdkDoc = ConfigPatches.apply(sdkDoc, Http.MAPPER.readTree(patch.data()));
      assertThat(canonical(sdkDoc)).isEqualTo(canonical(controlDocument()));

      long v3 = cp.rollback("prod", v1);
      await().atMost(WAIT).until(() -> replica.version() == v3);
      assertThat(
              evaluate("{'envKey':'prod','flagKey':'checkout','context':{'country':'NL'}}")
                  .json()
                  .get("reason")
                  .asText())
          .isEqualTo("TARGETING_MATCH");
      await().atMost(WAIT).until(() -> sdk.events.size() >= 3);
      Http.Sse.Event last = sdk.events.get(2);
      assertThat(last.id()).isEqualTo(Long.toString(v3));
      sdkDoc = ConfigPatches.apply(sdkDoc, Http.MAPPER.readTree(last.data()));
      assertThat(canonical(sdkDoc)).isEqualTo(canonical(controlDocument()));
      assertThat(edge.streams().clients("prod")).isEqualTo(1);
    }
    // A client resuming at the current version gets nothing until the next change.
    try (Http.Sse current =
        new Http.Sse(edge.url() + "/stream/prod", token, Long.toString(replica.version()))) {
      assertThat(current.status).isEqualTo(200);
      try (Http.Sse stale = new Http.Sse(edge.url() + "/stream/prod", token, "1")) {
        await().atMost(WAIT).until(() -> !stale.events.isEmpty());
        assertThat(stale.events.get(0).event()).isEqualTo("config");
      }
      assertThat(current.events).isEmpty();
    }
    String metrics = Http.get(edge.url() + "/metrics", null).body();
    assertThat(metrics)
        .contains("edge_eval_latency_seconds")
        .contains("edge_config_version{env=\"prod\"} " + replica.version())
        .contains("edge_cache_hits_total{level=\"l1\"}")
        .contains("edge_stream_clients")
        .contains("edge_propagation_delay_seconds")
        .contains("edge_evaluations_total{reason=\"TARGETING_MATCH\"}");
  }

  @Test
  @Order(5)
  void keepsServingWhileTheControlPlaneIsDownAndCatchesUpAfter() {
    long before = replica.version();
    long connects = replica.connectCount();
    int port = cp.server.port();
    cp.stop();
    await().atMost(WAIT).until(() -> !replica.isStreamConnected());
    Http.Res res = evaluate("{'envKey':'prod','flagKey':'checkout','context':{'country':'NL'}}");
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().get("configVersion").asLong()).isEqualTo(before);
    assertThat(Http.get(edge.url() + "/ready", null).status()).isEqualTo(200);

    cp.start(port);
    await().atMost(WAIT).until(() -> replica.connectCount() > connects);
    cp.patchFlag("prod", "checkout", "{'enabled':false}");
    long next = cp.publish("prod");
    cp.patchFlag("prod", "checkout", "{'enabled':true}");
    long last = cp.publish("prod");
    assertThat(next).isEqualTo(before + 1);
    await().atMost(WAIT).until(() -> replica.version() == last);
    assertThat(canonical(Http.get(edge.url() + "/configs/prod", token).json()))
        .isEqualTo(canonical(controlDocument()));
    assertThat(replica.rejectedCount()).isZero();
  }

  static String canonical(JsonNode doc) {
    return dev.ff.core.document.Canonicalizer.canonicalize(doc);
  }

  static JsonNode parse(String json) {
    try {
      return Http.MAPPER.readTree(Http.q(json));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
