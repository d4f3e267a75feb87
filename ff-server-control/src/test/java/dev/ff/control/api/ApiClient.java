package dev.ff.control.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP client of the live API. Every response is checked against {@code openapi.yaml}
 * ({@link OpenApiContract#check}) and the operation it exercised is recorded in {@link #COVERED}.
 */
final class ApiClient {

  /** Operations ({@code "METHOD template"}) exercised by any test of this JVM. */
  static final Set<String> COVERED = ConcurrentHashMap.newKeySet();

  static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    // For humans: which documented operations no test exercised (written when the JVM exits).
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  java.util.Set<String> missing =
                      new java.util.TreeSet<>(OpenApiContract.load().operations());
                  missing.removeAll(COVERED);
                  try {
                    java.nio.file.Files.writeString(
                        java.nio.file.Path.of(
                            System.getProperty("java.io.tmpdir"), "api-uncovered.txt"),
                        String.join("\n", missing) + "\n");
                  } catch (IOException e) {
                    // best effort
                  }
                }));
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String baseUrl;
  private final String token;

  ApiClient(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /**
   * The same client with another bearer token (null: none).
   *
   * @param value the token
   * @return the client
   */
  ApiClient as(String value) {
    return new ApiClient(baseUrl, value);
  }

  String baseUrl() {
    return baseUrl;
  }

  String token() {
    return token;
  }

  Res get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  Res post(String path, String body, String... headers) {
    return send("POST", path, body, headers);
  }

  Res patch(String path, String body, String... headers) {
    return send("PATCH", path, body, headers);
  }

  Res delete(String path, String... headers) {
    return send("DELETE", path, null, headers);
  }

  /**
   * Sends a request and checks the response against the document.
   *
   * @param method the method
   * @param path path with optional query
   * @param body JSON text, or null for none
   * @param headers name, value, name, value…
   * @return the response
   */
  Res send(String method, String path, String body, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response;
    try {
      response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Map<String, List<String>> lower = new TreeMap<>();
    response.headers().map().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    String rawPath = URI.create(baseUrl + path).getRawPath();
    String contentType = response.headers().firstValue("content-type").orElse(null);
    COVERED.add(
        OpenApiContract.load()
            .check(method, rawPath, response.statusCode(), lower, contentType, response.body()));
    return new Res(response.statusCode(), lower, response.body());
  }

  /**
   * A response.
   *
   * @param status the status
   * @param headers headers by lower-case name
   * @param body the body text
   */
  record Res(int status, Map<String, List<String>> headers, String body) {

    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    String etag() {
      return header("ETag");
    }
  }
}
