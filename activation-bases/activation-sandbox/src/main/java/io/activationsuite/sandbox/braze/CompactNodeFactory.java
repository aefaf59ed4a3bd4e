package io.activationsuite.sandbox.braze;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;

/**
 * Builds the JSON objects of a parsed {@code /users/track} request on a {@link FieldMap} instead of a
 * {@code LinkedHashMap}: the same nodes, fields and order, at a fraction of the allocation for the many small
 * objects a request carries.
 */
final class CompactNodeFactory extends JsonNodeFactory {

  static final CompactNodeFactory INSTANCE = new CompactNodeFactory();
  /** Reads JSON trees built by this factory. */
  static final ObjectReader READER = Json.treeReader(INSTANCE);
  private static final long serialVersionUID = 1L;

  private CompactNodeFactory() {
  }

  @Override
  public ObjectNode objectNode() {
    return new ObjectNode(this, new FieldMap<>());
  }
}
