package io.activationsuite.protocol.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.protocol.model.ConfiguredAirbyteCatalog;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.protocol.secrets.SecretFields;

/**
 * The runner's part of {@link Preinitialization}: a catalog read into the protocol model (Jackson builds its
 * deserializers once per mapper) and a config validated against a spec that uses the keywords connector specs
 * use (the JSON schema validator loads some hundreds of classes on first use). Not picocli's model: the command
 * needs it right after Micronaut starts, before this could finish it (measured: no faster with it).
 */
final class ProtocolPreinitializer implements Preinitializer {

  private static final String CATALOG = """
      {"streams":[{"stream":{"name":"s","json_schema":{"type":"object","properties":{"id":{"type":"string"}}},
      "supported_sync_modes":["full_refresh","incremental"],"source_defined_primary_key":[["id"]]},
      "sync_mode":"incremental","destination_sync_mode":"append_dedup","primary_key":[["id"]],
      "cursor_field":["id"],"generation_id":1,"minimum_generation_id":0,"sync_id":1,
      "destination_object_name":"o"}]}""";
  private static final String SPEC = """
      {"$schema":"http://json-schema.org/draft-07/schema#","type":"object","required":["key","mode"],
      "properties":{"key":{"type":"string","airbyte_secret":true,"order":0,"minLength":1},
      "url":{"type":"string","pattern":"^https?://","format":"uri"},
      "size":{"type":"integer","minimum":1,"maximum":100,"default":10},
      "mode":{"type":"object","oneOf":[
      {"title":"A","type":"object","required":["kind"],"properties":{"kind":{"type":"string","const":"a"}}},
      {"title":"B","type":"object","required":["kind"],"properties":{"kind":{"type":"string","enum":["b"]},
      "flag":{"type":"boolean"},"items":{"type":"array","items":{"type":"string"}}}}]}}}""";
  private static final String CONFIG = """
      {"key":"k","url":"https://example.com","size":5,"mode":{"kind":"b","flag":true,"items":["x"]}}""";

  @Override
  public void preinitialize() throws Exception {
    ObjectMapper mapper = Json.mapper();
    mapper.treeToValue(mapper.readTree(CATALOG), ConfiguredAirbyteCatalog.class);
    JsonNode spec = mapper.readTree(SPEC);
    JsonNode config = mapper.readTree(CONFIG);
    SecretFields.secretValues(spec, config);
    new ConfigValidator(spec).validate(config);
  }
}
