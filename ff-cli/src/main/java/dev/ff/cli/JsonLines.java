package dev.ff.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The JSON-lines loop shared by {@code ff eval}, {@code ff bucket} and {@code ff stats}: one JSON
 * value per input line, one JSON result per output line, in the same order.
 *
 * <p>A line that is not JSON, or whose request the handler rejects with an {@link
 * IllegalArgumentException}, yields {@code {"error": "..."}} on that output line and the run goes
 * on. Blank input lines are skipped.
 */
final class JsonLines {
  /** The mapper used by every command (plain Jackson defaults, doubles written round-trip). */
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Computes the answer to one request line. */
  @FunctionalInterface
  interface Handler {
    /**
     * Answers one request.
     *
     * @param request the parsed line
     * @return the result written as one line
     * @throws IllegalArgumentException if the request is invalid; its message is reported
     */
    JsonNode handle(JsonNode request);
  }

  /** What a run did: how many lines were answered and how many of them were errors. */
  record Summary(long lines, long errors) {}

  private JsonLines() {}

  /**
   * Reads every line of {@code in}, answers it with {@code handler} and writes the answers to
   * {@code out}, flushing after each line so that the command can be used interactively.
   *
   * @param in request lines
   * @param out answers, one per non-blank request line
   * @param handler computes an answer
   * @return counts of answered and failed lines
   * @throws IOException if {@code in} cannot be read
   */
  static Summary run(BufferedReader in, PrintWriter out, Handler handler) throws IOException {
    long lines = 0;
    long errors = 0;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      lines++;
      JsonNode answer;
      try {
        answer = handler.handle(MAPPER.readTree(line));
      } catch (JsonProcessingException e) {
        answer = error("line " + lines + ": malformed JSON: " + e.getOriginalMessage());
      } catch (IllegalArgumentException e) {
        answer = error(e.getMessage());
      } catch (RuntimeException e) {
        answer = error("line " + lines + ": " + e);
      }
      if (answer.has("error") && answer.size() == 1) {
        errors++;
      }
      out.println(MAPPER.writeValueAsString(answer));
      out.flush();
    }
    return new Summary(lines, errors);
  }

  /**
   * The error object written for a failed line.
   *
   * @param message what was wrong
   * @return {@code {"error": message}}
   */
  static ObjectNode error(String message) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("error", message == null ? "invalid request" : message);
    return node;
  }
}
