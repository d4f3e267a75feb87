package dev.ff.control.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.domain.Meta;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;

/** Binding and reading helpers shared by the repositories. */
public final class Sql {
  private Sql() {}

  /**
   * The SQL placeholder of a value: JSON trees are cast to jsonb and lists to text[].
   *
   * @param name the parameter name
   * @param value the value to bind
   * @return e.g. {@code :body} or {@code CAST(:body AS jsonb)}
   */
  public static String placeholder(String name, Object value) {
    if (value instanceof JsonNode) {
      return "CAST(:" + name + " AS jsonb)";
    }
    if (value instanceof List<?>) {
      return "CAST(:" + name + " AS text[])";
    }
    return ":" + name;
  }

  /**
   * Binds a value by its Java type: JSON trees as text, lists of strings as arrays, instants as UTC
   * offset date-times and nulls as untyped nulls.
   *
   * @param statement the statement
   * @param name the parameter name
   * @param value the value
   */
  public static void bind(SqlStatement<?> statement, String name, Object value) {
    if (value == null) {
      statement.bindNull(name, Types.OTHER);
    } else if (value instanceof JsonNode json) {
      statement.bind(name, Json.write(json));
    } else if (value instanceof List<?> list) {
      statement.bindArray(name, String.class, list.stream().map(String::valueOf).toList());
    } else if (value instanceof Instant instant) {
      statement.bind(name, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    } else {
      statement.bindByType(name, value, value.getClass());
    }
  }

  /**
   * Reads a timestamptz column.
   *
   * @param rs the row
   * @param column the column
   * @return the instant, or null
   * @throws SQLException on a driver error
   */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /**
   * Reads a text[] column.
   *
   * @param rs the row
   * @param column the column
   * @return the strings, empty for null
   * @throws SQLException on a driver error
   */
  public static List<String> strings(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    if (array == null) {
      return List.of();
    }
    return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }

  /**
   * Reads a nullable integer column.
   *
   * @param rs the row
   * @param column the column
   * @return the value, or null
   * @throws SQLException on a driver error
   */
  public static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  /**
   * Reads the bookkeeping columns every resource table has.
   *
   * @param rs the row
   * @return the bookkeeping
   * @throws SQLException on a driver error
   */
  public static Meta meta(ResultSet rs) throws SQLException {
    return new Meta(
        rs.getLong("id"),
        rs.getLong("version"),
        rs.getBoolean("archived"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        rs.getString("created_by"),
        rs.getString("updated_by"));
  }
}
