package io.activationsuite.sink.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.FieldMapping;
import io.activationsuite.sink.api.FieldMapping.NullPolicy;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.Lookup;
import io.activationsuite.sink.api.ObjectOperation;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.coerce.CoercionException;
import io.activationsuite.sink.coerce.ValueCoercer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Turns a source record into an {@link OutboundRecord} for one stream plan: applies the field mappings
 * (or takes the record's own field names when the plan has none), the null policy, and the coercion to
 * each destination field's type, then checks the required fields and the matching key. Anything that
 * does not fit is a {@link CoercionException}: the record is rejected, the sync goes on.
 *
 * <p>Objects with {@link io.activationsuite.sink.api.OpenFields} also take fields discovery does not list
 * (coerced to the open type). A mapped destination field with dots ({@code properties.plan}) that is not
 * itself a field is a nested path: its first segment must be a JSON field or an open field, and the value
 * lands in nested objects ({@code {"properties":{"plan":...}}}).
 */
public final class RecordMapper {
  private static final int FIELD_OVERHEAD = 4;
  private static final int NUMBER_SIZE = 12;

  private final StreamPlan plan;
  private final List<MappedField> mappedFields;
  private final Map<String, ValueCoercer> writable;
  private final NullPolicy identityNullPolicy;
  private final Consumer<String> unknownField;
  private final List<String> required;
  private final String matchingKey;
  private final boolean keyOnly;
  private final boolean caseInsensitiveKey;
  private final io.activationsuite.sink.api.OpenFields openFields;
  private final Map<String, ValueCoercer> openCoercers = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, ValueCoercer> nestedRoots;
  private final Map<String, Lookup> lookupFields;

  /**
   * @param identityNullPolicy what a null does when records carry destination field names (no mappings)
   * @param unknownField told the name of each record field the object cannot take (records without
   *     mappings only); it is ignored, never an error
   */
  public RecordMapper(StreamPlan plan, NullPolicy identityNullPolicy, Consumer<String> unknownField) {
    this(plan, identityNullPolicy, unknownField, Map.of());
  }

  /**
   * @param lookups the connector's lookups by name: a mapped field naming one is coerced to the lookup's
   *     value type (its id comes later, see {@link #lookupFields()})
   */
  public RecordMapper(StreamPlan plan, NullPolicy identityNullPolicy, Consumer<String> unknownField,
      Map<String, Lookup> lookups) {
    this.plan = plan;
    this.identityNullPolicy = identityNullPolicy;
    this.unknownField = unknownField;
    ObjectOperation operation = plan.object().operation(plan.operation()).orElseThrow(
        () -> new IllegalArgumentException("object " + plan.object().name() + " has no " + plan.operation()));
    this.matchingKey = plan.matchingKey();
    this.keyOnly = plan.operation() == Operation.ARCHIVE || plan.operation() == Operation.DELETE;
    Map<String, DestinationField> fields = plan.object().fieldsByName();
    this.openFields = keyOnly ? null : plan.object().openFields();
    Map<String, ValueCoercer> coercers = new HashMap<>();
    for (String name : operation.writableFields()) {
      DestinationField field = fields.get(name);
      if (field != null && !keyOnly) {
        coercers.put(name, new ValueCoercer(field));
      }
    }
    if (matchingKey != null) {
      DestinationField keyField = fields.get(matchingKey);
      if (keyField == null) {
        throw new IllegalArgumentException("matching key " + matchingKey + " is not a field of "
            + plan.object().name());
      }
      coercers.put(matchingKey, new ValueCoercer(keyField));
      this.caseInsensitiveKey = keyField.type() == FieldType.EMAIL;
    } else {
      this.caseInsensitiveKey = false;
    }
    this.writable = coercers;
    this.required = keyOnly ? List.of() : List.copyOf(operation.requiredFields());
    List<MappedField> compiled = new ArrayList<>();
    Map<String, Lookup> withLookups = new java.util.LinkedHashMap<>();
    for (FieldMapping mapping : plan.fieldMappings()) {
      if (keyOnly && !mapping.destination().equals(matchingKey)) {
        continue;
      }
      String destination = mapping.destination();
      ValueCoercer coercer = coercers.get(destination);
      String[] path = null;
      if (mapping.lookup() != null) {
        coercer = lookupCoercer(mapping, coercer, lookups);
        withLookups.put(destination, lookups.get(mapping.lookup()));
      } else if (coercer == null && destination.indexOf('.') > 0 && !fields.containsKey(destination)) {
        path = nestedPath(destination, fields);
        coercer = new ValueCoercer(new DestinationField(destination, FieldType.JSON, true, null, List.of(), false));
      } else if (coercer == null && openFields != null && !fields.containsKey(destination)) {
        coercer = openCoercer(destination);
      }
      if (coercer == null) {
        throw new IllegalArgumentException("field " + destination + " cannot be written with "
            + plan.operation().name().toLowerCase(Locale.ROOT) + " on " + plan.object().name());
      }
      List<SourcePath> sourcePaths = ValueSource.paths(mapping.source());
      LongAdder[] missing = new LongAdder[sourcePaths.size()];
      for (int i = 0; i < missing.length; i++) {
        missing[i] = new LongAdder();
      }
      compiled.add(new MappedField(destination, path, ValueSource.of(mapping.source()), mapping.nullPolicy(),
          coercer, sourcePaths, missing, mapping.source() instanceof FieldMapping.Source.Path));
    }
    checkNoOverlap(compiled);
    this.mappedFields = compiled;
    this.lookupFields = java.util.Collections.unmodifiableMap(withLookups);
    Map<String, ValueCoercer> roots = new java.util.LinkedHashMap<>();
    for (MappedField field : compiled) {
      if (field.path() != null) {
        ValueCoercer root = writable.containsKey(field.path()[0]) ? writable.get(field.path()[0])
            : openCoercer(field.path()[0]);
        if (root.field().maxLength() != null) {
          roots.put(field.path()[0], root);
        }
      }
    }
    this.nestedRoots = roots;
  }

  /** The coercer of a field whose value a lookup turns into an id: the lookup's value type. */
  private ValueCoercer lookupCoercer(FieldMapping mapping, ValueCoercer target, Map<String, Lookup> lookups) {
    String destination = mapping.destination();
    Lookup lookup = lookups.get(mapping.lookup());
    if (lookup == null) {
      throw new IllegalArgumentException("field " + destination + ": lookup '" + mapping.lookup() + "' is not "
          + "offered by this connector" + (lookups.isEmpty() ? " (it offers none)"
              : "; choose one of " + new java.util.TreeSet<>(lookups.keySet())));
    }
    if (destination.equals(matchingKey)) {
      throw new IllegalArgumentException("field " + destination + " is the matching key, which cannot use a "
          + "lookup (map the key's own value)");
    }
    if (target == null) {
      throw new IllegalArgumentException("field " + destination + " cannot be written with "
          + plan.operation().name().toLowerCase(Locale.ROOT) + " on " + plan.object().name()
          + ", so lookup '" + mapping.lookup() + "' has nowhere to put its id");
    }
    return new ValueCoercer(new DestinationField(destination, lookup.valueType(), target.field().nullable(),
        null, List.of(), false));
  }

  /**
   * The mapped destination fields whose value a lookup turns into an id before the write (destination field
   * to lookup), in mapping order; empty when there are none.
   */
  public Map<String, Lookup> lookupFields() {
    return lookupFields;
  }

  /** The segments of a nested destination path whose first segment is a JSON or open field. */
  private String[] nestedPath(String destination, Map<String, DestinationField> fields) {
    String[] path = destination.split("\\.", -1);
    for (String segment : path) {
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("destination field '" + destination + "' has an empty segment");
      }
    }
    ValueCoercer root = writable.get(path[0]);
    DestinationField declared = fields.get(path[0]);
    boolean structured = root != null ? root.field().type() == FieldType.JSON
        : declared == null && openFields != null && openFields.type() == FieldType.JSON;
    if (!structured) {
      throw new IllegalArgumentException("field " + destination + " cannot be written with "
          + plan.operation().name().toLowerCase(Locale.ROOT) + " on " + plan.object().name() + " ('" + path[0]
          + "' is not a structured (JSON) field, so it has no nested fields)");
    }
    return path;
  }

  private static void checkNoOverlap(List<MappedField> fields) {
    Set<String> names = new HashSet<>();
    fields.forEach(f -> names.add(f.destination()));
    for (MappedField field : fields) {
      String name = field.destination();
      for (int dot = name.indexOf('.'); dot > 0 && field.path() != null; dot = name.indexOf('.', dot + 1)) {
        if (names.contains(name.substring(0, dot))) {
          throw new IllegalArgumentException("destination fields '" + name.substring(0, dot) + "' and '" + name
              + "' overlap; map either the whole value or its nested fields");
        }
      }
    }
  }

  private ValueCoercer openCoercer(String name) {
    return openCoercers.computeIfAbsent(name, n -> new ValueCoercer(openFields.field(n)));
  }

  public StreamPlan plan() {
    return plan;
  }

  /** Maps and coerces one record; {@code correlationId} is the engine's unique id for it. */
  public OutboundRecord map(ObjectNode data, String correlationId) throws CoercionException {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    Set<String> nullFields = Set.of();
    int[] size = {2};
    if (mappedFields.isEmpty()) {
      nullFields = mapIdentity(data, payload, size);
    } else {
      for (MappedField field : mappedFields) {
        JsonNode value = field.source().read(data);
        field.countMissing(data, value);
        if (value == null || value.isNull()) {
          if (field.nullPolicy() == NullPolicy.CLEAR) {
            nullFields = withNull(nullFields, field.coercer());
          }
          continue;
        }
        JsonNode coerced = field.coercer().coerce(value);
        if (field.path() == null) {
          put(payload, field.destination(), coerced, size);
        } else {
          putNested(payload, field.path(), coerced, size);
        }
      }
    }
    for (Map.Entry<String, ValueCoercer> root : nestedRoots.entrySet()) {
      JsonNode value = payload.get(root.getKey());
      if (value != null) {
        root.getValue().checkLength(value);
      }
    }
    for (String name : required) {
      JsonNode value = payload.get(name);
      if (value == null || value.isNull()) {
        throw new CoercionException(RejectionReason.MISSING_REQUIRED_FIELD, name,
            "Field '" + name + "' is required by " + plan.operation().name().toLowerCase(Locale.ROOT) + " on "
                + plan.object().name() + " but the record has no value for it");
      }
    }
    String key = null;
    if (matchingKey != null) {
      JsonNode keyValue = payload.get(matchingKey);
      if (keyValue == null || keyValue.isNull() || keyValue.asText().isBlank()) {
        throw new CoercionException(RejectionReason.NULL_MATCHING_KEY, matchingKey,
            "The matching key '" + matchingKey + "' is missing, null or blank, so the record cannot be matched");
      }
      key = keyValue.asText();
      if (keyOnly && payload.size() > 1) {
        payload.retain(matchingKey);
      }
    }
    return new OutboundRecord(correlationId, key, payload, nullFields, size[0] + nullFields.size() * 16);
  }

  /**
   * The source paths that records lacked altogether (no such property, as opposed to a null value), with
   * how many records lacked each: where the stream's schema is open a mistyped path shows up only here.
   */
  public List<MissingSource> missingSources() {
    List<MissingSource> missing = new ArrayList<>();
    for (MappedField field : mappedFields) {
      for (int i = 0; i < field.sourcePaths().size(); i++) {
        long count = field.missing()[i].sum();
        if (count > 0) {
          missing.add(new MissingSource(field.destination(), field.sourcePaths().get(i).toString(), count));
        }
      }
    }
    return missing;
  }

  /** A source path that {@code records} records lacked, read for destination field {@code destination}. */
  public record MissingSource(String destination, String path, long records) {}

  /** The key under which records collapse: the matching key, case-folded for email keys. */
  public String collapseKey(OutboundRecord record) {
    String key = record.matchingKey();
    return key != null && caseInsensitiveKey ? key.toLowerCase(Locale.ROOT) : key;
  }

  private Set<String> mapIdentity(ObjectNode data, ObjectNode payload, int[] size) throws CoercionException {
    Set<String> nullFields = Set.of();
    Iterator<Map.Entry<String, JsonNode>> fields = data.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      ValueCoercer coercer = writable.get(entry.getKey());
      if (coercer == null && openFields != null) {
        coercer = openCoercer(entry.getKey());
      }
      if (coercer == null) {
        if (!keyOnly) {
          unknownField.accept(entry.getKey());
        }
        continue;
      }
      JsonNode value = entry.getValue();
      if (value == null || value.isNull()) {
        if (identityNullPolicy == NullPolicy.CLEAR && !keyOnly) {
          nullFields = withNull(nullFields, coercer);
        }
        continue;
      }
      put(payload, entry.getKey(), coercer.coerce(value), size);
    }
    return nullFields;
  }

  private static Set<String> withNull(Set<String> nullFields, ValueCoercer coercer) throws CoercionException {
    DestinationField field = coercer.field();
    if (!field.nullable()) {
      throw new CoercionException(RejectionReason.INVALID_VALUE, field.name(),
          "Field '" + field.name() + "' cannot be cleared (the destination does not accept an empty value) "
              + "but the record's value is null and its null policy is 'clear'");
    }
    Set<String> result = nullFields.isEmpty() ? new HashSet<>() : nullFields;
    result.add(field.name());
    return result;
  }

  private static void put(ObjectNode payload, String name, JsonNode value, int[] size) {
    payload.set(name, value);
    size[0] += name.length() + FIELD_OVERHEAD + estimate(value);
  }

  private static void putNested(ObjectNode payload, String[] path, JsonNode value, int[] size) {
    ObjectNode parent = payload;
    for (int i = 0; i < path.length - 1; i++) {
      JsonNode child = parent.get(path[i]);
      if (!(child instanceof ObjectNode)) {
        child = parent.putObject(path[i]);
        size[0] += path[i].length() + FIELD_OVERHEAD + 2;
      }
      parent = (ObjectNode) child;
    }
    put(parent, path[path.length - 1], value, size);
  }

  private static int estimate(JsonNode value) {
    if (value.isTextual()) {
      return utf8Length(value.textValue()) + 2;
    }
    if (value.isArray()) {
      int total = 2;
      for (JsonNode item : value) {
        total += estimate(item) + 1;
      }
      return total;
    }
    if (value.isObject()) {
      int total = 2;
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        total += utf8Length(entry.getKey()) + FIELD_OVERHEAD + estimate(entry.getValue());
      }
      return total;
    }
    return NUMBER_SIZE;
  }

  private static int utf8Length(String text) {
    int length = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        length += c >= 0x800 && !Character.isSurrogate(c) ? 2 : 1;
      } else if (c == '"' || c == '\\' || c < 0x20) {
        length += 1;
      }
    }
    return length;
  }

  /**
   * One compiled mapping; {@code path} holds the segments of a nested destination, else null;
   * {@code sourcePaths} are the source paths it reads, with how many records lacked each ({@code missing}).
   */
  private record MappedField(String destination, String[] path, ValueSource source, NullPolicy nullPolicy,
      ValueCoercer coercer, List<SourcePath> sourcePaths, LongAdder[] missing, boolean direct) {

    /** Counts the paths this record lacks: a path source's value was just read, a template's are read here. */
    void countMissing(JsonNode data, JsonNode value) {
      if (direct) {
        if (value == null) {
          missing[0].increment();
        }
        return;
      }
      for (int i = 0; i < sourcePaths.size(); i++) {
        if (sourcePaths.get(i).read(data) == null) {
          missing[i].increment();
        }
      }
    }
  }
}
