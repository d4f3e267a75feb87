package dev.ff.control.store;

import dev.ff.control.domain.AlreadyExists;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Runs service calls as one READ COMMITTED transaction each and reads the clock once per call.
 * Domain exceptions thrown inside roll the transaction back and propagate unchanged; a unique-key
 * violation that slipped past the services' own checks (a race between two creators) becomes {@link
 * AlreadyExists}.
 */
public final class Tx {
  private static final String UNIQUE_VIOLATION = "23505";

  private final Jdbi jdbi;
  private final Clock clock;

  /**
   * A transaction runner.
   *
   * @param jdbi the database
   * @param clock the clock stamped on rows
   */
  public Tx(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * The database.
   *
   * @return the Jdbi instance
   */
  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * The current time at the database's precision (microseconds).
   *
   * @return now
   */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Runs a function in one transaction.
   *
   * @param work the work
   * @param <T> the result type
   * @return the work's result, after commit
   */
  public <T> T call(Function<Handle, T> work) {
    try {
      return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work::apply);
    } catch (StatementException e) {
      if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        throw new AlreadyExists("resource", String.valueOf(sql.getMessage()));
      }
      throw e;
    }
  }
}
