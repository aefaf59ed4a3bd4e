package io.activationsuite.sandbox.salesforce;

import java.util.ArrayList;
import java.util.List;

/**
 * One Bulk ingest job: its definition, uploaded CSV, state and result rows. Mutations are synchronized
 * because HTTP threads (upload, close, abort, polls) and the processing scheduler touch it concurrently.
 */
public final class BulkJob {
  /** A result row: the original cells plus the id and either the created flag or the error. */
  public record ResultRow(String id, String createdOrError, List<String> cells) {
    /** Defensive copy. */
    public ResultRow {
      cells = List.copyOf(cells);
    }
  }

  private final BulkJobInfo definition;
  private BulkJobState state = BulkJobState.Open;
  private String systemModstamp;
  private String errorMessage;
  private String csv;
  private long uploadedBytes;
  private List<String> header = List.of();
  private final List<ResultRow> successful = new ArrayList<>();
  private final List<ResultRow> failed = new ArrayList<>();
  private final List<List<String>> unprocessed = new ArrayList<>();
  private long processingMillis;
  private int retries;
  private boolean abortRequested;

  BulkJob(BulkJobInfo definition) {
    this.definition = definition;
    this.systemModstamp = definition.createdDate();
  }

  public String id() {
    return definition.id();
  }

  public BulkJobInfo definition() {
    return definition;
  }

  /** Current view of the job. */
  public synchronized BulkJobInfo info() {
    return new BulkJobInfo(definition.id(), definition.object(), definition.operation(),
        definition.externalIdFieldName(), definition.dialect(), definition.apiVersion(), definition.createdById(),
        definition.createdDate(), systemModstamp, state, errorMessage, successful.size() + (long) failed.size(),
        failed.size(), retries, processingMillis, uploadedBytes);
  }

  public synchronized BulkJobState state() {
    return state;
  }

  synchronized boolean hasData() {
    return csv != null;
  }

  synchronized void upload(String data, long bytes) {
    csv = data;
    uploadedBytes = bytes;
  }

  synchronized String takeData() {
    String data = csv == null ? "" : csv;
    return data;
  }

  synchronized void transition(BulkJobState next, String now) {
    state = next;
    systemModstamp = now;
  }

  synchronized void fail(String message, String now) {
    errorMessage = message;
    transition(BulkJobState.Failed, now);
  }

  synchronized void requestAbort() {
    abortRequested = true;
  }

  synchronized boolean abortRequested() {
    return abortRequested;
  }

  synchronized void header(List<String> columns) {
    header = List.copyOf(columns);
  }

  /** Column names of the uploaded CSV (empty before processing starts). */
  public synchronized List<String> header() {
    return header;
  }

  synchronized void addResults(List<ResultRow> ok, List<ResultRow> errors, long millis, int extraRetries) {
    successful.addAll(ok);
    failed.addAll(errors);
    processingMillis = millis;
    retries += extraRetries;
  }

  synchronized void addUnprocessed(List<List<String>> rows) {
    unprocessed.addAll(rows);
  }

  /** Successful rows so far, in processing order. */
  public synchronized List<ResultRow> successfulRows() {
    return List.copyOf(successful);
  }

  /** Failed rows so far, in processing order. */
  public synchronized List<ResultRow> failedRows() {
    return List.copyOf(failed);
  }

  /** Rows never processed (job failed or aborted). */
  public synchronized List<List<String>> unprocessedRows() {
    return List.copyOf(unprocessed);
  }
}
