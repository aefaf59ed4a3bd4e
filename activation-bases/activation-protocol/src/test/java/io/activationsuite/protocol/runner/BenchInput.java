package io.activationsuite.protocol.runner;

import java.io.FilterInputStream;
import java.util.ArrayList;

/** Public face of the generated input for the benchmark package. */
public final class BenchInput extends FilterInputStream {
  private final int records;
  private final int recordBytes;

  public BenchInput(int records, int stateEvery) {
    super(new LargeInputTest.GeneratedInput(records, stateEvery, new ArrayList<>()));
    this.records = records;
    this.recordBytes = (Messages.record("users", "{\"id\":1000000,\"email\":\"user1000000@example.com\",\"pad\":\""
        + "x".repeat(200) + "\"}") + "\n").length();
  }

  public static String catalog() {
    return Messages.catalog("users");
  }

  public int recordBytes() {
    return recordBytes;
  }

  public long totalBytes() {
    return (long) records * recordBytes;
  }
}
