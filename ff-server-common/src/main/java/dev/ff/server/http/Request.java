package dev.ff.server.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fully received HTTP request. The server creates it; {@link #builder(String, String)} makes one
 * for unit tests of handlers.
 */
public final class Request {

  private static final ObjectMapper DEFAULT_MAPPER = new ObjectMapper();

  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final String correlationId;
  private final String remoteAddress;
  private final ObjectReader jsonReader;
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();
  private volatile String routeTemplate;
  private volatile Map<String, String> pathParams = Map.of();
  private volatile Principal principal;
  private JsonNode json;

  Request(
      String method,
      String uri,
      Map<String, List<String>> headers,
      byte[] body,
      String correlationId,
      String remoteAddress,
      ObjectMapper mapper) {
    this.method = Objects.requireNonNull(method, "method");
    QueryStringDecoder decoder = new QueryStringDecoder(uri, StandardCharsets.UTF_8);
    this.path = decoder.rawPath();
    this.query = decoder.parameters();
    this.headers = headers;
    this.body = body;
    this.correlationId = correlationId;
    this.remoteAddress = remoteAddress;
    this.jsonReader =
        mapper
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .forType(JsonNode.class);
  }

  /**
   * HTTP method, upper case.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * The path as sent (percent-encoded, without the query).
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * Template of the matched route, or null before routing or when nothing matched.
   *
   * @return the template
   */
  public String routeTemplate() {
    return routeTemplate;
  }

  /**
   * A decoded path parameter of the matched route.
   *
   * @param name parameter name as in the template
   * @return the value
   * @throws IllegalArgumentException when the route has no such parameter (a programming error)
   */
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "route " + routeTemplate + " has no path parameter {" + name + "}");
    }
    return value;
  }

  /**
   * All decoded path parameters.
   *
   * @return name to value
   */
  public Map<String, String> pathParams() {
    return pathParams;
  }

  /**
   * First value of a query parameter.
   *
   * @param name parameter name
   * @return the decoded value, if present
   */
  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * All values of a query parameter.
   *
   * @param name parameter name
   * @return the decoded values, possibly empty
   */
  public List<String> queryParams(String name) {
    return query.getOrDefault(name, List.of());
  }

  /**
   * First value of a header.
   *
   * @param name header name, any case
   * @return the value, if present
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * All values of a header.
   *
   * @param name header name, any case
   * @return the values, possibly empty
   */
  public List<String> headers(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /**
   * All headers, names in lower case.
   *
   * @return the headers
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The body (empty array when there is none). Do not modify it.
   *
   * @return the body
   */
  public byte[] body() {
    return body;
  }

  /**
   * The body parsed as JSON (parsed once, then cached).
   *
   * @return the parsed document
   * @throws ProblemException 400 when the body is empty or not well-formed JSON; {@code
   *     errors[0].path} is {@code ""} and the message says where parsing failed
   */
  public synchronized JsonNode json() {
    if (json == null) {
      if (body.length == 0) {
        throw ProblemException.badRequest(
            "Request body is empty; a JSON document is required",
            List.of(new FieldError("", "expected a JSON document, got an empty body")));
      }
      try {
        json = jsonReader.readValue(body);
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where =
            at == null
                ? "at an unknown position"
                : "at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String message = "malformed JSON " + where + ": " + e.getOriginalMessage();
        throw ProblemException.badRequest(
            "Request body is not valid JSON", List.of(new FieldError("", message)));
      } catch (IOException e) {
        throw ProblemException.badRequest(
            "Request body could not be read as JSON", List.of(new FieldError("", "unreadable")));
      }
      if (json == null || json.isMissingNode()) {
        throw ProblemException.badRequest(
            "Request body is empty; a JSON document is required",
            List.of(new FieldError("", "expected a JSON document")));
      }
    }
    return json;
  }

  /**
   * Correlation id of this request (echoed from {@code X-Correlation-Id} when sane, else
   * generated); also sent back as {@code X-Correlation-Id} and put in the logging MDC.
   *
   * @return the id
   */
  public String correlationId() {
    return correlationId;
  }

  /**
   * IP address of the peer (no proxy headers are trusted).
   *
   * @return the address
   */
  public String remoteAddress() {
    return remoteAddress;
  }

  /**
   * Who sent the request, as established by the server's {@link Authenticator}.
   *
   * @return the principal, empty for anonymous requests
   */
  public Optional<Principal> principal() {
    return Optional.ofNullable(principal);
  }

  /**
   * An attribute set by a filter or the server.
   *
   * @param name attribute name
   * @return the value, if set
   */
  public Optional<Object> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /**
   * Sets an attribute (null removes it).
   *
   * @param name attribute name
   * @param value the value
   */
  public void attribute(String name, Object value) {
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, value);
    }
  }

  void routed(String template, Map<String, String> params) {
    this.routeTemplate = template;
    this.pathParams = params;
  }

  void principal(Principal value) {
    this.principal = value;
  }

  /**
   * A builder of requests for unit tests of handlers.
   *
   * @param method HTTP method
   * @param uri path with optional query
   * @return the builder
   */
  public static Builder builder(String method, String uri) {
    return new Builder(method, uri);
  }

  /** Builds a {@link Request} outside the server (for tests). */
  public static final class Builder {
    private final String method;
    private final String uri;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private String template;
    private Map<String, String> params = Map.of();
    private Principal principal;
    private String remoteAddress = "127.0.0.1";

    private Builder(String method, String uri) {
      this.method = method.toUpperCase(Locale.ROOT);
      this.uri = uri;
    }

    /**
     * Adds a header value.
     *
     * @param name name
     * @param value value
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Sets the body.
     *
     * @param value the bytes
     * @return this builder
     */
    public Builder body(byte[] value) {
      this.body = value.clone();
      return this;
    }

    /**
     * Sets a UTF-8 body.
     *
     * @param value the text
     * @return this builder
     */
    public Builder body(String value) {
      return body(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sets the matched route.
     *
     * @param routeTemplate the template
     * @param pathParams decoded parameters
     * @return this builder
     */
    public Builder route(String routeTemplate, Map<String, String> pathParams) {
      this.template = routeTemplate;
      this.params = Map.copyOf(pathParams);
      return this;
    }

    /**
     * Sets the principal.
     *
     * @param value the principal
     * @return this builder
     */
    public Builder principal(Principal value) {
      this.principal = value;
      return this;
    }

    /**
     * Sets the peer address.
     *
     * @param value the address
     * @return this builder
     */
    public Builder remoteAddress(String value) {
      this.remoteAddress = value;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public Request build() {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      String id =
          Correlation.saneOrNull(
              copy.getOrDefault("x-correlation-id", List.of()).stream().findFirst().orElse(null));
      Request request =
          new Request(
              method,
              uri,
              Map.copyOf(copy),
              body,
              id == null ? UUID.randomUUID().toString() : id,
              remoteAddress,
              DEFAULT_MAPPER);
      request.routed(template, params);
      request.principal(principal);
      return request;
    }
  }
}
