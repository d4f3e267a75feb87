package dev.ff.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ShutdownAndTracingTest extends ServerTestSupport {

  @Test
  void gracefulShutdownLetsInFlightRequestFinishAndTurnsReadinessOff() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    start(
        HttpServer.builder(ServerConfig.defaults().withShutdownGrace(Duration.ofSeconds(20)))
            .router(
                Router.builder()
                    .get(
                        "/slow",
                        r -> {
                          entered.countDown();
                          release.await(30, TimeUnit.SECONDS);
                          return Response.ok(Map.of("finished", true));
                        },
                        open())
                    .build()));
    int port = server.port();
    try (RawClient probe = new RawClient(port)) {
      probe.send("GET /ready HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(probe.read().status()).isEqualTo(200);

      CompletableFuture<HttpResponse<String>> slow =
          client.sendAsync(
              HttpRequest.newBuilder(uri("/slow")).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      await().atMost(Duration.ofSeconds(5)).until(() -> !server.isReady());
      // an already-open connection still gets answers, and /ready says 503
      probe.send("GET /ready HTTP/1.1\r\nHost: x\r\n\r\n");
      RawClient.Raw notReady = probe.read();
      assertThat(notReady.status()).isEqualTo(503);
      assertThat(json(notReady.body()).get("shuttingDown").asBoolean()).isTrue();
      assertThat(closing).isNotDone();

      release.countDown();
      HttpResponse<String> response = slow.get(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(json(response).get("finished").asBoolean()).isTrue();
      closing.get(10, TimeUnit.SECONDS);
    }
    // no longer accepting
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RawClient(port).close())
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void serverSpanRecordedWithAttributesParentAndMdc() throws Exception {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    AtomicReference<String> mdcTrace = new AtomicReference<>();
    AtomicReference<String> mdcCorrelation = new AtomicReference<>();
    AtomicReference<String> thread = new AtomicReference<>();
    start(
        HttpServer.builder(ServerConfig.defaults())
            .openTelemetry(sdk)
            .router(
                Router.builder()
                    .get(
                        "/v1/orgs/{org}",
                        r -> {
                          mdcTrace.set(MDC.get("traceId"));
                          mdcCorrelation.set(MDC.get("correlationId"));
                          thread.set(Thread.currentThread().getName());
                          return Response.ok(Map.of());
                        },
                        open())
                    .build()));
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    HttpResponse<String> response =
        get(
            "/v1/orgs/acme",
            "traceparent",
            "00-" + traceId + "-00f067aa0ba902b7-01",
            "X-Correlation-Id",
            "corr-1");
    assertThat(response.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> !exporter.getFinishedSpanItems().isEmpty());
    SpanData span = exporter.getFinishedSpanItems().get(0);
    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.getName()).isEqualTo("GET /v1/orgs/{org}");
    assertThat(span.getTraceId()).isEqualTo(traceId);
    assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(span.getAttributes().asMap())
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.stringKey("http.request.method"), "GET")
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.stringKey("http.route"), "/v1/orgs/{org}")
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.longKey("http.response.status_code"), 200L);
    assertThat(mdcTrace.get()).isEqualTo(traceId);
    assertThat(mdcCorrelation.get()).isEqualTo("corr-1");
    assertThat(thread.get()).startsWith("ff-blocking-");
  }

  @Test
  void defaultTracingStillGivesTraceIdsToTheMdc() throws Exception {
    AtomicReference<String> mdcTrace = new AtomicReference<>();
    start(
        Router.builder()
            .get(
                "/x",
                r -> {
                  mdcTrace.set(MDC.get("traceId"));
                  return Response.noContent();
                },
                open().inline())
            .build());
    assertThat(get("/x").statusCode()).isEqualTo(204);
    assertThat(mdcTrace.get()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    // cleared from the event-loop thread afterwards
    assertThat(MDC.get("traceId")).isNull();
  }
}
