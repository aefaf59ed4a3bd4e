package io.activationsuite.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.protocol.model.ConnectorSpecification;
import io.activationsuite.protocol.model.DestinationSyncMode;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.protocol.runner.ConfigValidator;
import io.activationsuite.sink.testapi.TestActivationApi;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivationDestinationTest {
  @TempDir Path dir;
  final ActivationDestination destination = new ActivationDestination(new TestActivationApi());

  @Test
  void givenConnectorProperties_whenSpecIsBuilt_thenSharedPropertiesAndModesAreAdded() throws Exception {
    ConnectorSpecification spec = destination.spec();
    JsonNode schema = spec.connectionSpecification();

    assertThat(schema.path("$schema").asText()).contains("draft-07");
    assertThat(schema.path("properties").fieldNames()).toIterable().containsExactlyInAnyOrder("base_url", "api_key",
        "mappings", "object_storage_config", "concurrency", "batch_linger_ms", "rejected_records_threshold_percent",
        "null_values", "buffer_memory_mb", "dry_run");
    assertThat(schema.path("required").toString()).isEqualTo("[\"base_url\",\"api_key\"]");
    assertThat(spec.supportedDestinationSyncModes()).containsExactly(DestinationSyncMode.APPEND,
        DestinationSyncMode.APPEND_DEDUP, DestinationSyncMode.UPDATE, DestinationSyncMode.SOFT_DELETE);
    assertThat(spec.supportsIncremental()).isTrue();
    assertThat(schema.at("/properties/concurrency/default").asInt()).isEqualTo(8);
    assertThat(schema.at("/properties/mappings/order").asInt()).isEqualTo(2);
    assertThat(schema.at("/properties/object_storage_config/order").asInt()).isEqualTo(3);
    String config = "{\"base_url\":\"http://x\",\"api_key\":\"k\",\"mappings\":[{\"source_stream\":\"users\","
        + "\"destination_object\":\"contacts\",\"operation\":\"upsert\",\"matching_key\":\"email\",\"fields\":["
        + "{\"destination_field\":\"email\",\"source\":{\"mapping_type\":\"source_path\",\"source_path\":\"e\"}},"
        + "{\"destination_field\":\"tier\",\"source\":{\"mapping_type\":\"constant\",\"constant\":\"gold\"},"
        + "\"null_policy\":\"clear\"}]}],\"object_storage_config\":{\"storage_type\":\"None\"}}";
    new ConfigValidator(schema).validate(Json.mapper().readTree(config));
  }

  @Test
  void givenMappingToUnknownObject_whenChecked_thenFailedStatusNamesIt() throws Exception {
    AirbyteConnectionStatus status = destination.check(Json.mapper().readTree("{\"base_url\":\"http://localhost:1\","
        + "\"api_key\":\"k\",\"mappings\":[{\"source_stream\":\"users\",\"destination_object\":\"deals\","
        + "\"operation\":\"insert\"}]}"));

    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("deals").contains("contacts");
  }

  @Test
  void givenAMappingWithALookupWhoseScopeIsMissing_whenChecked_thenFailedNamesTheLookupAndTheScope()
      throws Exception {
    String config = "{\"base_url\":\"http://localhost:1\",\"api_key\":\"%s\",\"mappings\":[{\"source_stream\":"
        + "\"users\",\"destination_object\":\"contacts\",\"operation\":\"upsert\",\"matching_key\":\"email\","
        + "\"fields\":[{\"destination_field\":\"email\",\"source\":{\"mapping_type\":\"source_path\","
        + "\"source_path\":\"email\"}},{\"destination_field\":\"first_name\",\"source\":{\"mapping_type\":"
        + "\"source_path\",\"source_path\":\"owner\"},\"lookup\":\"owner_by_email\"}]}],"
        + "\"object_storage_config\":{\"storage_type\":\"None\"}}";

    AirbyteConnectionStatus missing = destination.check(Json.mapper().readTree(config.formatted("no-owners-scope")));
    AirbyteConnectionStatus granted = destination.check(Json.mapper().readTree(config.formatted("k")));

    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("owner_by_email").contains("owners.read scope");
    assertThat(granted.status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
  }

  @Test
  void givenValidConfigWithLocalRejectedStorage_whenChecked_thenSucceeds() throws Exception {
    AirbyteConnectionStatus status = destination.check(Json.mapper().readTree("{\"base_url\":\"http://localhost:1\","
        + "\"api_key\":\"k\",\"object_storage_config\":{\"storage_type\":\"Local\",\"local_directory\":\""
        + dir.toString().replace("\\", "/") + "\"}}"));

    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
  }
}
