package io.activationsuite.sink.plan;

import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.model.ConfiguredAirbyteStream;
import io.activationsuite.protocol.model.DestinationSyncMode;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.FieldMapping;
import io.activationsuite.sink.api.Lookup;
import io.activationsuite.sink.api.ObjectOperation;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.mapping.RecordMapper;
import io.activationsuite.sink.mapping.SourcePath;
import io.activationsuite.sink.mapping.ValueSource;
import io.activationsuite.sink.spec.MappingEntry;
import io.activationsuite.sink.spec.MappingsConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides how each configured stream is written, from either way a sync can be set up: a {@code mappings}
 * entry of the connector config (which wins when both exist) or the data-activation fields of the
 * configured catalog ({@code destination_object_name}, {@code destination_sync_mode}, {@code primary_key}).
 * Both produce the same {@link StreamPlan}; anything that cannot work is a {@link ConfigErrorException}
 * naming the stream and what to fix, raised before any record is read.
 */
public final class StreamPlanner {
  private final Map<String, DestinationObject> objects;
  private final MappingsConfig mappings;
  private final Map<String, Lookup> lookups;

  public StreamPlanner(List<DestinationObject> objects, MappingsConfig mappings) {
    this(objects, mappings, List.of());
  }

  /** A planner whose mappings may name the connector's {@code lookups}. */
  public StreamPlanner(List<DestinationObject> objects, MappingsConfig mappings, List<Lookup> lookups) {
    Map<String, DestinationObject> byName = new LinkedHashMap<>();
    objects.forEach(o -> byName.putIfAbsent(o.name(), o));
    this.objects = byName;
    this.mappings = mappings;
    this.lookups = byName(lookups);
  }

  /** The lookups by name. */
  public static Map<String, Lookup> byName(List<Lookup> lookups) {
    Map<String, Lookup> byName = new LinkedHashMap<>();
    lookups.forEach(l -> byName.putIfAbsent(l.name(), l));
    return byName;
  }

  /** The plan of one configured stream. */
  public StreamPlan plan(ConfiguredAirbyteStream configured) {
    StreamDescriptor stream = configured.descriptor();
    Optional<MappingEntry> entry = mappings.find(stream);
    if (entry.isPresent()) {
      return fromMapping(stream, entry.get(), StreamColumns.of(configured.stream().jsonSchema()));
    }
    if (configured.destinationObjectName() != null && !configured.destinationObjectName().isBlank()) {
      return fromCatalog(stream, configured);
    }
    throw new ConfigErrorException("Stream '" + stream + "' has no destination: add a 'mappings' entry for it in "
        + "the connector configuration (source_stream '" + stream.name() + "'), or set it up in the Airbyte data "
        + "activation UI so that the catalog names a destination object.");
  }

  private StreamPlan fromMapping(StreamDescriptor stream, MappingEntry entry, StreamColumns columns) {
    String where = "Stream '" + stream + "' (mappings entry for '" + entry.sourceStream() + "')";
    DestinationObject object = object(where, entry.destinationObject());
    ObjectOperation operation = operation(where, object, entry.operation());
    String key = matchingKey(where, object, operation, entry.matchingKey());
    if (key != null && !entry.fields().isEmpty()
        && entry.fields().stream().noneMatch(f -> f.destination().equals(key))) {
      throw new ConfigErrorException(where + ": no field mapping gives a value to the matching key '" + key
          + "'; add a field mapping with destination_field '" + key + "'.");
    }
    StreamPlan plan = validated(where, new StreamPlan(stream, object, entry.operation(), key, entry.fields()));
    for (FieldMapping field : entry.fields()) {
      for (SourcePath path : ValueSource.paths(field.source())) {
        String problem = columns.problem(path);
        if (problem != null) {
          throw new ConfigErrorException(where + ", field '" + field.destination() + "': source path " + problem
              + ". Fix the source path (or the stream's query) so that the field gets a value.");
        }
      }
    }
    return plan;
  }

  private StreamPlan fromCatalog(StreamDescriptor stream, ConfiguredAirbyteStream configured) {
    String where = "Stream '" + stream + "'";
    DestinationObject object = object(where, configured.destinationObjectName());
    DestinationSyncMode mode = configured.destinationSyncMode();
    Operation operation = switch (mode == null ? DestinationSyncMode.APPEND : mode) {
      case APPEND -> Operation.INSERT;
      case APPEND_DEDUP -> Operation.UPSERT;
      case UPDATE -> Operation.UPDATE;
      case SOFT_DELETE -> object.operation(Operation.ARCHIVE).isPresent() ? Operation.ARCHIVE : Operation.DELETE;
      case OVERWRITE -> throw new ConfigErrorException(where + ": destination sync mode 'overwrite' is not "
          + "supported by " + object.name() + "; choose one of " + modes(object) + ".");
    };
    ObjectOperation supported = operation(where, object, operation);
    String requested = null;
    List<List<String>> primaryKey = configured.primaryKey();
    if (primaryKey != null && !primaryKey.isEmpty() && operation.needsMatchingKey()) {
      if (primaryKey.size() > 1) {
        throw new ConfigErrorException(where + ": choose exactly one matching key (the catalog has "
            + primaryKey.size() + ": " + primaryKey + ").");
      }
      List<String> path = primaryKey.get(0);
      if (path == null || path.size() != 1) {
        throw new ConfigErrorException(where + ": the matching key " + path + " must be one top-level field.");
      }
      requested = path.get(0);
      String problem = keyProblem(configured, requested);
      if (problem != null) {
        throw new ConfigErrorException(where + ": the matching key (primary_key) " + problem + ".");
      }
    }
    String key = matchingKey(where, object, supported, requested);
    return validated(where, new StreamPlan(stream, object, operation, key, List.<FieldMapping>of()));
  }

  private static String keyProblem(ConfiguredAirbyteStream configured, String key) {
    try {
      return StreamColumns.of(configured.stream().jsonSchema()).problem(SourcePath.compile(key));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private DestinationObject object(String where, String name) {
    DestinationObject object = objects.get(name);
    if (object != null) {
      return object;
    }
    List<String> similar = objects.keySet().stream().filter(n -> n.equalsIgnoreCase(name)).toList();
    throw new ConfigErrorException(where + ": destination object '" + name + "' does not exist or cannot be "
        + "written with these credentials" + (similar.isEmpty() ? "" : " (did you mean '" + similar.get(0) + "'?)")
        + ". Available objects: " + shortList(List.copyOf(objects.keySet())) + ".");
  }

  private static ObjectOperation operation(String where, DestinationObject object, Operation operation) {
    return object.operation(operation).orElseThrow(() -> new ConfigErrorException(where + ": "
        + object.name() + " does not support " + operation.name().toLowerCase(Locale.ROOT) + "; it supports "
        + object.operations().stream().map(o -> o.operation().name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", ")) + "."));
  }

  private static String matchingKey(String where, DestinationObject object, ObjectOperation operation,
      String requested) {
    String verb = operation.operation().name().toLowerCase(Locale.ROOT);
    if (!operation.operation().needsMatchingKey()) {
      if (requested != null) {
        throw new ConfigErrorException(where + ": insert does not use a matching key; remove matching_key '"
            + requested + "'.");
      }
      return null;
    }
    if (requested == null) {
      if (operation.matchingKeys().size() == 1) {
        return operation.matchingKeys().get(0);
      }
      throw new ConfigErrorException(where + ": " + verb + " on " + object.name() + " needs a matching key; "
          + "choose one of " + operation.matchingKeys() + ".");
    }
    if (!operation.matchingKeys().contains(requested)) {
      throw new ConfigErrorException(where + ": '" + requested + "' cannot be the matching key of " + verb + " on "
          + object.name() + " (it does not identify a record); choose one of " + operation.matchingKeys() + ".");
    }
    return requested;
  }

  private StreamPlan validated(String where, StreamPlan plan) {
    try {
      new RecordMapper(plan, FieldMapping.NullPolicy.SKIP, name -> { }, lookups);
    } catch (IllegalArgumentException e) {
      throw new ConfigErrorException(where + ": " + e.getMessage() + ".");
    }
    return plan;
  }

  private static String modes(DestinationObject object) {
    return object.operations().stream().map(o -> o.operation().syncMode().wireName()).distinct()
        .collect(Collectors.joining(", "));
  }

  private static String shortList(List<String> names) {
    int shown = Math.min(names.size(), 20);
    return String.join(", ", names.subList(0, shown)) + (names.size() > shown ? " and " + (names.size() - shown)
        + " more" : "");
  }
}
