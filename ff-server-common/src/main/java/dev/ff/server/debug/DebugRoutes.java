package dev.ff.server.debug;

import dev.ff.server.http.ProblemException;
import dev.ff.server.http.Request;
import dev.ff.server.http.Response;
import dev.ff.server.http.Route;
import dev.ff.server.http.RouteOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Admin-only diagnostic routes: {@code GET /debug/threads} (a thread dump as text) and {@code GET
 * /debug/jfr?seconds=N} (a JFR recording of N ≤ 60 seconds, returned as a {@code .jfr} file). Both
 * are flagged {@link RouteOptions#adminOnly()} so the server's {@code Authorizer} decides who may
 * call them; both run on the blocking executor.
 */
public final class DebugRoutes {

  /** Longest recording {@code /debug/jfr} accepts. */
  public static final int MAX_JFR_SECONDS = 60;

  private DebugRoutes() {}

  /**
   * The debug routes.
   *
   * @return the routes
   */
  public static List<Route> routes() {
    RouteOptions admin = RouteOptions.defaults().adminOnly();
    return List.of(
        new Route("GET", "/debug/threads", DebugRoutes::threads, admin),
        new Route("GET", "/debug/jfr", DebugRoutes::jfr, admin));
  }

  /**
   * A thread dump of every live thread with full stacks and locks.
   *
   * @return the dump
   */
  public static String threadDump() {
    StringBuilder out = new StringBuilder(16 * 1024);
    for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      out.append('"')
          .append(info.getThreadName())
          .append("\" #")
          .append(info.getThreadId())
          .append(info.isDaemon() ? " daemon" : "")
          .append(" ")
          .append(info.getThreadState());
      if (info.getLockName() != null) {
        out.append(" on ").append(info.getLockName());
      }
      if (info.getLockOwnerName() != null) {
        out.append(" owned by \"").append(info.getLockOwnerName()).append('"');
      }
      out.append('\n');
      for (StackTraceElement frame : info.getStackTrace()) {
        out.append("\tat ").append(frame).append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static Response threads(Request request) {
    return Response.text(200, threadDump());
  }

  private static Response jfr(Request request) throws IOException, InterruptedException {
    int seconds;
    try {
      seconds = Integer.parseInt(request.queryParam("seconds").orElse("10"));
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest("seconds must be an integer");
    }
    if (seconds < 1 || seconds > MAX_JFR_SECONDS) {
      throw ProblemException.badRequest("seconds must be between 1 and " + MAX_JFR_SECONDS);
    }
    return Response.bytes(200, "application/octet-stream", record(Duration.ofSeconds(seconds)))
        .header("Content-Disposition", "attachment; filename=\"recording.jfr\"");
  }

  /**
   * Runs a JFR recording with the JDK's {@code default} settings for the given time.
   *
   * @param duration how long to record
   * @return the recording file's bytes
   * @throws IOException when the recording cannot be written
   * @throws InterruptedException when interrupted while recording
   */
  public static byte[] record(Duration duration) throws IOException, InterruptedException {
    Path file = Files.createTempFile("ff-debug-", ".jfr");
    try {
      Configuration settings;
      try {
        settings = Configuration.getConfiguration("default");
      } catch (java.text.ParseException e) {
        throw new IOException("cannot load JFR settings", e);
      }
      try (Recording recording = new Recording(settings)) {
        recording.setName("ff-debug");
        recording.start();
        // Recording for the requested time is the point of this endpoint.
        Thread.sleep(duration.toMillis());
        recording.stop();
        recording.dump(file);
      }
      return Files.readAllBytes(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
