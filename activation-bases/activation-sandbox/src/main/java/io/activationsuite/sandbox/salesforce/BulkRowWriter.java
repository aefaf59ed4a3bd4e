package io.activationsuite.sandbox.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies Bulk CSV rows to the record store with Salesforce's CSV semantics: an empty cell leaves the field
 * unchanged (null on insert), {@code #N/A} sets it to null, values that do not parse as the field type
 * fail the row, duplicated upsert keys within a chunk fail every row that carries them.
 */
final class BulkRowWriter {
  /** Cell value that explicitly sets a field to null. */
  static final String NULL_MARKER = "#N/A";

  private final ObjectDescriptor object;
  private final BulkJobInfo job;
  private final List<Optional<FieldDescriptor>> columns;
  private final int idColumn;
  private final SalesforceFaults faults;

  BulkRowWriter(ObjectDescriptor object, BulkJobInfo job, List<String> header, SalesforceFaults faults) {
    this.object = object;
    this.job = job;
    this.faults = faults;
    this.columns = header.stream().map(h -> object.field(h.trim())).toList();
    int id = -1;
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).trim().equalsIgnoreCase("Id")) {
        id = i;
      }
    }
    this.idColumn = id;
  }

  void write(RecordStore.Transaction tx, List<List<String>> rows, List<BulkJob.ResultRow> ok,
      List<BulkJob.ResultRow> errors) {
    Set<String> duplicateKeys = duplicateKeys(rows);
    for (List<String> row : rows) {
      String rowId = idColumn >= 0 && !row.get(idColumn).isBlank() ? row.get(idColumn).trim() : null;
      SaveResult result = writeRow(tx, row, rowId, duplicateKeys);
      if (result.success()) {
        String created = result.created() != null ? result.created().toString()
            : Boolean.toString(job.operation() == BulkOperation.INSERT);
        ok.add(new BulkJob.ResultRow(result.id(), created, row));
      } else {
        String id = result.id() != null ? result.id() : rowId;
        errors.add(new BulkJob.ResultRow(id, result.errors().get(0).toBulkCell(), row));
      }
    }
  }

  private SaveResult writeRow(RecordStore.Transaction tx, List<String> row, String rowId, Set<String> duplicates) {
    if (faults.takeRecordLock()) {
      return SaveResult.failed(rowId, SalesforceFaults.lockError(rowId));
    }
    if (job.operation().isDelete()) {
      return rowId == null ? missingId("delete") : tx.delete(rowId);
    }
    Map<FieldDescriptor, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < row.size(); i++) {
      if (i == idColumn) {
        continue;
      }
      FieldDescriptor field = columns.get(i).orElseThrow();
      String cell = row.get(i);
      if (cell.isEmpty()) {
        continue;
      }
      if (cell.equals(NULL_MARKER)) {
        values.put(field, null);
        continue;
      }
      try {
        values.put(field, FieldValues.convert(field, cell));
      } catch (FieldConversionException e) {
        return SaveResult.failed(rowId, SaveError.of(StatusCode.INVALID_FIELD, "Failed to deserialize field at col "
            + (i + 1) + ". Due to, " + e.getMessage(), field.name()));
      }
    }
    return switch (job.operation()) {
      case INSERT -> {
        if (rowId != null) {
          values.put(object.field("Id").orElseThrow(), rowId);
        }
        yield tx.insert(object, values);
      }
      case UPDATE -> rowId == null ? missingId("update") : tx.update(object, rowId, values);
      case UPSERT -> upsert(tx, values, rowId, duplicates);
      case DELETE, HARD_DELETE -> throw new IllegalStateException("handled above");
    };
  }

  private SaveResult upsert(RecordStore.Transaction tx, Map<FieldDescriptor, Object> values, String rowId,
      Set<String> duplicates) {
    FieldDescriptor key = object.field(job.externalIdFieldName()).orElseThrow();
    if (key.type() == FieldType.ID) {
      if (rowId != null) {
        values.put(key, rowId);
      }
      return tx.upsert(object, key, values);
    }
    Object keyValue = values.get(key);
    if (keyValue != null && duplicates.contains(DuplicateKeys.normalize(keyValue))) {
      return SaveResult.failed(null, DuplicateKeys.error(keyValue));
    }
    return tx.upsert(object, key, values);
  }

  private Set<String> duplicateKeys(List<List<String>> rows) {
    if (job.operation() != BulkOperation.UPSERT || job.externalIdFieldName().equalsIgnoreCase("Id")) {
      return Set.of();
    }
    int keyColumn = -1;
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).map(f -> f.name().equals(job.externalIdFieldName())).orElse(false)) {
        keyColumn = i;
      }
    }
    if (keyColumn < 0) {
      return Set.of();
    }
    List<String> keys = new ArrayList<>();
    for (List<String> row : rows) {
      String v = row.get(keyColumn);
      keys.add(v.isEmpty() || v.equals(NULL_MARKER) ? null : v);
    }
    return DuplicateKeys.find(keys);
  }

  private static SaveResult missingId(String call) {
    return SaveResult.failed(null, SaveError.of(StatusCode.MISSING_ARGUMENT, "Id not specified in an " + call
        + " call", "Id"));
  }
}
