package io.activationsuite.sink.rejected;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON Schema of {@code object_storage_config} that every data-activation connector embeds in its spec, in
 * the shape the Airbyte platform reads (it looks up that key, {@code storage_type "S3"}, the bucket name,
 * region and bucket path to link to the rejected records). A third branch, {@code storage_type "Local"}, exists
 * for local runs only.
 */
public final class ObjectStorageSpec {
  private static final String RESOURCE = "object-storage-spec.json";
  private static final ObjectNode SCHEMA = load();

  private ObjectStorageSpec() {
  }

  /** A fresh copy of the property schema (the value of {@code properties.object_storage_config}). */
  public static ObjectNode propertySchema() {
    return SCHEMA.deepCopy();
  }

  /**
   * Adds {@code object_storage_config} to a connection specification's {@code properties}, with the given
   * {@code order}, and returns the same node.
   */
  public static ObjectNode addTo(ObjectNode connectionSpecification, int order) {
    ObjectNode property = propertySchema();
    property.put("order", order);
    connectionSpecification.withObjectProperty("properties").set(ObjectStorageConfig.PROPERTY, property);
    return connectionSpecification;
  }

  private static ObjectNode load() {
    try (InputStream in = ObjectStorageSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE);
      }
      return (ObjectNode) new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable resource " + RESOURCE, e);
    }
  }
}
