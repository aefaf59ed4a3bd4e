package io.activationsuite.sink.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * What the engine lends a connector session: the clock, the configured request concurrency, and a way
 * to persist an updated config (a rotated refresh token) through an Airbyte CONTROL message.
 */
public record SessionServices(Clock clock, int concurrency, Consumer<ObjectNode> configUpdater) {}
