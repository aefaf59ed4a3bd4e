package io.activationsuite.sandbox.salesforce;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The org's data: records per sObject with unique-field indexes (external ids), soft-deleted ids, and
 * transactional writes so sObject Collections can honour {@code allOrNone}. All access goes through one
 * lock, which keeps concurrent connector requests and Bulk jobs consistent.
 */
public final class RecordStore {
  /** Owner id stamped on new records (the emulated integration user). */
  public static final String INTEGRATION_USER_ID = SalesforceIds.to18("005" + "8s" + "0000000001");

  private final SchemaCatalog schema;
  private final UserDirectory users;
  private final SalesforceIds ids;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Map<String, Map<String, Object>>> records = new HashMap<>();
  private final Map<String, Map<String, Map<String, String>>> uniqueIndexes = new HashMap<>();
  private final Set<String> deleted = new HashSet<>();

  public RecordStore(SchemaCatalog schema, SalesforceIds ids, Clock clock) {
    this(schema, ids, clock, null);
  }

  /** A store whose {@code OwnerId} (and other User references) must name one of {@code users}. */
  public RecordStore(SchemaCatalog schema, SalesforceIds ids, Clock clock, UserDirectory users) {
    this.users = users;
    this.schema = schema;
    this.ids = ids;
    this.clock = clock;
  }

  /** Runs {@code work} under the store lock; changes stay applied unless the transaction is rolled back. */
  public <T> T atomically(Function<Transaction, T> work) {
    lock.lock();
    try {
      return work.apply(new Transaction());
    } finally {
      lock.unlock();
    }
  }

  /** Snapshot of the live records of {@code objectName} (any case) in insertion order. */
  public List<Map<String, Object>> records(String objectName) {
    Optional<ObjectDescriptor> object = schema.find(objectName);
    if (object.isEmpty()) {
      return List.of();
    }
    return atomically(tx -> table(object.get().name()).values().stream()
        .map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList());
  }

  /** Snapshot of one live record by id (15 or 18 characters). */
  public Optional<Map<String, Object>> find(String id) {
    if (!SalesforceIds.isWellFormed(id)) {
      return Optional.empty();
    }
    String canonical = SalesforceIds.canonical(id);
    return atomically(tx -> schema.byKeyPrefix(canonical.substring(0, 3))
        .map(o -> table(o.name()).get(canonical))
        .map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))));
  }

  /** Live record counts per object name (objects without records are omitted). */
  public Map<String, Integer> counts() {
    return atomically(tx -> {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (ObjectDescriptor o : schema.all()) {
        int n = table(o.name()).size();
        if (n > 0) {
          counts.put(o.name(), n);
        }
      }
      return counts;
    });
  }

  /** Removes every record (for test isolation). */
  public void clear() {
    atomically(tx -> {
      records.clear();
      uniqueIndexes.clear();
      deleted.clear();
      return null;
    });
  }

  /** Records of an object by its canonical (schema) name. */
  private Map<String, Map<String, Object>> table(String canonicalObjectName) {
    return records.computeIfAbsent(canonicalObjectName, k -> new LinkedHashMap<>());
  }

  private Map<String, String> index(ObjectDescriptor object, FieldDescriptor field) {
    return uniqueIndexes.computeIfAbsent(object.name(), k -> new HashMap<>())
        .computeIfAbsent(field.name(), k -> new HashMap<>());
  }

  private static String key(Object value) {
    return value.toString().toLowerCase(Locale.ROOT);
  }

  private String now() {
    return FieldValues.SALESFORCE_DATETIME.format(clock.instant().atOffset(ZoneOffset.UTC));
  }

  /**
   * Writes made inside {@link #atomically}; each returns a {@link SaveResult} and records an undo step so
   * {@link #rollback()} can restore the state from before the transaction.
   */
  public final class Transaction {
    private final List<Runnable> undo = new ArrayList<>();

    private Transaction() {
    }

    /** Inserts a record after validation. */
    public SaveResult insert(ObjectDescriptor object, Map<FieldDescriptor, Object> values) {
      List<SaveError> errors = new ArrayList<>(RecordValidator.validate(object, values, true));
      if (errors.isEmpty()) {
        errors.addAll(relationalErrors(object, values, null));
      }
      if (!errors.isEmpty()) {
        return SaveResult.failed(null, errors);
      }
      String id = ids.next(object.keyPrefix());
      Map<String, Object> record = new LinkedHashMap<>();
      String now = now();
      for (FieldDescriptor f : object.fields()) {
        Object value = values.get(f);
        if (value == null) {
          value = defaultValue(f, id, now);
        }
        if (value != null) {
          record.put(f.name(), value);
        }
      }
      table(object.name()).put(id, record);
      indexRecord(object, id, record);
      undo.add(() -> {
        table(object.name()).remove(id);
        unindexRecord(object, record);
      });
      return SaveResult.ok(id, null);
    }

    /** Updates a live record by id after validation. */
    public SaveResult update(ObjectDescriptor object, String id, Map<FieldDescriptor, Object> values) {
      Optional<SaveError> idError = checkExisting(object, id);
      if (idError.isPresent()) {
        return SaveResult.failed(id, idError.get());
      }
      String canonical = SalesforceIds.canonical(id);
      List<SaveError> errors = new ArrayList<>(RecordValidator.validate(object, values, false));
      if (errors.isEmpty()) {
        errors.addAll(relationalErrors(object, values, canonical));
      }
      if (!errors.isEmpty()) {
        return SaveResult.failed(canonical, errors);
      }
      Map<String, Object> record = table(object.name()).get(canonical);
      Map<String, Object> before = new LinkedHashMap<>(record);
      unindexRecord(object, record);
      values.forEach((f, v) -> {
        if (v == null) {
          record.remove(f.name());
        } else {
          record.put(f.name(), v);
        }
      });
      String now = now();
      record.put("LastModifiedDate", now);
      record.put("SystemModstamp", now);
      indexRecord(object, canonical, record);
      undo.add(() -> {
        unindexRecord(object, record);
        record.clear();
        record.putAll(before);
        indexRecord(object, canonical, record);
      });
      return SaveResult.ok(canonical, null);
    }

    /**
     * Upserts by {@code keyField} (an external id field or {@code Id}): updates the matching record or
     * inserts a new one; the result's {@code created} says which.
     */
    public SaveResult upsert(ObjectDescriptor object, FieldDescriptor keyField, Map<FieldDescriptor, Object> values) {
      Object keyValue = values.get(keyField);
      if (keyField.type() == FieldType.ID) {
        Map<FieldDescriptor, Object> rest = new LinkedHashMap<>(values);
        rest.remove(keyField);
        if (keyValue == null) {
          return created(insert(object, rest), true);
        }
        return created(update(object, keyValue.toString(), rest), false);
      }
      if (keyValue == null) {
        return SaveResult.failed(null, SaveError.of(StatusCode.MISSING_ARGUMENT,
            keyField.name() + " not specified", keyField.name()));
      }
      List<String> matches = matching(object, keyField, keyValue);
      if (matches.size() > 1) {
        return SaveResult.failed(null, SaveError.of(StatusCode.DUPLICATE_EXTERNAL_ID, keyField.label()
            + ": more than one record found for external id field: " + matches, keyField.name()));
      }
      if (matches.isEmpty()) {
        return created(insert(object, values), true);
      }
      return created(update(object, matches.get(0), values), false);
    }

    /** Soft-deletes a record (it stays known as deleted). */
    public SaveResult delete(String id) {
      if (!SalesforceIds.isWellFormed(id)) {
        return SaveResult.failed(id, SaveError.of(StatusCode.MALFORMED_ID, "malformed id " + id));
      }
      String canonical = SalesforceIds.canonical(id);
      Optional<ObjectDescriptor> object = schema.byKeyPrefix(canonical.substring(0, 3));
      if (object.isEmpty()) {
        return SaveResult.failed(canonical, SaveError.of(StatusCode.INVALID_CROSS_REFERENCE_KEY,
            "invalid cross reference id"));
      }
      Optional<SaveError> idError = checkExisting(object.get(), canonical);
      if (idError.isPresent()) {
        return SaveResult.failed(canonical, idError.get());
      }
      if (!object.get().deletable()) {
        return SaveResult.failed(canonical, SaveError.of(StatusCode.INSUFFICIENT_ACCESS_OR_READONLY,
            "insufficient access rights on object id"));
      }
      Map<String, Object> record = table(object.get().name()).remove(canonical);
      unindexRecord(object.get(), record);
      deleted.add(canonical);
      undo.add(() -> {
        deleted.remove(canonical);
        table(object.get().name()).put(canonical, record);
        indexRecord(object.get(), canonical, record);
      });
      return SaveResult.ok(canonical, null);
    }

    /** Undoes every write of this transaction, newest first. */
    public void rollback() {
      for (int i = undo.size() - 1; i >= 0; i--) {
        undo.get(i).run();
      }
      undo.clear();
    }

    private SaveResult created(SaveResult result, boolean created) {
      return result.success() ? SaveResult.ok(result.id(), created) : result;
    }

    private Optional<SaveError> checkExisting(ObjectDescriptor object, String id) {
      if (!SalesforceIds.isWellFormed(id) || !id.startsWith(object.keyPrefix())) {
        return Optional.of(SaveError.of(StatusCode.MALFORMED_ID,
            object.label() + " ID: id value of incorrect type: " + id, "Id"));
      }
      String canonical = SalesforceIds.canonical(id);
      if (deleted.contains(canonical)) {
        return Optional.of(SaveError.of(StatusCode.ENTITY_IS_DELETED, "entity is deleted"));
      }
      if (!table(object.name()).containsKey(canonical)) {
        return Optional.of(SaveError.of(StatusCode.INVALID_CROSS_REFERENCE_KEY, "invalid cross reference id"));
      }
      return Optional.empty();
    }

    private List<String> matching(ObjectDescriptor object, FieldDescriptor field, Object value) {
      if (field.unique()) {
        String id = index(object, field).get(key(value));
        return id == null ? List.of() : List.of(id);
      }
      String wanted = key(value);
      return table(object.name()).entrySet().stream()
          .filter(e -> e.getValue().get(field.name()) != null && key(e.getValue().get(field.name())).equals(wanted))
          .map(Map.Entry::getKey).toList();
    }

    private List<SaveError> relationalErrors(ObjectDescriptor object, Map<FieldDescriptor, Object> values,
        String selfId) {
      List<SaveError> errors = new ArrayList<>();
      for (Map.Entry<FieldDescriptor, Object> e : values.entrySet()) {
        FieldDescriptor f = e.getKey();
        Object v = e.getValue();
        if (v == null) {
          continue;
        }
        if (f.unique()) {
          String owner = index(object, f).get(key(v));
          if (owner != null && !owner.equals(selfId)) {
            errors.add(SaveError.of(StatusCode.DUPLICATE_VALUE,
                "duplicate value found: " + f.name() + " duplicates value on record with id: " + owner));
          }
        }
        if (f.type() == FieldType.REFERENCE) {
          referenceError(f, v.toString()).ifPresent(errors::add);
        }
      }
      return errors;
    }

    private Optional<SaveError> referenceError(FieldDescriptor field, String id) {
      List<ObjectDescriptor> targets = field.referenceTo().stream().map(schema::find)
          .flatMap(Optional::stream).toList();
      if (targets.isEmpty() && users != null && field.referenceTo().contains("User")) {
        return users.contains(id) ? Optional.empty() : Optional.of(SaveError.of(
            id.startsWith("005") ? StatusCode.INVALID_CROSS_REFERENCE_KEY : StatusCode.MALFORMED_ID,
            id.startsWith("005") ? "invalid cross reference id" : field.label() + ": id value of incorrect type: " + id,
            field.name()));
      }
      if (targets.isEmpty()) {
        return Optional.empty();
      }
      String canonical = SalesforceIds.canonical(id);
      Optional<ObjectDescriptor> target = targets.stream()
          .filter(t -> canonical.startsWith(t.keyPrefix())).findFirst();
      if (target.isEmpty()) {
        return Optional.of(SaveError.of(StatusCode.MALFORMED_ID,
            field.label() + ": id value of incorrect type: " + id, field.name()));
      }
      if (!table(target.get().name()).containsKey(canonical)) {
        return Optional.of(SaveError.of(StatusCode.INVALID_CROSS_REFERENCE_KEY,
            "invalid cross reference id", field.name()));
      }
      return Optional.empty();
    }

    private Object defaultValue(FieldDescriptor field, String id, String now) {
      return switch (field.name()) {
        case "Id" -> id;
        case "OwnerId" -> field.defaultedOnCreate() ? INTEGRATION_USER_ID : null;
        case "CreatedDate", "LastModifiedDate", "SystemModstamp" -> now;
        default -> {
          if (field.type() == FieldType.BOOLEAN) {
            yield Boolean.FALSE;
          }
          if (field.defaultedOnCreate() && !field.picklistValues().isEmpty()) {
            yield field.picklistValues().get(0).value();
          }
          yield null;
        }
      };
    }
  }

  private void indexRecord(ObjectDescriptor object, String id, Map<String, Object> record) {
    for (FieldDescriptor f : object.fields()) {
      Object v = record.get(f.name());
      if (f.unique() && v != null) {
        index(object, f).put(key(v), id);
      }
    }
  }

  private void unindexRecord(ObjectDescriptor object, Map<String, Object> record) {
    for (FieldDescriptor f : object.fields()) {
      Object v = record.get(f.name());
      if (f.unique() && v != null) {
        index(object, f).remove(key(v));
      }
    }
  }
}
