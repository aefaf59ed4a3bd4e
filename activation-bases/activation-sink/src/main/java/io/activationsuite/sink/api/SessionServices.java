package io.activationsuite.sink.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * What the engine lends a connector session: the clock, the configured request concurrency, and a way
 * to persist a config change (a rotated refresh token) through an Airbyte CONTROL message.
 *
 * @param configUpdater takes the properties that changed, e.g. {@code {"credentials":{"refresh_token":"..."}}};
 *     the engine merges them into the whole config it persists
 */
public record SessionServices(Clock clock, int concurrency, Consumer<ObjectNode> configUpdater) {

  /** Persists a rotated OAuth refresh token, kept at {@code credentials.refresh_token}. */
  public void persistRefreshToken(String refreshToken) {
    ObjectNode change = JsonNodeFactory.instance.objectNode();
    change.putObject("credentials").put("refresh_token", refreshToken);
    configUpdater.accept(change);
  }
}
