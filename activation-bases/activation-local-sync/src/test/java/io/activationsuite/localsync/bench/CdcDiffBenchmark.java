package io.activationsuite.localsync.bench;

import io.activationsuite.localsync.ModelReader;
import io.activationsuite.localsync.SyncFile;
import io.activationsuite.localsync.cdc.ChangeCapture;
import io.activationsuite.localsync.cdc.StreamChanges;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Prints how long the change-data-capture diff takes on a model of N rows (default 1,000,000) with 1%
 * changed: the first diff (every row new), the snapshot's advance over all rows, and the diff after 1%
 * of the rows changed, 0.1% left and 0.1% arrived. Run with {@code bin/bench cdc [rows]}.
 */
public final class CdcDiffBenchmark {
  private CdcDiffBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "").replace(",", "")) : 1_000_000L;
    Path dir = Files.createTempDirectory("cdc-bench");
    Path snapshot = dir.resolve("snapshot.duckdb");
    SyncFile.StreamSpec stream = new SyncFile.StreamSpec("customers", null, "unused", "contacts", "append_dedup",
        "email", null, null, 1000, new SyncFile.Removal("soft_delete", null), null);
    String query = "SELECT email, first_name, last_name, company, plan, health_score, seats, signup_date FROM"
        + " customers ORDER BY id";
    try (ModelReader reader = new ModelReader(null, dir, List.of())) {
      try (Statement statement = reader.connection().createStatement()) {
        statement.execute("CREATE TABLE customers AS SELECT i AS id, 'user' || i || '@example.com' AS email,"
            + " 'First' || (i % 1000) AS first_name, 'Last' || (i % 977) AS last_name, 'Company ' || (i % 5000)"
            + " AS company, ['free', 'pro', 'enterprise'][1 + i % 3] AS plan, round((i * 7919) % 1000 / 10.0, 1)"
            + " AS health_score, (i % 250)::INTEGER AS seats, DATE '2020-01-01' + (i % 1500)::INTEGER AS signup_date"
            + " FROM range(" + rows + ") t(i)");
      }
      ChangeCapture cdc = ChangeCapture.open(reader.connection(), snapshot, "bench");
      long start = System.nanoTime();
      long cpu = cpuNanos();
      StreamChanges first = cdc.diff(stream, query, false);
      double firstSeconds = seconds(start);
      double firstCpu = (cpuNanos() - cpu) / 1e9;
      start = System.nanoTime();
      cpu = cpuNanos();
      cdc.advance(first, List.of(new long[] {1, first.rowsToSend()}), Set.of(), List.of(), Set.of());
      double advanceSeconds = seconds(start);
      double advanceCpu = (cpuNanos() - cpu) / 1e9;
      try (Statement statement = reader.connection().createStatement()) {
        statement.execute("UPDATE customers SET health_score = health_score + 1 WHERE id % 100 = 7");
        statement.execute("DELETE FROM customers WHERE id % 1000 = 3");
        statement.execute("INSERT INTO customers SELECT " + rows + " + i, 'new' || i || '@example.com', 'N', 'N',"
            + " 'C', 'pro', 50.0, 1, DATE '2024-01-01' FROM range(" + rows / 1000 + ") t(i)");
      }
      start = System.nanoTime();
      cpu = cpuNanos();
      StreamChanges second = cdc.diff(stream, query, false);
      double diffSeconds = seconds(start);
      double diffCpu = (cpuNanos() - cpu) / 1e9;
      System.out.printf("CDC diff benchmark (DuckDB, %d cores, %,d model rows)%n",
          Runtime.getRuntime().availableProcessors(), rows);
      System.out.printf("  (wall seconds; CPU seconds of the process, DuckDB's threads included)%n");
      System.out.printf("  first run, every row new:   %6.2f s wall %6.2f s CPU  (%,d created)%n", firstSeconds,
          firstCpu, first.created());
      System.out.printf("  snapshot advance, all rows: %6.2f s wall %6.2f s CPU%n", advanceSeconds, advanceCpu);
      System.out.printf("  diff with 1%% changed:       %6.2f s wall %6.2f s CPU%n", diffSeconds, diffCpu);
      System.out.printf("    %,d created, %,d updated, %,d removed, %,d unchanged; %,d rows to send%n",
          second.created(), second.updated(), second.removed(), second.unchanged(), second.rowsToSend());
      double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      System.out.printf("  goal: diff under 10 s for 1,000,000 rows: %s by wall time, %s by CPU time"
          + " (load average %.1f: wall time is only meaningful on a quiet machine)%n",
          diffSeconds < 10 ? "met" : "NOT met", diffCpu < 10 ? "met" : "NOT met", load);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
