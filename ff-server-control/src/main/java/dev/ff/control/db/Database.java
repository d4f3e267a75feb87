package dev.ff.control.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The control plane's database: a HikariCP pool, Jdbi over it, and the schema migrated with Flyway
 * from the classpath location {@value #MIGRATIONS} when opened.
 */
public final class Database implements AutoCloseable {
  /** Where the migrations live on the classpath. */
  public static final String MIGRATIONS = "classpath:db/postgres";

  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private Database(String jdbcUrl, String user, String password, HikariDataSource dataSource) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
  }

  /**
   * Connects with a pool of 10 connections and migrates the schema.
   *
   * @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:5432/ff}
   * @param user the user
   * @param password the password, or null
   * @return the database, migrated
   */
  public static Database open(String jdbcUrl, String user, String password) {
    return open(jdbcUrl, user, password, 10);
  }

  /**
   * Connects and migrates the schema.
   *
   * @param jdbcUrl the JDBC URL
   * @param user the user
   * @param password the password, or null
   * @param poolSize the maximum number of pooled connections
   * @return the database, migrated
   */
  public static Database open(String jdbcUrl, String user, String password, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("ff-control");
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(MIGRATIONS)
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(jdbcUrl, user, password, dataSource);
  }

  /**
   * Jdbi over the pool.
   *
   * @return the Jdbi instance
   */
  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * The pool.
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Opens unpooled connections to the same database, e.g. for {@link
   * dev.ff.control.feed.ConfigFeed}.
   *
   * @param applicationName the {@code application_name} the connections report
   * @return the factory
   */
  public ConnectionFactory dedicatedConnections(String applicationName) {
    return () -> {
      Properties props = new Properties();
      if (user != null) {
        props.setProperty("user", user);
      }
      if (password != null) {
        props.setProperty("password", password);
      }
      props.setProperty("ApplicationName", applicationName);
      return DriverManager.getConnection(jdbcUrl, props);
    };
  }

  /** Closes the pool. */
  @Override
  public void close() {
    dataSource.close();
  }
}
