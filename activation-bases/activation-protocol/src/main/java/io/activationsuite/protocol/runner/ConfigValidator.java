package io.activationsuite.protocol.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.activationsuite.protocol.errors.ConfigErrorException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Validates a config against the connector's own spec before anything runs. */
public final class ConfigValidator {
  private static final int MAX_REPORTED = 5;

  private final JsonSchema schema;
  private final JsonNode connectionSpecification;

  /** Airbyte UI annotations: meaningful to the platform's form, not to validation. */
  private static final List<String> AIRBYTE_KEYWORDS = List.of(
      "airbyte_secret", "airbyte_hidden", "always_show", "order", "group", "display_type", "multiline",
      "pattern_descriptor", "airbyte_type", "x-airbyte-group", "groups");

  public ConfigValidator(JsonNode connectionSpecification) {
    JsonMetaSchema.Builder meta = JsonMetaSchema.builder(JsonMetaSchema.getV7());
    AIRBYTE_KEYWORDS.forEach(keyword -> meta.keyword(new NonValidationKeyword(keyword)));
    JsonMetaSchema metaSchema = meta.build();
    JsonSchemaFactory factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
        .metaSchema(metaSchema)
        .defaultMetaSchemaIri(metaSchema.getIri())
        .build();
    this.schema = factory.getSchema(connectionSpecification);
    this.connectionSpecification = connectionSpecification;
  }

  /** Throws a {@link ConfigErrorException} naming each offending field when the config does not fit. */
  public void validate(JsonNode config) {
    Set<ValidationMessage> messages = schema.validate(config);
    if (messages.isEmpty()) {
      return;
    }
    OneOfBranches branches = new OneOfBranches(connectionSpecification, config);
    messages = branches.chosenOnly(messages);
    List<String> lines =
        java.util.stream.Stream.concat(branches.unchosenDiscriminators().stream(),
                messages.stream()
                    .sorted(Comparator.comparing(ValidationMessage::getMessage))
                    .map(ConfigValidator::describe))
            .distinct()
            .limit(MAX_REPORTED)
            .toList();
    String more = messages.size() > MAX_REPORTED ? " (and " + (messages.size() - MAX_REPORTED) + " more)" : "";
    throw new ConfigErrorException(
        "The configuration does not match the connector spec: " + String.join("; ", lines) + more);
  }

  private static String describe(ValidationMessage message) {
    String location = message.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
    String property = message.getProperty();
    String field =
        property == null || property.isEmpty()
            ? location
            : (location.isEmpty() ? property : location + "." + property);
    String text = message.getMessage().replaceFirst("^\\$[^:]*:\\s*", "");
    return field.isEmpty()
        ? text
        : "field '" + field + "': " + text;
  }

  /** All field paths mentioned, for tests and tooling. */
  public static String fieldsOf(Set<ValidationMessage> messages) {
    return messages.stream().map(m -> m.getInstanceLocation().toString()).collect(Collectors.joining(","));
  }
}
