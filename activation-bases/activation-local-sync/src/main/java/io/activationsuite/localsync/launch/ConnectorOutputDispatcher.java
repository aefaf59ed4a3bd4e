package io.activationsuite.localsync.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands a connector's output lines to its {@link ConnectorOutputListener}, whatever carries them (a process's
 * pipes, a container's attach stream): a stdout line that is one JSON object as a message, any other stdout
 * line as text, a stderr line as a log line. The listener's first failure is kept, reported once to
 * {@code onFirstFailure} (a launcher kills the connector), and stops further delivery.
 */
public final class ConnectorOutputDispatcher {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final ConnectorOutputListener listener;
  private final Runnable onFirstFailure;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  /** Delivers to {@code listener}; runs {@code onFirstFailure} when it first throws. */
  public ConnectorOutputDispatcher(ConnectorOutputListener listener, Runnable onFirstFailure) {
    this.listener = listener;
    this.onFirstFailure = onFirstFailure;
  }

  /**
   * Delivers one stdout line.
   *
   * @return whether it was a JSON object (a message) rather than bare text
   */
  public boolean stdout(String line) {
    ObjectNode message = parseObject(line);
    deliver(() -> {
      if (message != null) {
        listener.onMessage(message);
      } else {
        listener.onNonJsonLine(line);
      }
    });
    return message != null;
  }

  /** Delivers one stderr line. */
  public void stderr(String line) {
    deliver(() -> listener.onStderrLine(line));
  }

  /** The listener's first failure, if it failed. */
  public Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure.get());
  }

  private void deliver(Runnable call) {
    if (failure.get() != null) {
      return;
    }
    try {
      call.run();
    } catch (RuntimeException e) {
      if (failure.compareAndSet(null, e)) {
        onFirstFailure.run();
      }
    }
  }

  private static ObjectNode parseObject(String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(trimmed);
      return node instanceof ObjectNode object ? object : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
