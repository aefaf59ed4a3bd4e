package io.activationsuite.sink.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.ObjectOperation;

/** Lets tests of other packages read the schema of one discovered operation. */
public final class DestinationCatalogBuilderAccess {
  private DestinationCatalogBuilderAccess() {}

  /** The JSON schema discovery gives {@code operation} on {@code object}. */
  public static ObjectNode schema(DestinationObject object, ObjectOperation operation) {
    return (ObjectNode) DestinationCatalogBuilder.operation(object, operation).jsonSchema();
  }
}
