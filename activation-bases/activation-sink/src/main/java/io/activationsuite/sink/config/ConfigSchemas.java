package io.activationsuite.sink.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.TypeScope;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import io.activationsuite.protocol.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schema of a config record, generated with victools' generator and its Jackson module (so the
 * property names and required flags are the ones Jackson reads), plus the keywords of {@link SpecField},
 * {@link SpecObject} and {@link SpecGroup}, and a {@code oneOf} for each sealed interface Jackson reads by
 * a type property (see {@link OneOfDefinitions}). Everything is inlined: no {@code $ref}, no {@code $defs}.
 *
 * <p>Generating costs hundreds of milliseconds at the start of every command (the generator's classes, its
 * reflection and lambdas), so a config record may ship its schema as generated: a resource
 * {@code <record's binary name without package>.schema.json} next to the class, which is read instead. A test of
 * the record's module keeps it equal to {@link #generated} (testkit's {@code ShippedSchemas}).
 */
public final class ConfigSchemas {
  private static final Map<Class<?>, ObjectNode> CACHE = new ConcurrentHashMap<>();
  private static final String RESOURCE_SUFFIX = ".schema.json";

  private ConfigSchemas() {}

  /**
   * The schema of {@code type}: {@code type}, {@code properties} and {@code required}, with {@code groups}
   * when the record declares {@link SpecGroup}s. A fresh copy on every call.
   *
   * @throws IllegalStateException when a property names a group the record does not declare
   */
  public static ObjectNode schemaOf(Class<?> type) {
    return CACHE.computeIfAbsent(type, t -> {
      ObjectNode shipped = resource(t);
      return shipped != null ? shipped : generated(t);
    }).deepCopy();
  }

  /** The schema {@code type} ships as a resource, or null when it ships none. */
  public static ObjectNode resource(Class<?> type) {
    String name = resourceName(type);
    try (InputStream in = type.getResourceAsStream(name)) {
      if (in == null) {
        return null;
      }
      JsonNode schema = Json.mapper().readTree(in);
      if (!(schema instanceof ObjectNode object)) {
        throw new IllegalStateException("The resource " + name + " of " + type.getName() + " is not a JSON object");
      }
      return object;
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable resource " + name + " of " + type.getName(), e);
    }
  }

  /** The name of the resource, next to {@code type}'s class file, that holds the schema it ships. */
  public static String resourceName(Class<?> type) {
    return type.getName().substring(type.getPackageName().isEmpty() ? 0 : type.getPackageName().length() + 1)
        + RESOURCE_SUFFIX;
  }

  /** The schema of {@code type} as the generator writes it (what its resource, when it ships one, must be). */
  public static ObjectNode generated(Class<?> type) {
    ObjectNode schema = Generator.INSTANCE.generateSchema(type);
    ArrayNode groups = Json.mapper().createArrayNode();
    Set<String> declared = new LinkedHashSet<>();
    for (SpecGroup group : type.getAnnotationsByType(SpecGroup.class)) {
      ObjectNode entry = groups.addObject().put("id", group.id());
      if (!group.title().isEmpty()) {
        entry.put("title", group.title());
      }
      declared.add(group.id());
    }
    schema.path("properties").properties().forEach(property -> {
      String group = property.getValue().path("group").asText("");
      if (!group.isEmpty() && !declared.contains(group)) {
        throw new IllegalStateException(type.getName() + "." + property.getKey() + " uses group '" + group
            + "', which " + type.getSimpleName() + " does not declare with @SpecGroup");
      }
    });
    if (!groups.isEmpty()) {
      schema.set("groups", groups);
    }
    return schema;
  }

  /** The generator, built on first use: a command whose records all ship their schema never loads it. */
  private static final class Generator {
    static final SchemaGenerator INSTANCE = generator();
  }

  private static SchemaGenerator generator() {
    SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(Json.mapper(), SchemaVersion.DRAFT_7,
        OptionPreset.PLAIN_JSON)
        .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
            JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE, JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY,
            JacksonOption.SKIP_SUBTYPE_LOOKUP,
            JacksonOption.IGNORE_TYPE_INFO_TRANSFORM))
        .with(Option.INLINE_ALL_SCHEMAS)
        .without(Option.SCHEMA_VERSION_INDICATOR);
    builder.forFields().withInstanceAttributeOverride(ConfigSchemas::fieldKeywords);
    builder.forTypesInGeneral()
        .withTypeAttributeOverride(ConfigSchemas::objectKeywords)
        .withCustomDefinitionProvider(new OneOfDefinitions())
        .withPropertySorter((a, b) -> 0);
    return new SchemaGenerator(builder.build());
  }

  private static void objectKeywords(ObjectNode node, TypeScope scope, SchemaGenerationContext context) {
    SpecObject spec = scope.getType().getErasedType().getAnnotation(SpecObject.class);
    if (spec == null) {
      return;
    }
    putText(node, "title", spec.title());
    putText(node, "description", spec.description());
    switch (spec.additionalProperties()) {
      case ALLOWED -> node.put("additionalProperties", true);
      case FORBIDDEN -> node.put("additionalProperties", false);
      case UNSTATED -> { }
      default -> throw new IllegalStateException("unknown " + spec.additionalProperties());
    }
  }

  private static void fieldKeywords(ObjectNode node, FieldScope field, SchemaGenerationContext context) {
    SpecField spec = field.getAnnotationConsideringFieldAndGetter(SpecField.class);
    if (spec == null || field.isFakeContainerItemScope()) {
      return; // a list's keywords describe the list, not its items
    }
    putText(node, "title", spec.title());
    putText(node, "description", spec.description());
    if (!SpecField.NO_DEFAULT.equals(spec.defaultValue())) {
      node.set("default", defaultValue(spec.defaultValue(), field.getType().getErasedType()));
    }
    if (spec.examples().length > 0) {
      ArrayNode examples = node.putArray("examples");
      for (String example : spec.examples()) {
        examples.add(example);
      }
    }
    putText(node, "pattern", spec.pattern());
    if (spec.minLength() >= 0) {
      node.put("minLength", spec.minLength());
    }
    if (spec.minimum() != Long.MIN_VALUE) {
      node.set("minimum", number(spec.minimum()));
    }
    if (spec.exclusiveMinimum() != Long.MIN_VALUE) {
      node.set("exclusiveMinimum", number(spec.exclusiveMinimum()));
    }
    if (spec.maximum() != Long.MAX_VALUE) {
      node.set("maximum", number(spec.maximum()));
    }
    if (spec.secret()) {
      node.put("airbyte_secret", true);
    }
    if (spec.hidden()) {
      node.put("airbyte_hidden", true);
    }
    if (spec.alwaysShow()) {
      node.put("always_show", true);
    }
    putText(node, "group", spec.group());
    if (spec.order() >= 0) {
      node.put("order", spec.order());
    }
  }

  /** A string or enum property's default is its text; any other's is JSON. */
  static JsonNode defaultValue(String text, Class<?> type) {
    if (type == String.class || type.isEnum()) {
      return Json.mapper().getNodeFactory().textNode(text);
    }
    try {
      return Json.mapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("@SpecField default of a " + type.getSimpleName() + " is not JSON: " + text, e);
    }
  }

  /** An int node when the value fits (as JSON text reads it), else a long node. */
  private static JsonNode number(long value) {
    return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
  }

  private static void putText(ObjectNode node, String keyword, String value) {
    if (!value.isEmpty()) {
      node.put(keyword, value);
    }
  }
}
