package io.activationsuite.sink.config;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomDefinitionProviderV2;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns a sealed interface that Jackson reads by a type property ({@code @JsonTypeInfo(property =
 * "auth_type")} with {@code @JsonSubTypes} naming each record) into Airbyte's {@code oneOf} shape: one
 * object per record, each with the discriminator first, as a required string {@code const} (and
 * {@code default} when {@link SpecObject#discriminatorDefault()} says so) with {@code order} 0.
 */
final class OneOfDefinitions implements CustomDefinitionProviderV2 {

  @Override
  public CustomDefinition provideCustomSchemaDefinition(ResolvedType type, SchemaGenerationContext context) {
    Class<?> raw = type.getErasedType();
    JsonTypeInfo info = raw.getAnnotation(JsonTypeInfo.class);
    JsonSubTypes subtypes = raw.getAnnotation(JsonSubTypes.class);
    if (!raw.isInterface() || info == null || subtypes == null || info.property().isEmpty()) {
      return null;
    }
    SpecObject spec = raw.getAnnotation(SpecObject.class);
    boolean withDefault = spec != null && spec.discriminatorDefault();
    ObjectNode node = context.getGeneratorConfig().createObjectNode().put("type", "object");
    ArrayNode oneOf = node.putArray("oneOf");
    for (JsonSubTypes.Type subtype : subtypes.value()) {
      ObjectNode branch = context.createStandardDefinition(context.getTypeContext().resolve(subtype.value()), this);
      oneOf.add(withDiscriminator(branch, info.property(), name(subtype), withDefault));
    }
    return new CustomDefinition(node, CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.YES);
  }

  private static String name(JsonSubTypes.Type subtype) {
    if (!subtype.name().isEmpty()) {
      return subtype.name();
    }
    JsonTypeName name = subtype.value().getAnnotation(JsonTypeName.class);
    if (name == null || name.value().isEmpty()) {
      throw new IllegalStateException(subtype.value().getName() + " needs a type name in @JsonSubTypes");
    }
    return name.value();
  }

  private static ObjectNode withDiscriminator(ObjectNode branch, String property, String value, boolean withDefault) {
    ObjectNode properties = branch.objectNode();
    ObjectNode discriminator = properties.putObject(property).put("type", "string").put("const", value);
    if (withDefault) {
      discriminator.put("default", value);
    }
    discriminator.put("order", 0);
    Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> own = branch.path("properties").fields();
    own.forEachRemaining(entry -> properties.set(entry.getKey(), entry.getValue()));
    branch.set("properties", properties);
    ArrayNode required = branch.arrayNode().add(property);
    branch.path("required").forEach(required::add);
    branch.set("required", required);
    return branch;
  }
}
