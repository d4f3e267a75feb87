package dev.ff.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest extends ServerTestSupport {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private Level previous;

  @BeforeEach
  void capture() {
    previous = root.getLevel();
    events.start();
    root.addAppender(events);
    root.setLevel(Level.DEBUG);
  }

  @AfterEach
  void restore() {
    root.setLevel(previous);
    root.detachAppender(events);
  }

  private List<ILoggingEvent> snapshot() {
    synchronized (events) {
      return List.copyOf(events.list);
    }
  }

  @Test
  void accessLogLinePerRequestAndNoSecrets() throws Exception {
    start(
        HttpServer.builder(ServerConfig.defaults())
            .router(
                Router.builder()
                    .get("/v1/orgs/{org}", r -> Response.ok(Map.of()), open())
                    .get(
                        "/fail",
                        r -> {
                          throw new IllegalArgumentException("kaputt");
                        },
                        open())
                    .get("/private", r -> Response.ok(Map.of()))
                    .build()));
    get("/v1/orgs/acme", "Authorization", "Bearer s3cr3t-token", "X-Correlation-Id", "c-42");
    get("/fail", "Authorization", "Bearer s3cr3t-token", "X-Correlation-Id", "c-43");
    get("/private", "Authorization", "Bearer s3cr3t-token");

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                snapshot().stream().filter(e -> e.getLoggerName().equals("ff.access")).count()
                    == 3);
    List<ILoggingEvent> access =
        snapshot().stream()
            .filter(e -> e.getLoggerName().equals("ff.access"))
            .collect(Collectors.toList());
    ILoggingEvent first = access.get(0);
    assertThat(first.getLevel()).isEqualTo(Level.INFO);
    Map<String, Object> fields =
        first.getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
    assertThat(fields)
        .containsEntry("method", "GET")
        .containsEntry("route", "/v1/orgs/{org}")
        .containsEntry("path", "/v1/orgs/acme")
        .containsEntry("status", 200)
        .containsEntry("correlationId", "c-42")
        .containsKey("durationMs");
    assertThat(first.getMDCPropertyMap())
        .containsEntry("correlationId", "c-42")
        .containsKey("traceId");

    ILoggingEvent error =
        snapshot().stream().filter(e -> e.getLevel() == Level.ERROR).findFirst().orElseThrow();
    assertThat(error.getFormattedMessage()).contains("c-43").contains("kaputt");
    assertThat(error.getThrowableProxy()).isNull();
    assertThat(
            snapshot().stream()
                .filter(e -> e.getLevel() == Level.DEBUG && e.getThrowableProxy() != null)
                .anyMatch(e -> e.getThrowableProxy().getMessage().equals("kaputt")))
        .isTrue();

    for (ILoggingEvent event : snapshot()) {
      assertThat(event.getFormattedMessage()).doesNotContain("s3cr3t");
      assertThat(String.valueOf(event.getKeyValuePairs())).doesNotContain("s3cr3t");
      assertThat(event.getMDCPropertyMap().toString()).doesNotContain("s3cr3t");
    }
  }

  @Test
  void sampledRoutesLogSomeSuccessesAndEveryError() throws Exception {
    start(
        HttpServer.builder(ServerConfig.defaults())
            .router(
                Router.builder()
                    .get("/hot", r -> Response.ok(Map.of()), open().sampleAccessLog(1_000_000))
                    .get(
                        "/hot-fail",
                        r -> {
                          throw ProblemException.notFound("nothing here");
                        },
                        open().sampleAccessLog(1_000_000))
                    .build()));
    for (int i = 0; i < 50; i++) {
      get("/hot");
    }
    get("/hot-fail", "X-Correlation-Id", "c-404");

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> snapshot().stream().anyMatch(e -> accessFor(e, "/hot-fail")));
    // One in a million successes is logged: 50 requests leave (almost surely) no line.
    assertThat(snapshot().stream().filter(e -> accessFor(e, "/hot")).count()).isLessThan(2);
  }

  @Test
  void sampling_logsErrorsAlwaysAndSuccessesAtTheConfiguredRate() {
    Route sampled = new Route("GET", "/x", r -> Response.noContent(), open().sampleAccessLog(100));
    Route plain = new Route("GET", "/y", r -> Response.noContent(), open());
    int logged = 0;
    for (int i = 0; i < 100_000; i++) {
      assertThat(ServerRuntime.logged(sampled, 500)).isTrue();
      assertThat(ServerRuntime.logged(plain, 200)).isTrue();
      if (ServerRuntime.logged(sampled, 200)) {
        logged++;
      }
    }
    // Binomial(100000, 0.01): mean 1000, sd ~31.5; +-6 sd.
    assertThat(logged).isBetween(810, 1190);
    assertThat(ServerRuntime.logged(null, 200)).as("unmatched requests").isTrue();
  }

  private static boolean accessFor(ILoggingEvent event, String path) {
    return event.getLoggerName().equals("ff.access")
        && event.getKeyValuePairs().stream()
            .anyMatch(kv -> kv.key.equals("path") && path.equals(kv.value));
  }
}
