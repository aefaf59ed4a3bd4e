package io.activationsuite.sandbox.salesforce;

/**
 * The body of a create-job request, as sent by the client (values not yet validated).
 *
 * @param object sObject name
 * @param operation operation API name
 * @param externalIdFieldName upsert key field (required for upsert)
 * @param contentType must be CSV when given
 * @param lineEnding LF or CRLF (default LF)
 * @param columnDelimiter delimiter name (default COMMA)
 * @param apiVersion version from the request path, e.g. 62.0
 */
public record BulkJobRequest(String object, String operation, String externalIdFieldName, String contentType,
    String lineEnding, String columnDelimiter, String apiVersion) {
}
