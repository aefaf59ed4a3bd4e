package io.activationsuite.localsync.cdc;

/**
 * What the diff of one stream found. {@code created}, {@code updated} and {@code unchanged} count keys
 * (a row without a key value counts as created: it is always sent, the connector rejects it);
 * {@code removed} counts keys that left the model; {@code rowsToSend} are the rows sent (every row of a
 * changed key, so the connector merges them as it would in a full sync).
 *
 * @param keyed whether the stream has a key to compare by (else every row is sent)
 * @param sendTable the temporary table with the rows to send ({@code __ord} gives the order)
 * @param removedTable the temporary table with the removed keys ({@code __ord}, {@code __key})
 */
public record StreamChanges(
    String stream, boolean keyed, long created, long updated, long unchanged, long removed, long rowsToSend,
    String sendTable, String removedTable) {
}
