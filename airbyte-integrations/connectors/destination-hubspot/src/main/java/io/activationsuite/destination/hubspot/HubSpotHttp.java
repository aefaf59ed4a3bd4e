package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sink.http.Idempotency;
import java.io.IOException;

/**
 * How the connector's HubSpot logic talks to the API: authenticated, paced and retried JSON calls. The
 * implementation owns auth, rate limits and retries, so writers and discovery only see final answers
 * (any status that retrying cannot change).
 */
public interface HubSpotHttp extends AutoCloseable {

  /** {@code GET path} (path relative to the base URL, starting with {@code /}). */
  HubSpotResponse get(String path) throws IOException;

  /**
   * {@code POST path} with a JSON body. Only an {@link Idempotency#IDEMPOTENT} call (upsert, update, archive,
   * a read) is resent after it may have reached HubSpot; a create that may have arrived ends in a
   * {@code DeliveryUncertainException} instead of a possible duplicate.
   */
  HubSpotResponse post(String path, JsonNode body, Idempotency idempotency) throws IOException;

  /** The current access token (refreshed first when OAuth needs it), for token introspection. */
  String accessToken() throws IOException;

  @Override
  default void close() {}
}
