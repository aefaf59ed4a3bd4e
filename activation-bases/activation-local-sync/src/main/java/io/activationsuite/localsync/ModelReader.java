package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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

  /**
   * Opens DuckDB ({@code database} null or ":memory:" for in-memory) and runs the setup statements.
   *
   * @throws UserError when the database file is missing or a setup statement fails
   */
  public ModelReader(String database, Path baseDirectory, List<String> setup) throws SQLException {
    String target = "";
    if (database != null && !database.isBlank() && !database.equals(":memory:")) {
      Path file = baseDirectory.resolve(database);
      if (!Files.isRegularFile(file)) {
        throw new UserError("not found: " + file + " (the sync file's 'database')");
      }
      target = file.toString();
    }
    connection = DriverManager.getConnection("jdbc:duckdb:" + target);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET file_search_path = '" + baseDirectory.toString().replace("'", "''") + "'");
      for (String sql : setup == null ? List.<String>of() : setup) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          connection.close();
          throw new UserError("setup statement failed: " + firstLine(sql) + "\n" + e.getMessage(), e);
        }
      }
    }
  }

  /** The DuckDB connection (for the change-data-capture tables). */
  public Connection connection() {
    return connection;
  }

  /**
   * The stream's query with its {@code fields} renaming applied in SQL (unlisted columns dropped), so
   * what is hashed and what is sent are the same mapped row.
   */
  public static String mappedQuery(String query, Map<String, String> fields) {
    String body = query.strip().replaceFirst(";\\s*$", "");
    if (fields == null || fields.isEmpty()) {
      return body;
    }
    StringBuilder select = new StringBuilder("SELECT ");
    boolean first = true;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      select.append(first ? "" : ", ").append(quote(field.getKey())).append(" AS ").append(quote(field.getValue()));
      first = false;
    }
    return select.append(" FROM (").append(body).append("\n) AS __model").toString();
  }

  /**
   * Checks a stream's query without running it (DuckDB prepares it: unknown tables, columns, functions
   * and syntax errors show up here), so a bad query stops the run before anything is sent.
   *
   * @return the query's column names, in order
   * @throws UserError naming the stream with DuckDB's message
   */
  public List<String> validate(String stream, String query) {
    try (PreparedStatement prepared = connection.prepareStatement(query)) {
      ResultSetMetaData meta = prepared.getMetaData();
      List<String> columns = new java.util.ArrayList<>(meta.getColumnCount());
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i));
      }
      return columns;
    } catch (SQLException e) {
      throw new UserError("stream '" + stream + "': its query fails: " + e.getMessage().strip(), e);
    }
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String firstLine(String sql) {
    String line = sql.strip().lines().findFirst().orElse("");
    return line.length() <= 80 ? line : line.substring(0, 77) + "...";
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
