package dev.ff.server.sse;

import java.util.regex.Pattern;

/** Formats Server-Sent Events wire frames (the {@code text/event-stream} format). */
public final class SseFrames {

  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

  private SseFrames() {}

  /**
   * One event frame, terminated by a blank line.
   *
   * @param id the {@code id:} field or null
   * @param event the {@code event:} field or null
   * @param data the data, split into one {@code data:} line per line
   * @return the frame
   * @throws IllegalArgumentException when id or event contains a line break
   */
  public static String event(String id, String event, String data) {
    StringBuilder out = new StringBuilder(64 + (data == null ? 0 : data.length()));
    if (id != null) {
      out.append("id: ").append(singleLine(id, "id")).append('\n');
    }
    if (event != null) {
      out.append("event: ").append(singleLine(event, "event")).append('\n');
    }
    for (String line : LINE_BREAK.split(data == null ? "" : data, -1)) {
      out.append("data: ").append(line).append('\n');
    }
    return out.append('\n').toString();
  }

  /**
   * A comment frame; each line of the text becomes a comment line.
   *
   * @param text the comment
   * @return the frame
   */
  public static String comment(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : LINE_BREAK.split(text, -1)) {
      out.append(": ").append(line).append('\n');
    }
    return out.append('\n').toString();
  }

  private static String singleLine(String value, String field) {
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("SSE " + field + " must not contain a line break");
    }
    return value;
  }
}
