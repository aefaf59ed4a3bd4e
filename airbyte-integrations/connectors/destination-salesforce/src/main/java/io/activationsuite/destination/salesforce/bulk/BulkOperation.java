package io.activationsuite.destination.salesforce.bulk;

import io.activationsuite.sink.api.Operation;

/** The Bulk API 2.0 ingest operation of one job, derived from the engine's operation. */
public enum BulkOperation {
  INSERT("insert"),
  UPDATE("update"),
  UPSERT("upsert"),
  DELETE("delete");

  private final String wireName;

  BulkOperation(String wireName) {
    this.wireName = wireName;
  }

  /** The value of the job's {@code operation} field. */
  public String wireName() {
    return wireName;
  }

  /** The bulk operation for an engine operation (ARCHIVE is not offered by Salesforce). */
  public static BulkOperation of(Operation operation) {
    return switch (operation) {
      case INSERT -> INSERT;
      case UPDATE -> UPDATE;
      case UPSERT -> UPSERT;
      case DELETE, ARCHIVE -> DELETE;
    };
  }
}
