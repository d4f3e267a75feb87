package dev.ff.sdk;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A MockWebServer whose stream and config paths answer from scripted queues; when a queue is empty
 * the fallback answers (default: a stream that stays silent, a 503 for configs).
 */
final class ScriptedServer implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  final ConcurrentLinkedQueue<MockResponse> streams = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<MockResponse> configs = new ConcurrentLinkedQueue<>();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  volatile Supplier<MockResponse> streamFallback =
      () -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
  volatile Supplier<MockResponse> configFallback = () -> new MockResponse().setResponseCode(503);
  volatile Supplier<MockResponse> eventsResponse = () -> new MockResponse().setResponseCode(202);

  ScriptedServer() throws java.io.IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            String path = request.getPath() == null ? "" : request.getPath();
            if (path.endsWith("/stream")) {
              MockResponse r = streams.poll();
              return r != null ? r : streamFallback.get();
            }
            if (path.endsWith("/events")) {
              return eventsResponse.get();
            }
            MockResponse r = configs.poll();
            return r != null ? r : configFallback.get();
          }
        });
    server.start();
  }

  String url() {
    String u = server.url("/").toString();
    return u.substring(0, u.length() - 1);
  }

  static MockResponse sse(String body) {
    return new MockResponse()
        .setHeader("Content-Type", "text/event-stream")
        .setHeader("Cache-Control", "no-cache")
        .setBody(body);
  }

  List<RecordedRequest> streamRequests() {
    return requests.stream().filter(r -> r.getPath().endsWith("/stream")).toList();
  }

  List<RecordedRequest> configRequests() {
    return requests.stream()
        .filter(r -> r.getPath().startsWith("/v1/configs/test") && !r.getPath().endsWith("/stream"))
        .toList();
  }

  List<RecordedRequest> eventRequests() {
    return requests.stream().filter(r -> r.getPath().endsWith("/events")).toList();
  }

  @Override
  public void close() throws java.io.IOException {
    server.shutdown();
  }
}
