package dev.ff.control;

import dev.ff.control.db.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database per test class on the PostgreSQL server the build points at ({@code
 * ff.test.pg.url}, default {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code
 * postgres}, trust authentication): created in {@code @BeforeAll}, dropped in {@code @AfterAll}.
 */
public final class TestDatabase implements AutoCloseable {
  private static final String ADMIN_URL =
      System.getProperty("ff.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String USER = System.getProperty("ff.test.pg.user", "postgres");

  private final String name;
  private final String url;
  private final Database database;

  private TestDatabase(String name, int poolSize) {
    this.name = name;
    this.url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    admin("CREATE DATABASE " + name);
    this.database = Database.open(url, USER, null, poolSize);
  }

  /**
   * Creates and migrates a database named {@code ff_test_<random>}.
   *
   * @return the database
   */
  public static TestDatabase create() {
    return create(10);
  }

  /**
   * Creates and migrates a database with a given pool size.
   *
   * @param poolSize the pool size
   * @return the database
   */
  public static TestDatabase create(int poolSize) {
    String name =
        "ff_test_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 16)
                .toLowerCase(Locale.ROOT);
    return new TestDatabase(name, poolSize);
  }

  /**
   * The migrated database.
   *
   * @return the database
   */
  public Database database() {
    return database;
  }

  /**
   * The database name.
   *
   * @return e.g. {@code ff_test_0a1b…}
   */
  public String name() {
    return name;
  }

  /**
   * Runs a statement on the server's maintenance database.
   *
   * @param sql the statement
   */
  public static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, null);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Closes the pool and drops the database. */
  @Override
  public void close() {
    database.close();
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }
}
