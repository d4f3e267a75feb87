package dev.ff.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ff.server.sse.SseFrames;
import dev.ff.server.sse.SseStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class SseTest extends ServerTestSupport {

  private final AtomicReference<SseStream> opened = new AtomicReference<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  private void startSse(ServerConfig config, Handler handler) {
    start(
        HttpServer.builder(config)
            .router(Router.builder().get("/v1/stream", handler, open()).build()));
  }

  private Handler recordingStream(String lastEventIdSeen) {
    return request -> {
      String lastId = request.header("Last-Event-ID").orElse("none");
      return Response.sse(
          stream -> {
            stream.onClose(closed::countDown);
            stream.send("7", "config", "{\"a\":1}\n{\"b\":2}");
            stream.send(null, null, "last=" + lastId);
            opened.set(stream);
          });
    };
  }

  /** Reads one SSE frame (lines up to a blank line) from a chunked stream. */
  private static List<String> readFrame(RawClient raw) throws Exception {
    List<String> lines = new ArrayList<>();
    while (true) {
      String line = raw.readLine();
      if (line == null) {
        return lines;
      }
      if (line.matches("[0-9a-fA-F]+") && lines.isEmpty()) {
        continue; // chunk size line
      }
      if (line.isEmpty()) {
        if (!lines.isEmpty()) {
          return lines;
        }
        continue;
      }
      lines.add(line);
    }
  }

  @Test
  void eventsAreFramedAndHeartbeatsArrive() throws Exception {
    startSse(
        ServerConfig.defaults().withHeartbeatInterval(Duration.ofMillis(100)),
        recordingStream("none"));
    try (RawClient raw = new RawClient(server.port())) {
      raw.send("GET /v1/stream HTTP/1.1\r\nHost: x\r\nLast-Event-ID: 6\r\n\r\n");
      RawClient.Raw head = raw.readHead(false);
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("content-type")).startsWith("text/event-stream");
      assertThat(head.header("cache-control")).isEqualTo("no-cache");
      assertThat(head.header("transfer-encoding")).isEqualTo("chunked");
      assertThat(head.header("x-correlation-id")).isNotBlank();

      assertThat(readFrame(raw))
          .containsExactly("id: 7", "event: config", "data: {\"a\":1}", "data: {\"b\":2}");
      assertThat(readFrame(raw)).containsExactly("data: last=6");
      assertThat(readFrame(raw)).containsExactly(": ping");
      assertThat(readFrame(raw)).containsExactly(": ping");
    }
  }

  @Test
  void clientDisconnectFiresOnClose() throws Exception {
    startSse(ServerConfig.defaults(), recordingStream("none"));
    try (RawClient raw = new RawClient(server.port())) {
      raw.send("GET /v1/stream HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(raw.readHead(false).status()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(5)).until(() -> opened.get() != null);
      assertThat(opened.get().isOpen()).isTrue();
    }
    assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(opened.get().isOpen()).isFalse();
    assertThat(opened.get().send("x")).isFalse();
    await().atMost(Duration.ofSeconds(5)).until(() -> server.openStreams() == 0);
  }

  @Test
  void clientThatNeverReadsIsDroppedInsteadOfBuffered() throws Exception {
    AtomicBoolean refused = new AtomicBoolean();
    AtomicInteger sent = new AtomicInteger();
    String payload = "x".repeat(16 * 1024);
    startSse(
        ServerConfig.defaults().withSseMaxUnwritable(Duration.ofMillis(300)),
        request ->
            Response.sse(
                stream -> {
                  stream.onClose(closed::countDown);
                  opened.set(stream);
                  Thread pusher =
                      new Thread(
                          () -> {
                            // bounded: at most 20,000 attempts (~320 MB if nothing were refused)
                            for (int i = 0; i < 20_000 && stream.isOpen(); i++) {
                              if (stream.send(Integer.toString(i), "bulk", payload)) {
                                sent.incrementAndGet();
                              } else {
                                refused.set(true);
                                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                              }
                            }
                          });
                  pusher.setDaemon(true);
                  pusher.start();
                }));
    try (RawClient raw = new RawClient(server.port(), 8192)) {
      raw.send("GET /v1/stream HTTP/1.1\r\nHost: x\r\n\r\n");
      // never read: the server must notice and drop the stream
      assertThat(closed.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(refused).isTrue();
      assertThat(opened.get().isOpen()).isFalse();
      // far fewer events were accepted than attempted: the buffer stayed bounded
      assertThat(sent.get()).isLessThan(20_000);
    }
  }

  @Test
  void shutdownClosesStreams() throws Exception {
    startSse(ServerConfig.defaults(), recordingStream("none"));
    try (RawClient raw = new RawClient(server.port())) {
      raw.send("GET /v1/stream HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(raw.readHead(false).status()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(5)).until(() -> opened.get() != null);
      server.close();
      assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void framesSplitMultiLineDataAndRejectBrokenIds() {
    assertThat(SseFrames.event("1", "patch", "a\r\nb\nc"))
        .isEqualTo("id: 1\nevent: patch\ndata: a\ndata: b\ndata: c\n\n");
    assertThat(SseFrames.event(null, null, "")).isEqualTo("data: \n\n");
    assertThat(SseFrames.comment("ping")).isEqualTo(": ping\n\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SseFrames.event("1\n2", null, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
