package io.activationsuite.protocol.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One million records through {@code write}: every state comes back and the heap stays flat. */
class LargeInputTest {
  @TempDir Path dir;

  @Test
  void givenOneMillionRecords_whenWritten_thenAllStatesEchoAndMemoryStaysFlat() throws Exception {
    int records = 1_000_000;
    int stateEvery = 10_000;
    List<Long> heapSamples = new ArrayList<>();
    InputStream stdin = new GeneratedInput(records, stateEvery, heapSamples);
    CountingOutput stdout = new CountingOutput();
    Path config = Files.writeString(dir.resolve("c.json"), "{\"api_key\":\"k-123456\"}");
    Path catalog = Files.writeString(dir.resolve("cat.json"), Messages.catalog("users"));

    int exit = DestinationRunner.run(
        new String[] {"write", "--config", config.toString(), "--catalog", catalog.toString()}, stdin, stdout);

    assertThat(exit).isZero();
    assertThat(stdout.states).isEqualTo(records / stateEvery);
    long growth = heapSamples.get(heapSamples.size() - 1) - heapSamples.get(1);
    assertThat(growth).as("heap growth between 20%% and 100%% of the input, samples %s", heapSamples)
        .isLessThan(32L * 1024 * 1024);
  }

  /** Generates records of ~300 bytes with a state every N records; samples the heap as it goes. */
  static final class GeneratedInput extends InputStream {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private final int records;
    private final int stateEvery;
    private final List<Long> heapSamples;
    private final String padding = "x".repeat(200);
    private byte[] current = new byte[0];
    private int position;
    private int produced;
    private boolean completeSent;

    GeneratedInput(int records, int stateEvery, List<Long> heapSamples) {
      this.records = records;
      this.stateEvery = stateEvery;
      this.heapSamples = heapSamples;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position == current.length && !refill()) {
        return -1;
      }
      int n = Math.min(length, current.length - position);
      System.arraycopy(current, position, buffer, offset, n);
      position += n;
      return n;
    }

    private boolean refill() {
      if (produced >= records) {
        if (completeSent) {
          return false;
        }
        completeSent = true;
        current = (Messages.complete("users") + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
      }
      StringBuilder chunk = new StringBuilder(stateEvery * 320);
      for (int i = 0; i < stateEvery; i++) {
        produced++;
        chunk.append(Messages.record("users",
            "{\"id\":" + produced + ",\"email\":\"user" + produced + "@example.com\",\"pad\":\"" + padding + "\"}"))
            .append('\n');
      }
      chunk.append(Messages.streamState("users", produced, produced, stateEvery)).append('\n');
      current = chunk.toString().getBytes(StandardCharsets.UTF_8);
      position = 0;
      if (produced % (records / 5) == 0) {
        System.gc();
        heapSamples.add(MEMORY.getHeapMemoryUsage().getUsed());
      }
      return true;
    }
  }

  /** Counts STATE lines without keeping output. */
  static final class CountingOutput extends OutputStream {
    private final byte[] marker = "\"type\":\"STATE\"".getBytes(StandardCharsets.UTF_8);
    private int matched;
    int states;

    @Override
    public synchronized void write(int b) {
      if (b == marker[matched]) {
        matched++;
        if (matched == marker.length) {
          states++;
          matched = 0;
        }
      } else {
        matched = b == marker[0] ? 1 : 0;
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        write(bytes[i]);
      }
    }
  }
}
