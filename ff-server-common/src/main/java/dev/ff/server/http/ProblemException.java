package dev.ff.server.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An error that becomes an RFC 9457 {@code application/problem+json} response (rendered by {@link
 * Problems}). Throw it from a handler, a filter, an {@link Authenticator} or an {@link Authorizer}.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Problem type of validation failures. */
  public static final String TYPE_VALIDATION = "urn:ff:problem:validation";

  /** Problem type of rate-limited requests. */
  public static final String TYPE_RATE_LIMITED = "urn:ff:problem:rate-limited";

  /** Problem type used when nothing more specific than the status applies. */
  public static final String TYPE_BLANK = "about:blank";

  private final int status;
  private final String type;
  private final String title;
  private final String detail;
  private final List<FieldError> errors;
  private final Map<String, String> headers;

  /**
   * Creates a problem.
   *
   * @param status HTTP status (400..599)
   * @param type problem type URI ({@code about:blank} or a URN)
   * @param title short summary of the problem type
   * @param detail explanation of this occurrence (sent to the client, so no secrets)
   * @param errors field errors, possibly empty
   * @param headers extra response headers such as {@code Retry-After}
   */
  public ProblemException(
      int status,
      String type,
      String title,
      String detail,
      List<FieldError> errors,
      Map<String, String> headers) {
    super(status + " " + title + (detail == null ? "" : ": " + detail), null, false, false);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("problem status must be 4xx or 5xx: " + status);
    }
    this.status = status;
    this.type = Objects.requireNonNull(type, "type");
    this.title = Objects.requireNonNull(title, "title");
    this.detail = detail;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  /**
   * Creates an {@code about:blank} problem without field errors or extra headers.
   *
   * @param status HTTP status
   * @param title short summary
   * @param detail explanation of this occurrence
   */
  public ProblemException(int status, String title, String detail) {
    this(status, TYPE_BLANK, title, detail, List.of(), Map.of());
  }

  /**
   * HTTP status.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * Problem type URI.
   *
   * @return the type
   */
  public String type() {
    return type;
  }

  /**
   * Short summary of the problem type.
   *
   * @return the title
   */
  public String title() {
    return title;
  }

  /**
   * Explanation of this occurrence, may be null.
   *
   * @return the detail
   */
  public String detail() {
    return detail;
  }

  /**
   * Field errors (possibly empty).
   *
   * @return the errors
   */
  public List<FieldError> errors() {
    return errors;
  }

  /**
   * Extra response headers.
   *
   * @return the headers
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Copy with one more response header.
   *
   * @param name header name
   * @param value header value
   * @return the copy
   */
  public ProblemException withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ProblemException(status, type, title, detail, errors, copy);
  }

  /**
   * 400 Bad Request.
   *
   * @param detail what is wrong
   * @return the problem
   */
  public static ProblemException badRequest(String detail) {
    return new ProblemException(400, "Bad Request", detail);
  }

  /**
   * 400 Bad Request with field errors.
   *
   * @param detail what is wrong
   * @param errors where it is wrong
   * @return the problem
   */
  public static ProblemException badRequest(String detail, List<FieldError> errors) {
    return new ProblemException(400, TYPE_BLANK, "Bad Request", detail, errors, Map.of());
  }

  /**
   * 401 Unauthorized, with {@code WWW-Authenticate: Bearer}.
   *
   * @param detail why
   * @return the problem
   */
  public static ProblemException unauthorized(String detail) {
    return new ProblemException(
        401, TYPE_BLANK, "Unauthorized", detail, List.of(), Map.of("WWW-Authenticate", "Bearer"));
  }

  /**
   * 403 Forbidden.
   *
   * @param detail why
   * @return the problem
   */
  public static ProblemException forbidden(String detail) {
    return new ProblemException(403, "Forbidden", detail);
  }

  /**
   * 404 Not Found.
   *
   * @param detail what was not found
   * @return the problem
   */
  public static ProblemException notFound(String detail) {
    return new ProblemException(404, "Not Found", detail);
  }

  /**
   * 405 Method Not Allowed, with the {@code Allow} header.
   *
   * @param allowed methods the resource supports
   * @return the problem
   */
  public static ProblemException methodNotAllowed(List<String> allowed) {
    String allow = String.join(", ", allowed);
    return new ProblemException(
        405,
        TYPE_BLANK,
        "Method Not Allowed",
        "Allowed methods: " + allow,
        List.of(),
        Map.of("Allow", allow));
  }

  /**
   * 409 Conflict.
   *
   * @param detail what conflicts
   * @return the problem
   */
  public static ProblemException conflict(String detail) {
    return new ProblemException(409, "Conflict", detail);
  }

  /**
   * 412 Precondition Failed (for example a stale {@code If-Match}).
   *
   * @param detail which precondition
   * @return the problem
   */
  public static ProblemException preconditionFailed(String detail) {
    return new ProblemException(412, "Precondition Failed", detail);
  }

  /**
   * 428 Precondition Required (for example a missing {@code If-Match}).
   *
   * @param detail which precondition
   * @return the problem
   */
  public static ProblemException preconditionRequired(String detail) {
    return new ProblemException(428, "Precondition Required", detail);
  }

  /**
   * 413 Content Too Large.
   *
   * @param detail the limit
   * @return the problem
   */
  public static ProblemException payloadTooLarge(String detail) {
    return new ProblemException(413, "Content Too Large", detail);
  }

  /**
   * 422 Unprocessable Content of type {@value #TYPE_VALIDATION}.
   *
   * @param errors the validation errors
   * @return the problem
   */
  public static ProblemException unprocessable(List<FieldError> errors) {
    return new ProblemException(
        422,
        TYPE_VALIDATION,
        "Unprocessable Content",
        "The request failed validation",
        errors,
        Map.of());
  }

  /**
   * 429 Too Many Requests with {@code Retry-After}.
   *
   * @param retryAfterSeconds seconds until a retry may succeed
   * @return the problem
   */
  public static ProblemException tooManyRequests(long retryAfterSeconds) {
    return new ProblemException(
        429,
        TYPE_RATE_LIMITED,
        "Too Many Requests",
        "Rate limit exceeded; retry after " + retryAfterSeconds + " s",
        List.of(),
        Map.of("Retry-After", Long.toString(retryAfterSeconds)));
  }

  /**
   * 503 Service Unavailable with {@code Retry-After}.
   *
   * @param detail why
   * @param retryAfterSeconds seconds until a retry may succeed
   * @return the problem
   */
  public static ProblemException serviceUnavailable(String detail, long retryAfterSeconds) {
    return new ProblemException(
        503,
        TYPE_BLANK,
        "Service Unavailable",
        detail,
        List.of(),
        Map.of("Retry-After", Long.toString(retryAfterSeconds)));
  }
}
