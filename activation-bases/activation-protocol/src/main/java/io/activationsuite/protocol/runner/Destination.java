package io.activationsuite.protocol.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.protocol.model.ConnectorSpecification;
import io.activationsuite.protocol.model.DestinationCatalog;

/**
 * What a connector supplies: its spec, and its check, discover and write logic. Everything about the
 * protocol (argument parsing, config validation, output, checkpointing, errors) is the runner's job.
 * Implementations are Micronaut beans ({@code @Singleton}) found by {@link DestinationRunner}.
 */
public interface Destination {

  /** The connector specification printed by {@code spec}; the config is validated against it. */
  ConnectorSpecification spec();

  /**
   * Checks that the (already schema-valid) config works against the real API. Return FAILED with an
   * actionable message for problems the user can fix; throw for the rest.
   */
  AirbyteConnectionStatus check(JsonNode config) throws Exception;

  /** The data-activation catalog: every object and sync mode this account can write. */
  DestinationCatalog discover(JsonNode config) throws Exception;

  /** Opens the write of one sync; the runner feeds records to the returned session. */
  WriteSession openWrite(WriteContext context) throws Exception;
}
