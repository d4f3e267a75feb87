package dev.ff.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an unexpected exception into a one-line message on stderr and exit code 2, never a stack
 * trace (set {@code FF_DEBUG=1} to see it).
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  /** Exit code for a failure that is not the user's input (I/O, unexpected state). */
  static final int EXIT_FAILURE = 2;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    cmd.getErr().println("ff " + cmd.getCommandName() + ": " + message);
    if (System.getenv("FF_DEBUG") != null) {
      ex.printStackTrace(cmd.getErr());
    }
    return EXIT_FAILURE;
  }
}
