package io.activationsuite.destination.salesforce.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.destination.salesforce.http.ApiError;
import io.activationsuite.destination.salesforce.http.SalesforceRest;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.SystemErrorException;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.DeliveryUncertainException;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.http.ApiResponse;
import io.activationsuite.sink.http.Idempotency;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bulk API 2.0 ingest job calls: create, upload the CSV, mark UploadComplete, read the status, read
 * the successful, failed and unprocessed results, abort. When to poll is the engine's job (see
 * {@link BulkWriter}).
 */
public final class BulkJobClient {
  private static final Logger LOG = LoggerFactory.getLogger(BulkJobClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SalesforceRest http;

  public BulkJobClient(SalesforceRest http) {
    this.http = http;
  }

  /** Creates an Open job. */
  public JobInfo create(String object, BulkOperation operation, String externalIdField) {
    String body = createBody(object, operation, externalIdField);
    // safe to resend: a job nobody uploads to and closes is never processed, so a duplicate applies nothing
    ApiResponse response = http.send("POST", "jobs/ingest", RequestBody.create(body, SalesforceRest.JSON),
        Idempotency.IDEMPOTENT);
    if (!response.isSuccessful()) {
      String what = "Salesforce refused to create a Bulk API " + operation.wireName() + " job on " + object + " ("
          + ApiError.describe(response) + ")";
      if (response.status() == 400 || response.status() == 403 || response.status() == 404) {
        throw new ConfigErrorException(what + ": check the object, the matching key and the user's permissions.");
      }
      throw new SystemErrorException(what);
    }
    return JobInfo.of(read(response));
  }

  /**
   * The calls {@link #create}, {@link #upload} and {@link #close} make for one job, as a preview shows them
   * ({@code {jobId}} in place of the id Salesforce gives).
   */
  public List<PlannedRequest> planned(String object, BulkOperation operation, String externalIdField, byte[] csv) {
    String job = "jobs/ingest/{jobId}";
    String json = SalesforceRest.JSON.toString();
    return List.of(new PlannedRequest("POST", http.path("jobs/ingest"), json,
            createBody(object, operation, externalIdField)),
        new PlannedRequest("PUT", http.path(job + "/batches"), SalesforceRest.CSV.toString(),
            new String(csv, StandardCharsets.UTF_8)),
        new PlannedRequest("PATCH", http.path(job), json, stateBody("UploadComplete")));
  }

  private static String createBody(String object, BulkOperation operation, String externalIdField) {
    ObjectNode body = JSON.createObjectNode()
        .put("object", object)
        .put("operation", operation.wireName())
        .put("contentType", "CSV")
        .put("columnDelimiter", "COMMA")
        .put("lineEnding", "LF");
    if (operation == BulkOperation.UPSERT) {
      body.put("externalIdFieldName", externalIdField);
    }
    return body.toString();
  }

  private static String stateBody(String state) {
    return JSON.createObjectNode().put("state", state).toString();
  }

  /**
   * Uploads the job's CSV; a refused upload aborts the job and rejects the batch for splitting. An upload that
   * may or may not have arrived is not resent (the rows could be in the job twice): it throws a
   * {@code DeliveryUncertainException}, and the caller aborts the job, which Salesforce then never processes.
   */
  public void upload(String jobId, byte[] csv) throws BatchRejectedException {
    ApiResponse response = http.send("PUT", "jobs/ingest/" + jobId + "/batches",
        RequestBody.create(csv, SalesforceRest.CSV), Idempotency.NOT_IDEMPOTENT);
    if (!response.isSuccessful()) {
      abortQuietly(jobId);
      if (response.status() == 400) {
        throw new BatchRejectedException(400, RejectionReason.REFUSED_BY_API, ApiError.describe(response));
      }
      throw new SystemErrorException("Salesforce refused the upload of bulk job " + jobId + " ("
          + ApiError.describe(response) + ")");
    }
  }

  /**
   * Marks the upload complete so Salesforce starts processing. When the answer is lost, the job's state tells
   * whether it arrived: still Open means it did not, and it is sent again; any other state means it did.
   */
  public void close(String jobId) {
    try {
      setState(jobId, "UploadComplete", Idempotency.NOT_IDEMPOTENT);
    } catch (DeliveryUncertainException e) {
      JobState state = status(jobId).state();
      LOG.info("Bulk job {}: the answer to UploadComplete was lost; the job is {}", jobId, state);
      if (state == JobState.Open) {
        setState(jobId, "UploadComplete", Idempotency.NOT_IDEMPOTENT);
      }
    }
  }

  /** Aborts a job, ignoring failures (used on the error path). */
  public void abortQuietly(String jobId) {
    try {
      setState(jobId, "Aborted", Idempotency.IDEMPOTENT);
    } catch (RuntimeException e) {
      LOG.warn("Could not abort bulk job {}: {}", jobId, e.getMessage());
    }
  }

  /** The job's current status. */
  public JobInfo status(String jobId) {
    ApiResponse response = http.get("jobs/ingest/" + jobId);
    if (!response.isSuccessful()) {
      throw new SystemErrorException("Could not read the status of bulk job " + jobId + " ("
          + ApiError.describe(response) + ")");
    }
    return JobInfo.of(read(response));
  }

  /** Reads the three result documents of a terminal job (unprocessed rows only when not complete). */
  public BulkResults results(JobInfo job) {
    String successful = result(job.id(), "successfulResults");
    String failed = result(job.id(), "failedResults");
    String unprocessed = job.state() == JobState.JobComplete ? "" : result(job.id(), "unprocessedrecords");
    return new BulkResults(job.state(), job.errorMessage(), successful, failed, unprocessed);
  }

  private String result(String jobId, String kind) {
    ApiResponse response = http.get("jobs/ingest/" + jobId + "/" + kind);
    if (!response.isSuccessful()) {
      throw new SystemErrorException("Could not read " + kind + " of bulk job " + jobId + " ("
          + ApiError.describe(response) + ")");
    }
    return response.bodyString();
  }

  private void setState(String jobId, String state, Idempotency idempotency) {
    ApiResponse response = http.send("PATCH", "jobs/ingest/" + jobId,
        RequestBody.create(stateBody(state), SalesforceRest.JSON), idempotency);
    if (!response.isSuccessful()) {
      throw new SystemErrorException("Could not set bulk job " + jobId + " to " + state + " ("
          + ApiError.describe(response) + ")");
    }
  }

  private static JsonNode read(ApiResponse response) {
    try {
      return JSON.readTree(response.bodyString());
    } catch (IOException e) {
      throw new SystemErrorException("Salesforce answered a bulk job call with unreadable JSON", e);
    }
  }
}
