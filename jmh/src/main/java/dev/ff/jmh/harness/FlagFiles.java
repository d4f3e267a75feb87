package dev.ff.jmh.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Access to the flag files bundled in the benchmark jar. Some SDKs only read flags from a real
 * file, so {@link #extract} copies a resource into a private temporary folder first.
 */
public final class FlagFiles {
  private FlagFiles() {}

  private static Path dir;

  /**
   * A private temporary folder for this JVM, created on first use and removed at exit when empty.
   *
   * @return the folder
   */
  public static synchronized Path tempDir() {
    if (dir == null) {
      try {
        dir = Files.createTempDirectory("ff-jmh-");
        dir.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  /**
   * Opens a bundled resource.
   *
   * @param resource the classpath path, such as {@code flags/ff.json}
   * @return the open stream; the caller closes it
   * @throws IllegalStateException when the resource is not bundled
   */
  public static InputStream open(String resource) {
    InputStream in = FlagFiles.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + resource);
    }
    return in;
  }

  /**
   * Copies a bundled resource to a file in {@link #tempDir()}, deleted at exit.
   *
   * @param resource the classpath path, such as {@code flags/flagd.json}
   * @return the file
   */
  public static Path extract(String resource) {
    Path target = tempDir().resolve(resource.substring(resource.lastIndexOf('/') + 1));
    try (InputStream in = open(resource)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      target.toFile().deleteOnExit();
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
