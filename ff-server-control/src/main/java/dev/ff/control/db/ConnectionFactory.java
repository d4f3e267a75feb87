package dev.ff.control.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new, unpooled connection (for long-lived listeners such as the config feed). */
@FunctionalInterface
public interface ConnectionFactory {
  /**
   * Opens a connection; the caller closes it.
   *
   * @return a new connection
   * @throws SQLException if the database cannot be reached
   */
  Connection open() throws SQLException;
}
