package dev.ff.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny HTTP and SSE client for the tests. */
final class Http {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Http() {}

  /**
   * A response.
   *
   * @param status status code
   * @param response the raw response
   */
  record Res(int status, HttpResponse<String> response) {
    JsonNode json() {
      try {
        return MAPPER.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + response.body(), e);
      }
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    String body() {
      return response.body();
    }
  }

  static Res send(String method, String url, String token, String body, String... headers) {
    return send(CLIENT, method, url, token, body, headers);
  }

  /**
   * {@link #send(String, String, String, String, String...)} through another client (one with TLS
   * settings, for instance).
   */
  static Res send(
      HttpClient client, String method, String url, String token, String body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Res(r.statusCode(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Res get(String url, String token, String... headers) {
    return send("GET", url, token, null, headers);
  }

  static Res post(String url, String token, String body, String... headers) {
    return send("POST", url, token, body, headers);
  }

  static String q(String json) {
    return json.replace('\'', '"');
  }

  /** Reads an SSE stream into a list of events on a thread of its own. */
  static final class Sse implements AutoCloseable {
    record Event(String id, String event, String data) {}

    final List<Event> events = new CopyOnWriteArrayList<>();
    final int status;
    private final InputStream body;

    Sse(String url, String token, String lastEventId) throws Exception {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url))
              .header("Authorization", "Bearer " + token)
              .header("Accept", "text/event-stream")
              .GET();
      if (lastEventId != null) {
        b.header("Last-Event-ID", lastEventId);
      }
      HttpResponse<InputStream> r =
          CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      status = r.statusCode();
      body = r.body();
      Thread t = new Thread(this::read, "test-sse");
      t.setDaemon(true);
      t.start();
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
            if (data.length() > 0) {
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
}
