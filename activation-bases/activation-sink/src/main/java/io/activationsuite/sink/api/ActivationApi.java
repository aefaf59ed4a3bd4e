package io.activationsuite.sink.api;

/**
 * The one thing a connector implements (as a Micronaut {@code @Singleton}): what is specific to its
 * API. The engine's destination turns it into spec, check, discover and write.
 *
 * @param <C> the connector's config record (see {@link #configType()})
 */
public interface ActivationApi<C> {

  /** Short lowercase name, e.g. {@code hubspot}: used in logs, docs and rejected-record paths. */
  String name();

  /** The documentation URL printed in the spec. */
  String documentationUrl();

  /**
   * The record of the connector's own config properties (credentials, base URL, tier...), annotated with
   * {@link io.activationsuite.sink.config.SpecField}: the spec's JSON Schema is generated from it and the
   * config is read into it (see docs/connector-config.md). The engine adds the shared properties:
   * {@code mappings}, {@code object_storage_config} and the advanced options.
   */
  Class<C> configType();

  /** Opens an authenticated session for the (schema-valid) config, read into {@link #configType()}. */
  ApiSession open(C config, SessionServices services) throws Exception;
}
