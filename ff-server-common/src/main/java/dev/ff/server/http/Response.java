package dev.ff.server.http;

import dev.ff.server.sse.SseStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An immutable HTTP response returned by a {@link Handler}. {@link #header(String, String)} returns
 * a copy.
 */
public final class Response {

  /** What a response carries after its headers. */
  public sealed interface Body permits Empty, Bytes, Json, Sse {}

  /** No body. */
  public record Empty() implements Body {}

  /**
   * Raw bytes of a given media type.
   *
   * @param contentType the {@code Content-Type}
   * @param content the bytes (not copied; do not modify)
   */
  public record Bytes(String contentType, byte[] content) implements Body {

    /** Validates the fields. */
    public Bytes {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(content, "content");
    }
  }

  /**
   * A value the server serialises with Jackson as {@code application/json} (on the handler's
   * thread, after the handler returns).
   *
   * @param value the value
   */
  public record Json(Object value) implements Body {}

  /**
   * A Server-Sent Events stream.
   *
   * @param onOpen called once the response headers are on their way
   */
  public record Sse(Consumer<SseStream> onOpen) implements Body {

    /** Validates the fields. */
    public Sse {
      Objects.requireNonNull(onOpen, "onOpen");
    }
  }

  private final int status;
  private final Map<String, String> headers;
  private final Body body;

  private Response(int status, Map<String, String> headers, Body body) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status out of range: " + status);
    }
    this.status = status;
    this.headers = headers;
    this.body = Objects.requireNonNull(body, "body");
  }

  private static Response of(int status, Body body) {
    return new Response(status, new TreeMap<>(String.CASE_INSENSITIVE_ORDER), body);
  }

  /**
   * A JSON response.
   *
   * @param status HTTP status
   * @param body value serialised with Jackson
   * @return the response
   */
  public static Response json(int status, Object body) {
    return of(status, new Json(body));
  }

  /**
   * {@code 200} with a JSON body.
   *
   * @param body value serialised with Jackson
   * @return the response
   */
  public static Response ok(Object body) {
    return json(200, body);
  }

  /**
   * {@code 201} with a JSON body and a {@code Location} header.
   *
   * @param body value serialised with Jackson
   * @param location URI of the created resource
   * @return the response
   */
  public static Response created(Object body, String location) {
    return json(201, body).header("Location", location);
  }

  /**
   * {@code 204} without a body.
   *
   * @return the response
   */
  public static Response noContent() {
    return status(204);
  }

  /**
   * A response with the given status and no body (for example {@code 304}).
   *
   * @param status HTTP status
   * @return the response
   */
  public static Response status(int status) {
    return of(status, new Empty());
  }

  /**
   * A response with raw bytes.
   *
   * @param status HTTP status
   * @param contentType the {@code Content-Type}
   * @param content the body (not copied)
   * @return the response
   */
  public static Response bytes(int status, String contentType, byte[] content) {
    return of(status, new Bytes(contentType, content));
  }

  /**
   * A {@code text/plain; charset=utf-8} response.
   *
   * @param status HTTP status
   * @param text the body
   * @return the response
   */
  public static Response text(int status, String text) {
    return bytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Switches the connection to Server-Sent Events: the server sends {@code 200} with {@code
   * Content-Type: text/event-stream}, then calls {@code onOpen} with the stream (on the handler's
   * thread). The stream lives until the client goes away, {@link SseStream#close()} is called or
   * the server shuts down.
   *
   * @param onOpen receives the open stream; register it with whatever publishes events
   * @return the response
   */
  public static Response sse(Consumer<SseStream> onOpen) {
    return of(200, new Sse(onOpen));
  }

  /**
   * Copy with a header set (replacing a header of the same name, case-insensitively).
   *
   * @param name header name
   * @param value header value
   * @return the copy
   */
  public Response header(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    copy.put(name, value);
    return new Response(status, copy, body);
  }

  /**
   * Copy with several headers set.
   *
   * @param extra headers to set
   * @return the copy
   */
  public Response headers(Map<String, String> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    copy.putAll(extra);
    return new Response(status, copy, body);
  }

  /**
   * HTTP status.
   *
   * @return the status
   */
  public int statusCode() {
    return status;
  }

  /**
   * Headers set on this response (case-insensitive keys, read-only).
   *
   * @return the headers
   */
  public Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  /**
   * The body.
   *
   * @return the body
   */
  public Body body() {
    return body;
  }
}
