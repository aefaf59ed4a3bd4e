package io.activationsuite.sandbox.salesforce;

/**
 * Immutable view of a Bulk ingest job, with the properties the job info resource returns.
 *
 * @param id job id (750 prefix)
 * @param object sObject name
 * @param operation operation
 * @param externalIdFieldName upsert key (null otherwise)
 * @param dialect CSV delimiter and line ending
 * @param apiVersion API version the job was created with, e.g. 62.0
 * @param createdById user id
 * @param createdDate creation time in Salesforce format
 * @param systemModstamp last change time in Salesforce format
 * @param state current state
 * @param errorMessage why the job failed (null otherwise)
 * @param numberRecordsProcessed rows processed (successful and failed)
 * @param numberRecordsFailed rows that failed
 * @param retries internal retries
 * @param totalProcessingTime milliseconds spent processing
 * @param uploadedBytes bytes of CSV uploaded
 */
public record BulkJobInfo(
    String id,
    String object,
    BulkOperation operation,
    String externalIdFieldName,
    CsvDialect dialect,
    String apiVersion,
    String createdById,
    String createdDate,
    String systemModstamp,
    BulkJobState state,
    String errorMessage,
    long numberRecordsProcessed,
    long numberRecordsFailed,
    int retries,
    long totalProcessingTime,
    long uploadedBytes) {

  /** The contentUrl the job advertises for uploads. */
  public String contentUrl() {
    return "services/data/v" + apiVersion + "/jobs/ingest/" + id + "/batches";
  }
}
