package io.activationsuite.sink.api;

import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An authenticated session with the destination API for one command (check, discover or write). It
 * holds the connector's HTTP client, auth and rate limiter, shared by every stream of a sync.
 */
public interface ApiSession extends AutoCloseable {

  /**
   * Verifies credentials and the permissions needed to write {@code objectNames} (empty: the basic
   * permissions). FAILED messages must say what to fix.
   */
  AirbyteConnectionStatus check(Set<String> objectNames) throws Exception;

  /**
   * Like {@link #check(Set)}, knowing which operations the mappings use on each object (a permission only
   * some operations need is checked only when they are used). Default: {@link #check(Set)} of the names.
   */
  default AirbyteConnectionStatus check(Map<String, Set<Operation>> operationsByObject) throws Exception {
    return check(operationsByObject.keySet());
  }

  /** Every object this account can write, with fields and operations, from the live API. */
  List<DestinationObject> objects() throws Exception;

  /**
   * Only the named objects (those a check or a write uses); unknown or unwritable names are left out.
   * Connectors whose discovery costs one call per object (Salesforce describe) override this, so a sync
   * does not describe the whole account.
   */
  default List<DestinationObject> objects(Set<String> names) throws Exception {
    return objects().stream().filter(object -> names.contains(object.name())).toList();
  }

  /**
   * The lookups mappings may name (e.g. {@code user_by_email}); each is used through the engine's cache.
   * Default: none.
   */
  default List<Lookup> lookups() {
    return List.of();
  }

  /** The writer of one stream plan. Called once per stream at the start of a write. */
  BatchWriter writer(StreamPlan plan) throws Exception;

  @Override
  default void close() throws Exception {}
}
