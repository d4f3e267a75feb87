package dev.ff.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the files named on the command line, with messages a person can act on. */
final class Inputs {
  private Inputs() {}

  /**
   * Opens standard input as UTF-8 lines.
   *
   * @return a reader over the process's standard input
   */
  static BufferedReader stdinLines() {
    return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
  }

  /**
   * Reads a whole file as UTF-8, or standard input for {@code -}.
   *
   * @param file a path or {@code -}
   * @return the text
   * @throws UserInputException if the file does not exist or cannot be read
   */
  static String readText(String file) {
    try {
      if ("-".equals(file)) {
        return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Path path = Path.of(file);
      if (Files.isDirectory(path)) {
        throw new UserInputException("'" + file + "' is a directory, not a file");
      }
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserInputException("no such file: '" + file + "'");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new UserInputException("'" + file + "' is not UTF-8 text");
    } catch (IOException e) {
      throw new UserInputException("cannot read '" + file + "': " + e.getMessage());
    }
  }

  /** A problem with what the user gave us: reported as one line and exit code 2. */
  static final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserInputException(String message) {
      super(message);
    }
  }
}
