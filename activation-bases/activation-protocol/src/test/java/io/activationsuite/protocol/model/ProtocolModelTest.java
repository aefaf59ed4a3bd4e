package io.activationsuite.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolModelTest {
  private final ObjectMapper mapper = Json.mapper();

  @Test
  void givenAStateWithUnknownProperties_whenRoundTripped_thenNothingIsLost() throws Exception {
    String line = "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
        + "{\"name\":\"users\",\"namespace\":\"ns\"},\"stream_state\":{\"c\":1},\"extra\":true},"
        + "\"sourceStats\":{\"recordCount\":3.0,\"additionalStats\":{\"bytes\":10.0},\"foo\":1},"
        + "\"id\":42},\"platform_field\":\"x\"}";

    AirbyteMessage message = mapper.readValue(line, AirbyteMessage.class);
    JsonNode back = mapper.valueToTree(message);

    assertThat(back).isEqualTo(mapper.readTree(line));
    assertThat(message.state().effectiveType()).isEqualTo(AirbyteStateType.STREAM);
    assertThat(message.state().additionalProperties()).containsEntry("id", 42);
  }

  @Test
  void envelopeUsesTheProtocolsExactFieldNames() {
    JsonNode status = mapper.valueToTree(AirbyteMessage.of(AirbyteConnectionStatus.failed("nope")));
    JsonNode catalog = mapper.valueToTree(AirbyteMessage.of(new DestinationCatalog(List.of(
        new DestinationOperation("Contact", DestinationSyncMode.APPEND_DEDUP, mapper.createObjectNode(),
            List.of(List.of("Email")))))));

    assertThat(status.has("connectionStatus")).isTrue();
    assertThat(catalog.has("destination_catalog")).isTrue();
    JsonNode operation = catalog.path("destination_catalog").path("operations").get(0);
    assertThat(operation.path("sync_mode").asText()).isEqualTo("append_dedup");
    assertThat(operation.path("matching_keys").get(0).get(0).asText()).isEqualTo("Email");
    assertThat(operation.has("object_name")).isTrue();
  }

  @Test
  void configuredCatalogReadsDataActivationFields() throws Exception {
    String json = "{\"streams\":[{\"stream\":{\"name\":\"users\",\"json_schema\":{}},\"sync_mode\":\"incremental\","
        + "\"destination_sync_mode\":\"soft_delete\",\"destination_object_name\":\"Contact\","
        + "\"primary_key\":[[\"Email\"]],\"generation_id\":3,\"minimum_generation_id\":0,\"sync_id\":99}]}";

    ConfiguredAirbyteCatalog catalog = mapper.readValue(json, ConfiguredAirbyteCatalog.class);

    ConfiguredAirbyteStream stream = catalog.streams().get(0);
    assertThat(stream.destinationSyncMode()).isEqualTo(DestinationSyncMode.SOFT_DELETE);
    assertThat(stream.destinationObjectName()).isEqualTo("Contact");
    assertThat(stream.primaryKey()).containsExactly(List.of("Email"));
    assertThat(catalog.syncId()).isEqualTo(99);
  }

  @Test
  void statsAreWrittenWithADecimalPoint() throws Exception {
    assertThat(mapper.writeValueAsString(AirbyteStateStats.of(97, 3)))
        .isEqualTo("{\"recordCount\":97.0,\"rejectedRecordCount\":3.0}");
  }
}
