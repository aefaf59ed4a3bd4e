package io.activationsuite.protocol.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the fake connector in-process with files, a stdin pipe, and captured stdout lines. */
final class RunnerHarness {
  private final Path dir;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final OutputStream synchronizedStdout = new OutputStream() {
    @Override
    public void write(int b) {
      synchronized (stdout) {
        stdout.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      synchronized (stdout) {
        stdout.write(bytes, offset, length);
      }
    }
  };

  RunnerHarness(Path dir) {
    this.dir = dir;
  }

  Path file(String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int run(InputStream stdin, String... args) {
    return DestinationRunner.run(args, stdin, synchronizedStdout);
  }

  int run(String stdin, String... args) {
    return run(new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  /** Starts a write in the background, fed through the returned pipe. */
  Background start(String... args) throws IOException {
    PipedOutputStream feed = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(feed, 1 << 16);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(in, args));
    return new Background(feed, exit);
  }

  String stdout() {
    synchronized (stdout) {
      return stdout.toString(StandardCharsets.UTF_8);
    }
  }

  List<ObjectNode> messages() {
    List<ObjectNode> messages = new ArrayList<>();
    for (String line : stdout().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        messages.add((ObjectNode) Json.mapper().readTree(line));
      } catch (IOException e) {
        throw new AssertionError("stdout line is not JSON: " + line, e);
      }
    }
    return messages;
  }

  List<ObjectNode> messages(String type) {
    return messages().stream().filter(m -> type.equals(m.path("type").asText())).toList();
  }

  List<JsonNode> states() {
    return messages("STATE").stream().map(m -> (JsonNode) m).toList();
  }

  /** A write running in the background. */
  record Background(PipedOutputStream feed, CompletableFuture<Integer> exit) {
    void send(String... lines) throws IOException {
      for (String line : lines) {
        feed.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      feed.flush();
    }

    int finish() throws Exception {
      feed.close();
      return exit.get(30, TimeUnit.SECONDS);
    }
  }
}
