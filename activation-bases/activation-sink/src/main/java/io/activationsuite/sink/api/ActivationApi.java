package io.activationsuite.sink.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The one thing a connector implements (as a Micronaut {@code @Singleton}): what is specific to its
 * API. The engine's destination turns it into spec, check, discover and write.
 */
public interface ActivationApi {

  /** Short lowercase name, e.g. {@code hubspot}: used in logs, docs and rejected-record paths. */
  String name();

  /** The documentation URL printed in the spec. */
  String documentationUrl();

  /**
   * The connector's own spec properties (credentials, base URL, tier...) as JSON Schema properties,
   * with the names of the required ones in {@link #requiredProperties()}. The engine adds the shared
   * ones: {@code mappings}, {@code object_storage_config} and the advanced options.
   */
  ObjectNode specProperties();

  /** Names of the required connector-specific properties. */
  List<String> requiredProperties();

  /** Opens an authenticated session for the (schema-valid) config. */
  ApiSession open(JsonNode config, SessionServices services) throws Exception;
}
