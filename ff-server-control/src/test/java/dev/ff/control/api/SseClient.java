package dev.ff.control.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads a Server-Sent Events stream on a thread of its own into a list of events. */
final class SseClient implements AutoCloseable {

  /**
   * One event.
   *
   * @param id the {@code id:} field
   * @param event the {@code event:} field
   * @param data the data lines joined by newlines
   */
  record Event(String id, String event, String data) {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  final List<Event> events = new CopyOnWriteArrayList<>();
  final int status;
  private final InputStream body;
  private final Thread reader;

  private SseClient(int status, InputStream body) {
    this.status = status;
    this.body = body;
    this.reader = new Thread(this::read, "sse-client");
    this.reader.setDaemon(true);
    this.reader.start();
  }

  /**
   * Connects and checks the response head against the contract.
   *
   * @param client base URL and token
   * @param path the stream path
   * @param lastEventId the {@code Last-Event-ID}, or null
   * @return the open client
   */
  static SseClient open(ApiClient client, String path, String lastEventId) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(client.baseUrl() + path))
            .header("Authorization", "Bearer " + client.token())
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofMinutes(2))
            .GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    Map<String, List<String>> lower = new TreeMap<>();
    response.headers().map().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    ApiClient.COVERED.add(
        OpenApiContract.load()
            .check(
                "GET",
                URI.create(client.baseUrl() + path).getRawPath(),
                response.statusCode(),
                lower,
                response.headers().firstValue("content-type").orElse(null),
                ""));
    return new SseClient(response.statusCode(), response.body());
  }

  List<Event> named(String name) {
    return events.stream().filter(e -> name.equals(e.event())).toList();
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String id = null;
      String event = null;
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data.length() > 0 || event != null) {
            events.add(new Event(id, event, data.toString()));
          }
          id = null;
          event = null;
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          if (data.length() > 0) {
            data.append('\n');
          }
          data.append(line.substring(5).stripLeading());
        }
      }
    } catch (IOException e) {
      // closed
    }
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
