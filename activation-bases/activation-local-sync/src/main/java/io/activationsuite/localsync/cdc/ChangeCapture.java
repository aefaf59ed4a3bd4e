package io.activationsuite.localsync.cdc;

import io.activationsuite.localsync.SyncFile;
import io.activationsuite.localsync.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The snapshot of what a sync delivered, in a DuckDB file attached to the model's connection as
 * {@code cdc}: per stream, each key with the hash of its mapped row (DuckDB {@code hash} of the row
 * struct). {@link #diff} compares the model
 * with it in SQL; {@link #advance} moves it forward for the rows the connector ended as acknowledged
 * (not for rejected ones), so a failed or killed run resends what did not land.
 *
 * <p>The snapshot remembers which destination it describes ({@code target}): a snapshot taken against
 * another destination (another sandbox instance, say) is ignored, and replaced at the first advance.
 */
public final class ChangeCapture {
  private static final String SNAPSHOT = "cdc.snapshot";
  private final Connection connection;
  private final String target;
  private final boolean stale;
  private int tables;

  private ChangeCapture(Connection connection, String target, boolean stale) {
    this.connection = connection;
    this.target = target;
    this.stale = stale;
  }

  /**
   * Attaches the snapshot at {@code file} (created when missing; null: a temporary one that starts
   * empty) to {@code connection}.
   */
  public static ChangeCapture open(Connection connection, Path file, String target) throws SQLException {
    String location = ":memory:";
    if (file != null) {
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
      } catch (IOException e) {
        throw new UserError("cannot create the folder of the snapshot " + file + ": " + e.getMessage(), e);
      }
      location = file.toAbsolutePath().toString();
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("ATTACH " + literal(location) + " AS cdc");
      statement.execute("CREATE TABLE IF NOT EXISTS cdc.snapshot (stream VARCHAR, key VARCHAR, hash UBIGINT)");
      statement.execute("CREATE TABLE IF NOT EXISTS cdc.meta (name VARCHAR, value VARCHAR)");
      String describes = describe(statement, target);
      String stored = null;
      try (ResultSet rows = statement.executeQuery("SELECT value FROM cdc.meta WHERE name = 'target'")) {
        if (rows.next()) {
          stored = rows.getString(1);
        }
      }
      long delivered = count(statement, "SELECT count(*) FROM cdc.snapshot");
      return new ChangeCapture(connection, describes, delivered > 0 && stored != null && !stored.equals(describes));
    }
  }

  /**
   * What a snapshot describes: the destination, and the DuckDB version whose row hash it holds (a new
   * version may hash differently, so its first run sends every row again).
   */
  private static String describe(Statement statement, String target) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SELECT version()")) {
      rows.next();
      return target + " (hashed by DuckDB " + rows.getString(1) + ")";
    }
  }

  /** Whether the snapshot was taken against another destination (then every row counts as new). */
  public boolean stale() {
    return stale;
  }

  /**
   * Runs the stream's (mapped) query into a temporary table and compares it with the snapshot.
   *
   * @param fullResync send every row, changed or not
   */
  public StreamChanges diff(SyncFile.StreamSpec stream, String mappedQuery, boolean fullResync) throws SQLException {
    int n = ++tables;
    String model = "cdc_model_" + n;
    String send = "cdc_send_" + n;
    String removed = "cdc_removed_" + n;
    String key = stream.changeKey();
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE OR REPLACE TEMP TABLE " + model + " AS " + mappedQuery);
      if (key == null) {
        statement.execute("CREATE OR REPLACE TEMP TABLE " + send + " AS SELECT rowid + 1 AS __ord, NULL::VARCHAR AS"
            + " __key, NULL::UBIGINT AS __hash, * FROM " + model);
        statement.execute("CREATE OR REPLACE TEMP TABLE " + removed + " AS SELECT 1::BIGINT AS __ord,"
            + " ''::VARCHAR AS __key WHERE false");
        long rows = count(statement, "SELECT count(*) FROM " + send);
        return new StreamChanges(stream.name(), false, rows, 0, 0, 0, rows, send, removed);
      }
      requireColumn(statement, stream, model, key);
      String hashed = "cdc_hashed_" + n;
      String last = "cdc_last_" + n;
      String changed = "cdc_changed_" + n;
      String snapshot = "(SELECT key, hash FROM " + SNAPSHOT + " WHERE stream = " + literal(stream.name())
          + (stale ? " AND false" : "") + ")";
      statement.execute("CREATE OR REPLACE TEMP TABLE " + hashed + " AS SELECT rowid AS __seq, CAST(" + ident(key)
          + " AS VARCHAR) AS __key, hash(m) AS __hash FROM " + model + " m");
      statement.execute("CREATE OR REPLACE TEMP TABLE " + last + " AS SELECT __key, arg_max(__hash, __seq) AS __hash"
          + " FROM " + hashed + " WHERE __key IS NOT NULL GROUP BY __key");
      statement.execute("CREATE OR REPLACE TEMP TABLE " + changed + " AS SELECT l.__key, s.key IS NULL AS __created"
          + " FROM " + last + " l LEFT JOIN " + snapshot + " s ON s.key = l.__key"
          + (fullResync ? "" : " WHERE s.key IS NULL OR s.hash <> l.__hash"));
      statement.execute("CREATE OR REPLACE TEMP TABLE " + send + " AS SELECT row_number() OVER (ORDER BY h.__seq) AS"
          + " __ord, h.__key, h.__hash, m.* FROM (SELECT * FROM " + hashed + " WHERE __key IS NULL OR __key IN"
          + " (SELECT __key FROM " + changed + ")) h JOIN " + model + " m ON m.rowid = h.__seq");
      statement.execute("CREATE OR REPLACE TEMP TABLE " + removed + " AS SELECT row_number() OVER (ORDER BY s.key)"
          + " AS __ord, s.key AS __key FROM " + snapshot + " s ANTI JOIN " + last + " l ON l.__key = s.key");
      long nullKeys = count(statement, "SELECT count(*) FROM " + hashed + " WHERE __key IS NULL");
      long created = count(statement, "SELECT count(*) FROM " + changed + " WHERE __created");
      long updated = count(statement, "SELECT count(*) FROM " + changed + " WHERE NOT __created");
      long unchanged = count(statement, "SELECT count(*) FROM " + last) - created - updated;
      long gone = count(statement, "SELECT count(*) FROM " + removed);
      long rows = count(statement, "SELECT count(*) FROM " + send);
      for (String table : List.of(model, last, changed, hashed)) {
        statement.execute("DROP TABLE " + table);
      }
      return new StreamChanges(stream.name(), true, created + nullKeys, updated, unchanged, gone, rows, send, removed);
    }
  }

  /** The SELECT that reads the rows to send, in order, without the bookkeeping columns. */
  public static String rowsToSend(StreamChanges changes) {
    return "SELECT * EXCLUDE (__ord, __key, __hash) FROM " + changes.sendTable() + " ORDER BY __ord";
  }

  /** The SELECT that reads the removed keys, in order. */
  public static String removedKeys(StreamChanges changes) {
    return "SELECT __key FROM " + changes.removedTable() + " ORDER BY __ord";
  }

  /**
   * Moves the snapshot forward for one stream: rows sent in the {@code ended} windows of send order
   * ({@code __ord}, inclusive) whose key was not rejected now hold their hash; removed keys in the
   * {@code endedRemovals} windows that were not rejected leave the snapshot.
   */
  public void advance(StreamChanges changes, List<long[]> ended, Collection<String> rejectedKeys,
      List<long[]> endedRemovals, Collection<String> rejectedRemovals) throws SQLException {
    if (!changes.keyed()) {
      return;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      String stream = literal(changes.stream());
      if (stale) {
        statement.execute("DELETE FROM " + SNAPSHOT + " WHERE stream = " + stream);
      }
      statement.execute("DELETE FROM cdc.meta WHERE name = 'target'");
      statement.execute("INSERT INTO cdc.meta VALUES ('target', " + literal(target) + ")");
      String windows = windowsTable(statement, "cdc_windows", ended);
      String rejected = keysTable("cdc_rejected", rejectedKeys);
      statement.execute("CREATE OR REPLACE TEMP TABLE cdc_advance AS SELECT s.__key, arg_max(s.__hash, s.__ord)"
          + " AS __hash FROM " + changes.sendTable() + " s JOIN " + windows + " w ON s.__ord BETWEEN w.lo AND w.hi"
          + " WHERE s.__key IS NOT NULL AND s.__key NOT IN (SELECT key FROM " + rejected + ") GROUP BY s.__key");
      statement.execute("DELETE FROM " + SNAPSHOT + " WHERE stream = " + stream
          + " AND key IN (SELECT __key FROM cdc_advance)");
      statement.execute("INSERT INTO " + SNAPSHOT + " SELECT " + stream + ", __key, __hash FROM cdc_advance");
      String removalWindows = windowsTable(statement, "cdc_removal_windows", endedRemovals);
      String removalRejected = keysTable("cdc_removal_rejected", rejectedRemovals);
      statement.execute("DELETE FROM " + SNAPSHOT + " WHERE stream = " + stream + " AND key IN (SELECT r.__key FROM "
          + changes.removedTable() + " r JOIN " + removalWindows + " w ON r.__ord BETWEEN w.lo AND w.hi"
          + " WHERE r.__key NOT IN (SELECT key FROM " + removalRejected + "))");
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** How many keys the snapshot holds for a stream (tests, reports). */
  public long delivered(String stream) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return count(statement, "SELECT count(*) FROM " + SNAPSHOT + " WHERE stream = " + literal(stream));
    }
  }

  private String windowsTable(Statement statement, String name, List<long[]> windows) throws SQLException {
    statement.execute("CREATE OR REPLACE TEMP TABLE " + name + " (lo BIGINT, hi BIGINT)");
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + name + " VALUES (?, ?)")) {
      for (long[] window : merged(windows)) {
        insert.setLong(1, window[0]);
        insert.setLong(2, window[1]);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return name;
  }

  /** Adjacent and overlapping windows joined, so the usual case (one prefix) is one range. */
  static List<long[]> merged(List<long[]> windows) {
    List<long[]> sorted = new ArrayList<>(windows);
    sorted.sort(java.util.Comparator.comparingLong(w -> w[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] window : sorted) {
      long[] previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (previous != null && window[0] <= previous[1] + 1) {
        previous[1] = Math.max(previous[1], window[1]);
      } else {
        merged.add(new long[] {window[0], window[1]});
      }
    }
    return merged;
  }

  private String keysTable(String name, Collection<String> keys) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE OR REPLACE TEMP TABLE " + name + " (key VARCHAR)");
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + name + " VALUES (?)")) {
      for (String key : keys) {
        insert.setString(1, key);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return name;
  }

  private static void requireColumn(Statement statement, SyncFile.StreamSpec stream, String table, String column)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery("SELECT column_name FROM (DESCRIBE " + table + ")")) {
      while (rows.next()) {
        columns.add(rows.getString(1));
      }
    }
    if (!columns.contains(column)) {
      throw new UserError("stream '" + stream.name() + "': the key '" + column + "' is not a column of its query;"
          + " columns: " + String.join(", ", columns));
    }
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static String ident(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
