package io.activationsuite.testkit.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connector's shaded jar running {@code write} as a real process (so a test can SIGKILL it mid-sync):
 * stdin fed from a string, every stdout line parsed as a message as it arrives, stderr to a file.
 */
public final class ConnectorProcess {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Process process;
  private final List<JsonNode> messages = new CopyOnWriteArrayList<>();

  private ConnectorProcess(Process process) {
    this.process = process;
  }

  /** Starts {@code java -jar jar write --config dir/config.json --catalog dir/catalog.json} fed {@code stdin}. */
  public static ConnectorProcess write(Path jar, Path dir, String stdin) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(java, "-jar", jar.toString(), "write",
        "--config", dir.resolve("config.json").toString(), "--catalog", dir.resolve("catalog.json").toString())
        .redirectError(dir.resolve("stderr-" + System.nanoTime() + ".log").toFile())
        .start();
    ConnectorProcess started = new ConnectorProcess(process);
    Thread.ofVirtual().start(() -> {
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      } catch (IOException killed) {
        // the process died while we were still writing: expected when a test kills it
      }
    });
    Thread.ofVirtual().start(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          started.messages.add(JSON.readTree(line));
        }
      } catch (IOException closed) {
        // stream closed by a kill
      }
    });
    return started;
  }

  /** The OS process. */
  public Process process() {
    return process;
  }

  /** The messages printed so far (a live, thread-safe view). */
  public List<JsonNode> messages() {
    return messages;
  }

  /** How many STATE messages were printed so far. */
  public long stateCount() {
    return messages.stream().filter(m -> "STATE".equals(m.path("type").asText())).count();
  }
}
