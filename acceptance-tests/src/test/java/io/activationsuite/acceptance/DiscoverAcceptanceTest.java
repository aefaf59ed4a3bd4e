package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.WriteTarget;
import io.activationsuite.acceptance.harness.CommandResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DiscoverAcceptanceTest extends AcceptanceTestBase {

  private final Map<String, CommandResult> results = new ConcurrentHashMap<>();

  private CommandResult discover(ConnectorDescriptor connector) {
    return results.computeIfAbsent(connector.tool(),
        tool -> harness(connector).discover(connector.validConfig(sandbox(connector))));
  }

  private List<JsonNode> operations(ConnectorDescriptor connector) {
    CommandResult result = discover(connector);
    List<JsonNode> operations = new ArrayList<>();
    result.ofType("DESTINATION_CATALOG").get(0).path("destination_catalog").path("operations")
        .forEach(operations::add);
    return operations;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void discoverPrintsExactlyOneCatalogWithOperations(ConnectorDescriptor connector) {
    CommandResult result = discover(connector);
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.ofType("DESTINATION_CATALOG")).as(result.describe()).hasSize(1);
    assertThat(operations(connector)).isNotEmpty();
    assertNoSecretLeaked(result, connector.secrets(sandbox(connector)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void objectAndModePairsAreUniqueAndNeverOverwrite(ConnectorDescriptor connector) {
    Set<String> pairs = new HashSet<>();
    for (JsonNode operation : operations(connector)) {
      String pair = operation.path("object_name").asText() + "/" + operation.path("sync_mode").asText();
      assertThat(pairs.add(pair)).as("duplicate operation %s", pair).isTrue();
      assertThat(operation.path("object_name").asText()).isNotBlank();
      assertThat(operation.path("sync_mode").asText()).isIn("append", "append_dedup", "update", "soft_delete");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void everyJsonSchemaIsAValidObjectSchemaHoldingItsKeysAndRequiredFields(ConnectorDescriptor connector) {
    var metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
        .getSchema(SchemaLocation.of(SchemaId.V7));
    for (JsonNode operation : operations(connector)) {
      String name = operation.path("object_name").asText() + "/" + operation.path("sync_mode").asText();
      JsonNode schema = operation.path("json_schema");
      assertThat(metaSchema.validate(schema)).as("json_schema of %s against draft-07", name).isEmpty();
      assertThat(schema.path("type").toString()).as("json_schema of %s is an object schema", name).contains("object");
      JsonNode properties = schema.path("properties");
      assertThat(properties.isObject()).as("properties of %s", name).isTrue();
      operation.path("matching_keys").forEach(key -> assertThat(properties.has(key.get(0).asText()))
          .as("matching key %s of %s is a property", key, name).isTrue());
      schema.path("required").forEach(field -> assertThat(properties.has(field.asText()))
          .as("required field %s of %s is a property", field, name).isTrue());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void everyTargetTheDescriptorClaimsIsDiscovered(ConnectorDescriptor connector) {
    List<JsonNode> operations = operations(connector);
    for (WriteTarget target : connector.writeTargets()) {
      assertThat(operations).as("discover offers %s", target).anySatisfy(operation -> {
        assertThat(operation.path("object_name").asText()).isEqualTo(target.object());
        assertThat(operation.path("sync_mode").asText()).isEqualTo(target.syncMode());
        List<String> keys = new ArrayList<>();
        operation.path("matching_keys").forEach(key -> keys.add(key.get(0).asText()));
        assertThat(keys).containsAll(target.matchingKey());
      });
    }
  }
}
