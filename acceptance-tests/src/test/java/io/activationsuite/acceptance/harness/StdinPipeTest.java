package io.activationsuite.acceptance.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StdinPipeTest {

  @Test
  void bytesWrittenOnAnotherThreadAreReadInOrderAndClosingEndsTheInputAndSaysSo() throws Exception {
    CompletableFuture<Void> ended = new CompletableFuture<>();
    StdinPipe pipe = new StdinPipe(() -> ended.complete(null));
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (OutputStream out = pipe.output()) {
        for (int i = 0; i < 500; i++) {
          out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    String read = new String(pipe.input().readAllBytes(), StandardCharsets.UTF_8);
    writer.get();
    assertThat(read.lines()).hasSize(500).startsWith("line 0").endsWith("line 499");
    ended.get(1, TimeUnit.MINUTES);
  }

  @Test
  void writingAfterTheContainerIsGoneFailsInsteadOfBlocking() {
    StdinPipe pipe = new StdinPipe(() -> { });
    pipe.abandon();
    assertThatThrownBy(() -> pipe.output().write(1)).isInstanceOf(IOException.class);
  }
}
