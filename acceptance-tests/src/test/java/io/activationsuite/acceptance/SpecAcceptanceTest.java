package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.harness.AcceptanceSettings;
import io.activationsuite.acceptance.harness.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpecAcceptanceTest extends AcceptanceTestBase {

  private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(token|secret|password|key).*");
  /** Ids, names and properties naming a key field (matching_key) are not secrets. */
  private static final Pattern ID_OR_NAME =
      Pattern.compile("(?i).*(_id|_ids|_name|_names|matching_key|primary_key|key_field)$");
  private static final ObjectMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private final Map<String, CommandResult> specs = new ConcurrentHashMap<>();

  private CommandResult spec(ConnectorDescriptor connector) {
    return specs.computeIfAbsent(connector.tool(), tool -> harness(connector).spec());
  }

  private JsonNode specification(ConnectorDescriptor connector) {
    return spec(connector).ofType("SPEC").get(0).path("spec");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void specPrintsExactlyOneSpecMessageAndExitsZero(ConnectorDescriptor connector) {
    CommandResult result = spec(connector);
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.ofType("SPEC")).as(result.describe()).hasSize(1);
    assertThat(result.messages()).as("spec prints only its SPEC (logs go to stderr)")
        .allMatch(m -> m.path("type").asText().equals("SPEC") || m.path("type").asText().equals("LOG"));
    assertThat(result.nonJsonLines()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void connectionSpecificationIsAValidDraft07Schema(ConnectorDescriptor connector) {
    JsonNode schema = specification(connector).path("connectionSpecification");
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    JsonSchema metaSchema = factory.getSchema(SchemaLocation.of(SchemaId.V7));
    Set<ValidationMessage> problems = metaSchema.validate(schema);
    assertThat(problems).as("connectionSpecification against the draft-07 meta-schema").isEmpty();
    assertThat(schema.path("type").asText()).isEqualTo("object");
    JsonSchema compiled = factory.getSchema(schema);
    assertThat(compiled.validate(connector.validConfig(sandbox(connector))))
        .as("the suite's valid config satisfies the connector's own schema").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void everySecretLikePropertyIsMarkedAirbyteSecret(ConnectorDescriptor connector) {
    List<String> unmarked = new ArrayList<>();
    collectUnmarkedSecrets(specification(connector).path("connectionSpecification"), "", unmarked);
    assertThat(unmarked).as("secret-like properties without airbyte_secret: true").isEmpty();
  }

  private static void collectUnmarkedSecrets(JsonNode schema, String path, List<String> unmarked) {
    schema.path("properties").fields().forEachRemaining(property -> {
      String name = property.getKey();
      JsonNode definition = property.getValue();
      boolean secretLike = SECRET_LIKE.matcher(name).matches() && !ID_OR_NAME.matcher(name).matches();
      boolean scalar = !"object".equals(definition.path("type").asText()) && !definition.has("oneOf");
      if (secretLike && scalar && !definition.path("airbyte_secret").asBoolean(false)) {
        unmarked.add(path + name);
      }
      collectUnmarkedSecrets(definition, path + name + ".", unmarked);
    });
    for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
      schema.path(combinator).forEach(branch -> collectUnmarkedSecrets(branch, path, unmarked));
    }
    if (schema.has("items")) {
      collectUnmarkedSecrets(schema.path("items"), path + "[].", unmarked);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void specAdvertisesSyncModesAndTheRejectedRecordsStorage(ConnectorDescriptor connector) {
    JsonNode spec = specification(connector);
    assertThat(spec.path("supported_destination_sync_modes").isArray()).as(spec.toString()).isTrue();
    assertThat(spec.path("supported_destination_sync_modes")).isNotEmpty();
    JsonNode storage = spec.path("connectionSpecification").path("properties").path("object_storage_config");
    assertThat(storage.isObject()).as("object_storage_config property").isTrue();
    List<String> storageTypes = new ArrayList<>();
    storage.path("oneOf").forEach(branch -> branch.path("properties").path("storage_type").path("enum")
        .forEach(value -> storageTypes.add(value.asText())));
    assertThat(storageTypes).contains("None", "S3");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void specMatchesItsReviewedSnapshot(ConnectorDescriptor connector) throws IOException {
    String actual = PRETTY.writeValueAsString(PRETTY.treeToValue(specification(connector), Object.class)) + "\n";
    Path snapshot = AcceptanceSettings.snapshotDirectory().resolve(connector.tool() + ".json");
    if (AcceptanceSettings.updateSnapshots()) {
      Files.createDirectories(snapshot.getParent());
      Files.writeString(snapshot, actual, StandardCharsets.UTF_8);
      System.err.println("acceptance: wrote spec snapshot " + snapshot);
      return;
    }
    assertThat(snapshot).as("spec snapshot (create it with -Dacceptance.updateSnapshots=true and review it)")
        .exists();
    assertThat(actual).as("spec of %s differs from %s: review the change and regenerate with"
        + " -Dacceptance.updateSnapshots=true", connector, snapshot)
        .isEqualTo(Files.readString(snapshot, StandardCharsets.UTF_8));
  }
}
