package io.activationsuite.sandbox.salesforce;

import java.util.Arrays;
import java.util.Optional;

/** The Bulk API 2.0 ingest operations, with their API spelling. */
public enum BulkOperation {
  INSERT("insert"),
  UPDATE("update"),
  UPSERT("upsert"),
  DELETE("delete"),
  HARD_DELETE("hardDelete");

  private final String apiName;

  BulkOperation(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  /** Whether the operation only takes record ids. */
  public boolean isDelete() {
    return this == DELETE || this == HARD_DELETE;
  }

  /** Operation by its exact API name. */
  public static Optional<BulkOperation> fromApiName(String name) {
    return Arrays.stream(values()).filter(o -> o.apiName.equals(name)).findFirst();
  }
}
