package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Reads a warehouse model with embedded DuckDB: a SQL query over a DuckDB database or over CSV, Parquet
 * and JSONL files (relative file paths resolve against the sync file's folder). Rows stream out one at
 * a time as JSON objects with the mapped field names, so memory stays flat for large models.
 */
public final class ModelReader implements AutoCloseable {
  private static final int FETCH_SIZE = 2_048;
  private final Connection connection;

  /** Opens DuckDB ({@code database} null or ":memory:" for in-memory) and runs the setup statements. */
  public ModelReader(String database, Path baseDirectory, List<String> setup) throws SQLException {
    String target = database == null || database.isBlank() || database.equals(":memory:")
        ? "" : baseDirectory.resolve(database).toString();
    connection = DriverManager.getConnection("jdbc:duckdb:" + target);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET file_search_path = '" + baseDirectory.toString().replace("'", "''") + "'");
      for (String sql : setup == null ? List.<String>of() : setup) {
        statement.execute(sql);
      }
    }
  }

  /** Visits each row of {@code query}, renamed through {@code fields} (empty: columns as they are). */
  public long read(String query, Map<String, String> fields, RowVisitor visitor) throws Exception {
    long rows = 0;
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(FETCH_SIZE);
      try (ResultSet result = statement.executeQuery(query)) {
        ResultSetMetaData meta = result.getMetaData();
        int columns = meta.getColumnCount();
        String[] names = new String[columns];
        for (int i = 0; i < columns; i++) {
          String column = meta.getColumnLabel(i + 1);
          names[i] = fields == null || fields.isEmpty() ? column : fields.get(column);
        }
        while (result.next()) {
          ObjectNode row = JsonNodeFactory.instance.objectNode();
          for (int i = 0; i < columns; i++) {
            if (names[i] != null) {
              put(row, names[i], result, i + 1, meta.getColumnType(i + 1));
            }
          }
          rows++;
          visitor.visit(row);
        }
      }
    }
    return rows;
  }

  private static void put(ObjectNode row, String name, ResultSet result, int column, int sqlType)
      throws SQLException {
    Object value = result.getObject(column);
    if (value == null) {
      row.putNull(name);
      return;
    }
    switch (sqlType) {
      case Types.BOOLEAN, Types.BIT -> row.put(name, result.getBoolean(column));
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> row.put(name, result.getLong(column));
      case Types.FLOAT, Types.REAL, Types.DOUBLE -> row.put(name, result.getDouble(column));
      case Types.DECIMAL, Types.NUMERIC -> row.put(name, (BigDecimal) result.getBigDecimal(column));
      case Types.DATE -> row.put(name, result.getObject(column, LocalDate.class).toString());
      case Types.TIMESTAMP -> {
        Timestamp timestamp = result.getTimestamp(column);
        row.put(name, timestamp.toLocalDateTime().atOffset(ZoneOffset.UTC).toString());
      }
      case Types.TIMESTAMP_WITH_TIMEZONE -> row.put(name,
          result.getObject(column, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toString());
      default -> row.put(name, value.toString());
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  /** Receives each row. */
  @FunctionalInterface
  public interface RowVisitor {
    void visit(ObjectNode row) throws Exception;
  }
}
