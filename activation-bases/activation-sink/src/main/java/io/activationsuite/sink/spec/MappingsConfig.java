package io.activationsuite.sink.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.sink.api.FieldMapping;
import io.activationsuite.sink.api.FieldMapping.NullPolicy;
import io.activationsuite.sink.api.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The config's {@code mappings}, read into {@link MappingEntry} values. Mistakes the schema cannot catch
 * (two entries for one stream, a field mapped twice) are {@link ConfigErrorException}s naming the entry.
 */
public final class MappingsConfig {
  private final List<MappingEntry> entries;

  private MappingsConfig(List<MappingEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Reads {@code config.mappings} (absent: no entries). */
  public static MappingsConfig from(JsonNode config) {
    List<MappingEntry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int index = 0;
    for (JsonNode item : config.path("mappings")) {
      index++;
      MappingEntry entry = entry(item, index);
      String identity = entry.sourceNamespace() + "\u0000" + entry.sourceStream();
      if (!seen.add(identity)) {
        throw new ConfigErrorException("mappings entry " + index + " is the second one for source stream '"
            + describe(entry) + "'; keep one entry per stream.");
      }
      entries.add(entry);
    }
    return new MappingsConfig(entries);
  }

  public List<MappingEntry> entries() {
    return entries;
  }

  /** The entry for a stream: one naming its namespace wins over one matching any namespace. */
  public Optional<MappingEntry> find(StreamDescriptor stream) {
    return entries.stream()
        .filter(e -> e.matches(stream))
        .min((a, b) -> Boolean.compare(a.sourceNamespace() == null, b.sourceNamespace() == null));
  }

  /** Destination objects named by the entries, for check. */
  public Set<String> objectNames() {
    Set<String> names = new java.util.TreeSet<>();
    entries.forEach(e -> names.add(e.destinationObject()));
    return names;
  }

  /** The lookups the entries' fields name, for check. */
  public Set<String> lookupNames() {
    Set<String> names = new java.util.TreeSet<>();
    entries.forEach(e -> e.fields().forEach(f -> {
      if (f.lookup() != null) {
        names.add(f.lookup());
      }
    }));
    return names;
  }

  /** The operations the entries use, per destination object, for check. */
  public Map<String, Set<Operation>> operationsByObject() {
    Map<String, Set<Operation>> operations = new java.util.TreeMap<>();
    entries.forEach(e -> operations.computeIfAbsent(e.destinationObject(),
        k -> java.util.EnumSet.noneOf(Operation.class)).add(e.operation()));
    return operations;
  }

  private static MappingEntry entry(JsonNode item, int index) {
    String stream = text(item, "source_stream");
    String where = "mappings entry " + index + (stream == null ? "" : " (source stream '" + stream + "')");
    if (stream == null) {
      throw new ConfigErrorException(where + " has no source_stream.");
    }
    String object = text(item, "destination_object");
    if (object == null) {
      throw new ConfigErrorException(where + " has no destination_object.");
    }
    String operationName = text(item, "operation");
    Operation operation;
    try {
      operation = Operation.valueOf(String.valueOf(operationName).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigErrorException(where + " has operation '" + operationName
          + "'; use insert, update, upsert, archive or delete.");
    }
    List<FieldMapping> fields = new ArrayList<>();
    Set<String> destinations = new HashSet<>();
    for (JsonNode field : item.path("fields")) {
      FieldMapping mapping = field(field, where);
      if (!destinations.add(mapping.destination())) {
        throw new ConfigErrorException(where + " maps destination field '" + mapping.destination()
            + "' twice; keep one mapping per field.");
      }
      fields.add(mapping);
    }
    return new MappingEntry(stream, text(item, "source_namespace"), object, operation,
        text(item, "matching_key"), fields);
  }

  private static FieldMapping field(JsonNode field, String where) {
    String destination = text(field, "destination_field");
    if (destination == null) {
      throw new ConfigErrorException(where + " has a field mapping without destination_field.");
    }
    JsonNode source = field.path("source");
    String type = source.path("mapping_type").asText("");
    FieldMapping.Source value = switch (type) {
      case "source_path" -> new FieldMapping.Source.Path(required(source, "source_path", where, destination));
      case "constant" -> {
        JsonNode constant = source.get("constant");
        if (constant == null) {
          throw new ConfigErrorException(where + ", field '" + destination + "': the constant has no value.");
        }
        yield new FieldMapping.Source.Constant(constant);
      }
      case "template" -> new FieldMapping.Source.Template(required(source, "template", where, destination));
      default -> throw new ConfigErrorException(where + ", field '" + destination
          + "': the value's mapping_type must be source_path, constant or template.");
    };
    NullPolicy policy = "clear".equalsIgnoreCase(field.path("null_policy").asText("skip"))
        ? NullPolicy.CLEAR : NullPolicy.SKIP;
    return new FieldMapping(destination, value, policy, text(field, "lookup"));
  }

  private static String required(JsonNode node, String name, String where, String destination) {
    String value = text(node, name);
    if (value == null) {
      throw new ConfigErrorException(where + ", field '" + destination + "': " + name + " is empty.");
    }
    return value;
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
  }

  private static String describe(MappingEntry entry) {
    return entry.sourceNamespace() == null ? entry.sourceStream()
        : entry.sourceNamespace() + "." + entry.sourceStream();
  }
}
