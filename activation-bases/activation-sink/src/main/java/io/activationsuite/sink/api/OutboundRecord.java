package io.activationsuite.sink.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * A record ready for the API: mapped to destination field names and coerced to canonical JSON values.
 *
 * @param correlationId unique within the sync; connectors pass it to APIs that echo an id per input
 *     (HubSpot {@code objectWriteTraceId}, a Salesforce bulk correlation column) to join results back
 * @param matchingKey the value of the matching key, or null for INSERT
 * @param payload destination field name to canonical value (see {@link FieldType}); for ARCHIVE and
 *     DELETE it holds only the matching key
 * @param nullFields destination fields the record explicitly clears (null policy "clear")
 * @param sizeBytes approximate serialised size, for batch byte limits
 */
public record OutboundRecord(
    String correlationId, String matchingKey, ObjectNode payload, Set<String> nullFields, int sizeBytes) {}
