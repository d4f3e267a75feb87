package dev.ff.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that renders RFC 9457 {@code application/problem+json} bodies:
 *
 * <pre>{@code
 * {"type","title","status","detail","instance","correlationId","errors":[{"path","message"}]}
 * }</pre>
 *
 * <p>Unexpected exceptions become a generic {@code 500}: they are logged on one line (stack trace
 * only at DEBUG) and never sent to the client.
 */
public final class Problems {

  /** Media type of problem bodies. */
  public static final String CONTENT_TYPE = "application/problem+json";

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Problems() {}

  /**
   * The generic 500 problem sent for unexpected exceptions.
   *
   * @return the problem
   */
  public static ProblemException internalError() {
    return new ProblemException(
        500, "Internal Server Error", "An unexpected error occurred; quote the correlation id");
  }

  /**
   * Maps any throwable to a problem: a {@link ProblemException} as is, anything else to {@link
   * #internalError()} after logging it.
   *
   * @param error the throwable
   * @param correlationId correlation id for the log line
   * @return the problem to send
   */
  public static ProblemException from(Throwable error, String correlationId) {
    if (error instanceof ProblemException problem) {
      return problem;
    }
    LOG.error(
        "Unexpected {} (correlationId={}): {}",
        error.getClass().getName(),
        correlationId,
        error.getMessage());
    LOG.debug("Stack trace of correlationId={}", correlationId, error);
    return internalError();
  }

  /**
   * Renders the problem body.
   *
   * @param problem the problem
   * @param instance the request path, or null when unknown
   * @param correlationId the correlation id
   * @return UTF-8 JSON bytes
   */
  public static byte[] render(ProblemException problem, String instance, String correlationId) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", problem.type());
    node.put("title", problem.title());
    node.put("status", problem.status());
    if (problem.detail() != null) {
      node.put("detail", problem.detail());
    }
    if (instance != null) {
      node.put("instance", instance);
    }
    node.put("correlationId", correlationId);
    ArrayNode errors = node.putArray("errors");
    for (FieldError error : problem.errors()) {
      errors.addObject().put("path", error.path()).put("message", error.message());
    }
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      // cannot happen for a tree of strings and numbers
      return ("{\"status\":" + problem.status() + "}").getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * The problem as a response: status, body and the problem's extra headers.
   *
   * @param problem the problem
   * @param instance the request path, or null when unknown
   * @param correlationId the correlation id
   * @return the response
   */
  public static Response toResponse(
      ProblemException problem, String instance, String correlationId) {
    return Response.bytes(problem.status(), CONTENT_TYPE, render(problem, instance, correlationId))
        .headers(problem.headers());
  }
}
