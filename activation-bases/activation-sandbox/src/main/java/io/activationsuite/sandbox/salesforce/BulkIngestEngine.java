package io.activationsuite.sandbox.salesforce;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bulk API 2.0 ingest: job lifecycle (Open, UploadComplete, InProgress, JobComplete/Failed/Aborted), CSV
 * upload rules, and asynchronous processing on a scheduler in chunks, with throughput from the
 * {@link BulkProcessingProfile}. Result rows are shuffled (seeded) because Salesforce does not keep input
 * order. Thread-safe.
 */
public final class BulkIngestEngine implements AutoCloseable {
  private final SchemaCatalog schema;
  private final RecordStore store;
  private final SalesforceIds ids;
  private final SalesforceFaults faults;
  private final ApiLimits limits;
  private final Clock clock;
  private final long seed;
  private final Map<String, BulkJob> jobs = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;
  private volatile BulkProcessingProfile profile;
  private volatile long maxUploadBytes;

  /** Creates the engine with its own two-thread scheduler. */
  public BulkIngestEngine(SchemaCatalog schema, RecordStore store, SalesforceIds ids, SalesforceFaults faults,
      ApiLimits limits, Clock clock, BulkProcessingProfile profile, long maxUploadBytes, long seed) {
    this.schema = schema;
    this.store = store;
    this.ids = ids;
    this.faults = faults;
    this.limits = limits;
    this.clock = clock;
    this.profile = profile;
    this.maxUploadBytes = maxUploadBytes;
    this.seed = seed;
    this.scheduler = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "sandbox-salesforce-bulk");
      t.setDaemon(true);
      return t;
    });
  }

  public void profile(BulkProcessingProfile value) {
    this.profile = value;
  }

  public BulkProcessingProfile profile() {
    return profile;
  }

  public void maxUploadBytes(long value) {
    this.maxUploadBytes = value;
  }

  /** Creates an Open job after validating the definition as Salesforce does. */
  public BulkJobInfo create(BulkJobRequest request) {
    BulkOperation operation = Optional.ofNullable(request.operation()).flatMap(BulkOperation::fromApiName)
        .orElseThrow(() -> invalidJob("InvalidJob : Invalid operation: " + request.operation()));
    if (request.object() == null || request.object().isBlank()) {
      throw invalidJob("InvalidJob : Object is required");
    }
    ObjectDescriptor object = schema.find(request.object()).orElseThrow(() -> new SalesforceApiException(400,
        "INVALIDENTITY", "InvalidEntity : Entity '" + request.object() + "' is not supported by the Bulk API."));
    boolean allowed = switch (operation) {
      case INSERT -> object.createable();
      case UPDATE -> object.updateable();
      case UPSERT -> object.createable() && object.updateable();
      case DELETE, HARD_DELETE -> object.deletable();
    };
    if (!allowed) {
      throw new SalesforceApiException(400, "INVALIDENTITY", "InvalidEntity : Entity '" + object.name()
          + "' is not supported for the " + operation.apiName() + " operation.");
    }
    String externalId = null;
    if (operation == BulkOperation.UPSERT) {
      if (request.externalIdFieldName() == null || request.externalIdFieldName().isBlank()) {
        throw invalidJob("InvalidJob : External ID field is required for upsert");
      }
      FieldDescriptor key = object.field(request.externalIdFieldName())
          .filter(f -> f.externalId() || f.type() == FieldType.ID)
          .orElseThrow(() -> invalidJob("InvalidJob : Field name provided, " + request.externalIdFieldName()
              + " is not an External ID or indexed field for " + object.name()));
      externalId = key.name();
    }
    if (request.contentType() != null && !request.contentType().equals("CSV")) {
      throw invalidJob("InvalidJob : Unsupported content type: " + request.contentType());
    }
    CsvDialect dialect;
    try {
      dialect = new CsvDialect(Optional.ofNullable(request.columnDelimiter()).orElse("COMMA"),
          Optional.ofNullable(request.lineEnding()).orElse("LF"));
    } catch (IllegalArgumentException e) {
      throw invalidJob("InvalidJob : " + e.getMessage());
    }
    String now = now();
    BulkJobInfo definition = new BulkJobInfo(ids.next("750"), object.name(), operation, externalId, dialect,
        request.apiVersion(), RecordStore.INTEGRATION_USER_ID, now, now, BulkJobState.Open, null, 0, 0, 0, 0, 0);
    BulkJob job = new BulkJob(definition);
    jobs.put(job.id(), job);
    return job.info();
  }

  /** Current info of a job. */
  public BulkJobInfo get(String jobId) {
    return job(jobId).info();
  }

  /** All jobs, oldest first. */
  public List<BulkJobInfo> list() {
    return jobs.values().stream().map(BulkJob::info)
        .sorted(Comparator.comparing(BulkJobInfo::createdDate).thenComparing(BulkJobInfo::id)).toList();
  }

  /** Stores the job's CSV (once, while Open, within the size limit). */
  public void upload(String jobId, byte[] body) {
    BulkJob job = job(jobId);
    synchronized (job) {
      if (job.state() != BulkJobState.Open) {
        throw new SalesforceApiException(409, "INVALIDJOBSTATE",
            "Job with id " + jobId + " is not in Open state; data can only be uploaded to an Open job");
      }
      if (job.hasData()) {
        throw new SalesforceApiException(400, "BULK_API_ERROR", "Found multiple contents for job: <" + jobId
            + ">, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and make sure you "
            + "only do 'PUT' once on a given Job.");
      }
      if (body.length > maxUploadBytes) {
        throw new SalesforceApiException(413, "REQUEST_ENTITY_TOO_LARGE",
            "The upload exceeds the maximum of " + maxUploadBytes + " bytes per job");
      }
      job.upload(new String(body, StandardCharsets.UTF_8), body.length);
    }
  }

  /** Moves a job to UploadComplete (starting processing) or Aborted. */
  public BulkJobInfo changeState(String jobId, String requested) {
    BulkJob job = job(jobId);
    synchronized (job) {
      BulkJobState current = job.state();
      if ("UploadComplete".equals(requested)) {
        if (current != BulkJobState.Open) {
          throw stateConflict(jobId, current);
        }
        job.transition(BulkJobState.UploadComplete, now());
        schedule(job, () -> start(job), profile.startDelay());
      } else if ("Aborted".equals(requested)) {
        if (current.isTerminal()) {
          throw stateConflict(jobId, current);
        }
        job.requestAbort();
        job.transition(BulkJobState.Aborted, now());
      } else {
        throw new SalesforceApiException(400, "INVALIDJOBSTATE", "Invalid state requested: " + requested
            + ". Valid values are UploadComplete and Aborted");
      }
      return job.info();
    }
  }

  /** Deletes a job that is not being processed. */
  public void delete(String jobId) {
    BulkJob job = job(jobId);
    BulkJobState state = job.state();
    if (state == BulkJobState.Open || state == BulkJobState.InProgress) {
      throw stateConflict(jobId, state);
    }
    jobs.remove(jobId);
  }

  /** {@code "sf__Id","sf__Created",<columns>} rows of processed successes, in shuffled order. */
  public String successfulResults(String jobId) {
    BulkJob job = job(jobId);
    return resultCsv(job, "sf__Created", job.successfulRows());
  }

  /** {@code "sf__Id","sf__Error",<columns>} rows of failures, in shuffled order. */
  public String failedResults(String jobId) {
    BulkJob job = job(jobId);
    return resultCsv(job, "sf__Error", job.failedRows());
  }

  /** Original rows never processed (failed or aborted job). */
  public String unprocessedRecords(String jobId) {
    BulkJob job = job(jobId);
    CsvWriter writer = new CsvWriter(job.definition().dialect());
    if (!job.header().isEmpty()) {
      writer.row(job.header(), 0);
    }
    job.unprocessedRows().forEach(r -> writer.row(r, 0));
    return writer.toString();
  }

  /** Forgets all jobs (for test isolation); running jobs stop at their next chunk. */
  public void clear() {
    jobs.values().forEach(BulkJob::requestAbort);
    jobs.clear();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private String resultCsv(BulkJob job, String secondColumn, List<BulkJob.ResultRow> rows) {
    CsvWriter writer = new CsvWriter(job.definition().dialect());
    List<String> header = new ArrayList<>(List.of("sf__Id", secondColumn));
    header.addAll(job.header());
    writer.row(header, 2);
    for (BulkJob.ResultRow row : rows) {
      List<String> cells = new ArrayList<>();
      cells.add(row.id() == null ? "" : row.id());
      cells.add(row.createdOrError());
      cells.addAll(row.cells());
      writer.row(cells, 2);
    }
    return writer.toString();
  }

  private void start(BulkJob job) {
    long started = System.nanoTime();
    List<List<String>> rows;
    synchronized (job) {
      if (job.abortRequested()) {
        job.transition(BulkJobState.Aborted, now());
        return;
      }
      job.transition(BulkJobState.InProgress, now());
    }
    BulkJobInfo def = job.definition();
    try {
      rows = CsvReader.parse(job.takeData(), def.dialect().delimiterChar(), def.dialect().lineEnding());
    } catch (CsvFormatException e) {
      job.fail("ClientInputError : " + e.getMessage(), now());
      return;
    }
    if (rows.isEmpty()) {
      job.transition(BulkJobState.JobComplete, now());
      return;
    }
    List<String> header = rows.get(0);
    job.header(header);
    List<List<String>> data = new ArrayList<>(rows.subList(1, rows.size()));
    ObjectDescriptor object = schema.find(def.object()).orElseThrow();
    Optional<String> headerError = headerError(object, def, header);
    if (headerError.isPresent()) {
      job.addUnprocessed(data);
      job.fail(headerError.get(), now());
      return;
    }
    for (int i = 0; i < data.size(); i++) {
      if (data.get(i).size() != header.size()) {
        job.addUnprocessed(data);
        job.fail("ClientInputError : Row " + (i + 1) + " has " + data.get(i).size() + " columns but the header has "
            + header.size(), now());
        return;
      }
    }
    Optional<SalesforceFaults.JobFailure> failure = faults.takeJobFailure();
    Random random = new Random(seed ^ job.id().hashCode());
    scheduleChunk(new Run(job, object, header, data, failure, random, started), 0);
  }

  /** State of one job's processing run. */
  private record Run(BulkJob job, ObjectDescriptor object, List<String> header, List<List<String>> data,
      Optional<SalesforceFaults.JobFailure> failure, Random random, long startedNanos) {
  }

  private void scheduleChunk(Run run, int offset) {
    int end = Math.min(run.data().size(), offset + profile.chunkSize());
    int limit = run.failure().map(f -> Math.min(end, Math.max(offset, f.afterRecords()))).orElse(end);
    schedule(run.job(), () -> processChunk(run, offset, limit), profile.chunkDuration(limit - offset));
  }

  private void processChunk(Run run, int offset, int end) {
    BulkJob job = run.job();
    if (job.abortRequested()) {
      finishEarly(run, offset, null);
      return;
    }
    if (end > offset) {
      processRows(run, run.data().subList(offset, end));
      limits.consumeBulkBatch();
    }
    if (run.failure().isPresent() && end >= run.failure().get().afterRecords() && end < run.data().size()) {
      finishEarly(run, end, run.failure().get().message());
      return;
    }
    if (end < run.data().size()) {
      scheduleChunk(run, end);
      return;
    }
    synchronized (job) {
      if (job.abortRequested()) {
        job.transition(BulkJobState.Aborted, now());
      } else if (run.failure().isPresent() && run.failure().get().afterRecords() < run.data().size()) {
        job.fail(run.failure().get().message(), now());
      } else {
        job.transition(BulkJobState.JobComplete, now());
      }
    }
  }

  private void finishEarly(Run run, int from, String failureMessage) {
    run.job().addUnprocessed(run.data().subList(from, run.data().size()));
    if (failureMessage == null) {
      run.job().transition(BulkJobState.Aborted, now());
    } else {
      run.job().fail(failureMessage, now());
    }
  }

  private void processRows(Run run, List<List<String>> rows) {
    BulkRowWriter writer = new BulkRowWriter(run.object(), run.job().definition(), run.header(), faults);
    List<BulkJob.ResultRow> ok = new ArrayList<>();
    List<BulkJob.ResultRow> errors = new ArrayList<>();
    store.atomically(tx -> {
      writer.write(tx, rows, ok, errors);
      return null;
    });
    Collections.shuffle(ok, run.random());
    Collections.shuffle(errors, run.random());
    long millis = Math.max(1, Duration.ofNanos(System.nanoTime() - run.startedNanos()).toMillis());
    run.job().addResults(ok, errors, millis, 0);
  }

  private static Optional<String> headerError(ObjectDescriptor object, BulkJobInfo def, List<String> header) {
    Set<String> seen = new HashSet<>();
    for (String column : header) {
      String name = column.trim();
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        return Optional.of("InvalidBatch : Duplicate field name: " + name);
      }
      if (def.operation().isDelete() && !name.equalsIgnoreCase("Id")) {
        continue;
      }
      if (object.field(name).isEmpty()) {
        return Optional.of("InvalidBatch : Field name not found : " + name);
      }
    }
    if (def.operation() != BulkOperation.INSERT && def.operation() != BulkOperation.UPSERT
        && !seen.contains("id")) {
      return Optional.of("InvalidBatch : Field name not found : Id");
    }
    return Optional.empty();
  }

  private void schedule(BulkJob job, Runnable task, Duration delay) {
    Runnable guarded = () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        // a defect in processing must not leave the job hanging in InProgress
        job.fail("InternalServerError : " + e.getClass().getSimpleName(), now());
      }
    };
    if (!scheduler.isShutdown()) {
      scheduler.schedule(guarded, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private BulkJob job(String jobId) {
    BulkJob job = jobs.get(jobId);
    if (job == null) {
      throw SalesforceApiException.notFound();
    }
    return job;
  }

  private String now() {
    return FieldValues.SALESFORCE_DATETIME.format(clock.instant().atOffset(ZoneOffset.UTC));
  }

  private static SalesforceApiException invalidJob(String message) {
    return new SalesforceApiException(400, "INVALIDJOB", message);
  }

  private static SalesforceApiException stateConflict(String jobId, BulkJobState state) {
    return new SalesforceApiException(409, "INVALIDJOBSTATE",
        "Job with id " + jobId + " is in state " + state + " and cannot be changed that way");
  }

  /** Job ids and states (for inspection). */
  public Map<String, BulkJobState> states() {
    Map<String, BulkJobState> states = new LinkedHashMap<>();
    list().forEach(j -> states.put(j.id(), j.state()));
    return states;
  }
}
