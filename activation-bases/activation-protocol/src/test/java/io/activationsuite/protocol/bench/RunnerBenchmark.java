package io.activationsuite.protocol.bench;

import io.activationsuite.protocol.runner.BenchInput;
import io.activationsuite.protocol.runner.DestinationRunner;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Throughput of the bare runner: N records of ~300 bytes through {@code write} of the test connector in
 * its no-op mode (records acknowledged on arrival). Prints records/s, peak heap and peak RSS.
 *
 * <p>Run: {@code bin/bench runner [records]}.
 */
public final class RunnerBenchmark {
  private RunnerBenchmark() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = Files.createTempDirectory("runner-bench");
    Path config = Files.writeString(dir.resolve("config.json"), "{\"api_key\":\"bench-key\"}");
    Path catalog = Files.writeString(dir.resolve("catalog.json"), BenchInput.catalog());
    BenchInput input = new BenchInput(records, 10_000);
    OutputStream sink = OutputStream.nullOutputStream();

    long start = System.nanoTime();
    int exit = DestinationRunner.run(
        new String[] {"write", "--config", config.toString(), "--catalog", catalog.toString()}, input, sink);
    double seconds = (System.nanoTime() - start) / 1e9;

    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.err.printf("runner benchmark: exit=%d records=%d bytes/record=%d seconds=%.2f records/s=%.0f"
        + " MB/s=%.1f peakHeapMB=%.0f peakRssMB=%s%n",
        exit, records, input.recordBytes(), seconds, records / seconds,
        input.totalBytes() / seconds / 1e6, peakHeap / 1e6, peakRssMb());
  }

  private static String peakRssMb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
      }
    }
    return "n/a";
  }
}
