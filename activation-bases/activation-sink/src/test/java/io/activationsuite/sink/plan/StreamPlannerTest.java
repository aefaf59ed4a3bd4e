package io.activationsuite.sink.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.model.ConfiguredAirbyteStream;
import io.activationsuite.protocol.model.DestinationCatalog;
import io.activationsuite.protocol.model.DestinationOperation;
import io.activationsuite.protocol.model.DestinationSyncMode;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.spec.MappingsConfig;
import io.activationsuite.sink.testapi.TestActivationApi;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamPlannerTest {

  private static ConfiguredAirbyteStream stream(String json) throws Exception {
    return Json.mapper().readValue(json, ConfiguredAirbyteStream.class);
  }

  private static ConfiguredAirbyteStream activation(String mode, String key) throws Exception {
    return stream("{\"stream\":{\"name\":\"users\",\"namespace\":\"crm\",\"json_schema\":{}},"
        + "\"destination_sync_mode\":\"" + mode + "\",\"destination_object_name\":\"contacts\""
        + (key == null ? "" : ",\"primary_key\":[[\"" + key + "\"]]") + "}");
  }

  private static ConfiguredAirbyteStream plain() throws Exception {
    return stream("{\"stream\":{\"name\":\"users\",\"namespace\":\"crm\",\"json_schema\":{}},"
        + "\"destination_sync_mode\":\"append\"}");
  }

  private static MappingsConfig mappings(String entries) throws Exception {
    return MappingsConfig.from(Json.mapper().readTree("{\"mappings\":[" + entries + "]}"));
  }

  private static StreamPlanner planner(MappingsConfig mappings) {
    return new StreamPlanner(List.of(TestActivationApi.CONTACTS), mappings);
  }

  @Test
  void givenActivationCatalogOrMappingsEntry_whenPlanned_thenBothWaysGiveTheSamePlan() throws Exception {
    StreamPlan fromCatalog = planner(mappings("")).plan(activation("append_dedup", "email"));
    StreamPlan fromMappings = planner(mappings("{\"source_stream\":\"users\",\"destination_object\":\"contacts\","
        + "\"operation\":\"upsert\",\"matching_key\":\"email\"}")).plan(plain());

    assertThat(fromMappings).isEqualTo(fromCatalog);
    assertThat(fromCatalog.operation()).isEqualTo(Operation.UPSERT);
    assertThat(fromCatalog.matchingKey()).isEqualTo("email");
  }

  @Test
  void givenEachActivationSyncMode_whenPlanned_thenTheMatchingOperationIsChosen() throws Exception {
    StreamPlanner planner = planner(mappings(""));
    assertThat(planner.plan(activation("append", null)).operation()).isEqualTo(Operation.INSERT);
    assertThat(planner.plan(activation("update", null)).operation()).isEqualTo(Operation.UPDATE);
    assertThat(planner.plan(activation("update", null)).matchingKey()).isEqualTo("email");
    assertThat(planner.plan(activation("soft_delete", "email")).operation()).isEqualTo(Operation.ARCHIVE);
  }

  @Test
  void givenStreamNeitherMappedNorActivationConfigured_whenPlanned_thenConfigErrorNamesIt() {
    assertThatThrownBy(() -> planner(mappings("")).plan(plain()))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("crm.users").hasMessageContaining("mappings");
  }

  @Test
  void givenImpossibleConfigurations_whenPlanned_thenConfigErrorsSayWhatToFix() throws Exception {
    StreamPlanner planner = planner(mappings(""));
    assertThatThrownBy(() -> planner.plan(activation("overwrite", null)))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("overwrite");
    assertThatThrownBy(() -> planner.plan(activation("append_dedup", "first_name")))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("first_name")
        .hasMessageContaining("[email, external_id]");
    assertThatThrownBy(() -> planner.plan(activation("append_dedup", null)))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("needs a matching key");
    assertThatThrownBy(() -> planner(mappings("{\"source_stream\":\"users\",\"destination_object\":\"Contacts\","
        + "\"operation\":\"insert\"}")).plan(plain()))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("did you mean 'contacts'");
    assertThatThrownBy(() -> planner(mappings("{\"source_stream\":\"users\",\"destination_object\":\"contacts\","
        + "\"operation\":\"delete\",\"matching_key\":\"email\"}")).plan(plain()))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("does not support delete");
    assertThatThrownBy(() -> planner(mappings("{\"source_stream\":\"users\",\"destination_object\":\"contacts\","
        + "\"operation\":\"update\",\"fields\":[{\"destination_field\":\"nickname\",\"source\":"
        + "{\"mapping_type\":\"source_path\",\"source_path\":\"nick\"}}]}")).plan(plain()))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("matching key 'email'");
    assertThatThrownBy(() -> planner(mappings("{\"source_stream\":\"users\",\"destination_object\":\"contacts\","
        + "\"operation\":\"insert\",\"fields\":[{\"destination_field\":\"email\",\"source\":"
        + "{\"mapping_type\":\"template\",\"template\":\"{{a | shout}}\"}}]}")).plan(plain()))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("unknown filter 'shout'");
  }

  private static final String LISTED = "{\"type\":\"object\",\"properties\":{\"email\":{\"type\":\"string\"},"
      + "\"name\":{\"type\":\"string\"},\"address\":{\"type\":\"object\",\"properties\":"
      + "{\"city\":{\"type\":\"string\"}}}}}";

  private static ConfiguredAirbyteStream listed(String schema) throws Exception {
    return stream("{\"stream\":{\"name\":\"users\",\"namespace\":\"crm\",\"json_schema\":" + schema + "},"
        + "\"destination_sync_mode\":\"append\"}");
  }

  private static MappingsConfig firstNameFrom(String type, String source) throws Exception {
    return mappings("{\"source_stream\":\"users\",\"destination_object\":\"contacts\",\"operation\":\"upsert\","
        + "\"matching_key\":\"email\",\"fields\":[{\"destination_field\":\"email\",\"source\":{\"mapping_type\":"
        + "\"source_path\",\"source_path\":\"email\"}},{\"destination_field\":\"first_name\",\"source\":"
        + "{\"mapping_type\":\"" + type + "\",\"" + type + "\":\"" + source + "\"}}]}");
  }

  @Test
  void givenMappingNamingAColumnTheSchemaDoesNotList_whenPlanned_thenConfigErrorNamesStreamFieldAndClosestColumn()
      throws Exception {
    assertThatThrownBy(() -> planner(firstNameFrom("source_path", "nam")).plan(listed(LISTED)))
        .isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("crm.users").hasMessageContaining("field 'first_name'")
        .hasMessageContaining("'nam' names no column of the stream").hasMessageContaining("did you mean 'name'?");
    assertThatThrownBy(() -> planner(firstNameFrom("template", "Dear {{ nmae | upper }}")).plan(listed(LISTED)))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("did you mean 'name'?");
    assertThatThrownBy(() -> planner(firstNameFrom("source_path", "address.cty")).plan(listed(LISTED)))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("no property 'cty' under 'address'")
        .hasMessageContaining("did you mean 'city'?");
    assertThatThrownBy(() -> planner(mappings("")).plan(stream("{\"stream\":{\"name\":\"users\",\"namespace\":"
        + "\"crm\",\"json_schema\":" + LISTED + "},\"destination_sync_mode\":\"append_dedup\","
        + "\"destination_object_name\":\"contacts\",\"primary_key\":[[\"emial\"]]}")))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("matching key")
        .hasMessageContaining("did you mean 'email'?");
  }

  @Test
  void givenMappingOnListedOrOpenSchemas_whenPlanned_thenKnownColumnsAndOpenSchemasPass() throws Exception {
    assertThat(planner(firstNameFrom("source_path", "address.city")).plan(listed(LISTED)).fieldMappings()).hasSize(2);
    assertThat(planner(firstNameFrom("template", "{{name}} of {{address.city}}")).plan(listed(LISTED))).isNotNull();
    assertThat(planner(firstNameFrom("source_path", "nam")).plan(listed("{\"type\":\"object\"}"))).isNotNull();
    assertThat(planner(firstNameFrom("source_path", "nam")).plan(listed(LISTED.substring(0, LISTED.length() - 1)
        + ",\"additionalProperties\":true}"))).isNotNull();
  }

  @Test
  void givenObjects_whenDiscovered_thenOneOperationPerObjectAndModeWithPlatformSchemaConventions() {
    DestinationCatalog catalog = DestinationCatalogBuilder.build(List.of(TestActivationApi.CONTACTS));

    assertThat(catalog.operations()).extracting(DestinationOperation::syncMode).containsExactly(
        DestinationSyncMode.APPEND, DestinationSyncMode.UPDATE, DestinationSyncMode.APPEND_DEDUP,
        DestinationSyncMode.SOFT_DELETE);
    JsonNode insert = catalog.operations().get(0).jsonSchema();
    assertThat(insert.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(insert.path("required").toString()).isEqualTo("[\"email\"]");
    assertThat(insert.at("/properties/email/type").toString()).isEqualTo("\"string\"");
    assertThat(insert.at("/properties/first_name/type").toString()).isEqualTo("[\"null\",\"string\"]");
    assertThat(insert.at("/properties/birthday/format").asText()).isEqualTo("date");
    assertThat(insert.at("/properties/updated_at/airbyte_type").asText()).isEqualTo("timestamp_with_timezone");
    assertThat(insert.at("/properties/tier/enum").toString()).isEqualTo("[\"gold\",\"silver\",null]");
    assertThat(insert.at("/properties/last_name/maxLength").asInt()).isEqualTo(20);
    assertThat(catalog.operations().get(0).matchingKeys()).isNull();
    DestinationOperation upsert = catalog.operations().get(2);
    assertThat(upsert.matchingKeys()).containsExactly(List.of("email"), List.of("external_id"));
    assertThat(upsert.jsonSchema().path("properties").has("external_id")).isTrue();
    DestinationOperation archive = catalog.operations().get(3);
    assertThat(archive.jsonSchema().path("properties").size()).isEqualTo(1);
    assertThat(archive.jsonSchema().path("required").toString()).isEqualTo("[\"email\"]");
  }
}
