package io.activationsuite.destination.salesforce;

import io.activationsuite.destination.salesforce.bulk.BulkJobClient;
import io.activationsuite.destination.salesforce.bulk.BulkWriter;
import io.activationsuite.destination.salesforce.collections.CollectionsWriter;
import io.activationsuite.destination.salesforce.describe.ObjectCatalog;
import io.activationsuite.destination.salesforce.http.SalesforceRest;
import io.activationsuite.destination.salesforce.lookup.UserByEmail;
import io.activationsuite.destination.salesforce.write.AutoWriter;
import io.activationsuite.destination.salesforce.write.NullCellRouter;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.JobLimits;
import io.activationsuite.sink.api.Lookup;
import io.activationsuite.sink.api.PollSchedule;
import io.activationsuite.sink.api.StreamPlan;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One authenticated session with an org: check, discover, and a writer per stream plan built for the
 * configured write strategy.
 */
public final class SalesforceSession implements ApiSession {
  /**
   * Bulk jobs running at once per sync: Salesforce processes ingest jobs in parallel and publishes no
   * limit on open jobs; ten keep a 20,000-record sync as fast per record as a large one.
   */
  static final int MAX_BULK_JOBS_IN_FLIGHT = 10;
  /** Longest a bulk job may run before the sync stops (the next sync resumes from the last checkpoint). */
  static final Duration BULK_JOB_TIMEOUT = Duration.ofHours(2);
  private final SalesforceConfig config;
  private final SalesforceRest http;
  private final BulkJobClient jobs;
  private final ObjectCatalog catalog;
  private final Runnable onClose;
  private final List<Lookup> lookups;

  public SalesforceSession(SalesforceConfig config, SalesforceRest http, BulkJobClient jobs, Runnable onClose) {
    this.config = config;
    this.http = http;
    this.jobs = jobs;
    this.catalog = new ObjectCatalog(http);
    this.onClose = onClose;
    this.lookups = List.of(UserByEmail.lookup(http));
  }

  @Override
  public AirbyteConnectionStatus check(Set<String> objectNames) {
    return new ConnectionChecker(http, catalog).check(objectNames);
  }

  @Override
  public List<DestinationObject> objects() {
    return catalog.all();
  }

  /** Describes only the named objects: one describe each instead of one per object of the org. */
  @Override
  public List<DestinationObject> objects(Set<String> names) {
    return catalog.describeAll(names.stream().sorted().toList());
  }

  /** {@code user_by_email}: an owner's email to the active user's id (see {@link UserByEmail}). */
  @Override
  public List<Lookup> lookups() {
    return lookups;
  }

  @Override
  public BatchWriter writer(StreamPlan plan) {
    String object = plan.object().name();
    BatchWriter collections = new CollectionsWriter(http, object, plan.operation(), plan.matchingKey());
    BulkWriter bulk = new BulkWriter(jobs, object, plan.operation(), plan.matchingKey(),
        config.bulkMaxRecordsPerJob(), BulkWriter.MAX_UPLOAD_BYTES, bulkJobLimits());
    return switch (config.writeStrategy()) {
      case BULK -> new NullCellRouter(bulk, collections);
      case COLLECTIONS -> collections;
      case AUTO -> new NullCellRouter(new AutoWriter(bulk, collections, config.bulkThreshold()), collections);
    };
  }

  /** Jobs of at least the bulk threshold (or the job size, when smaller), polled on the configured cap. */
  private JobLimits bulkJobLimits() {
    PollSchedule schedule = PollSchedule.defaults().withMax(config.bulkPollMax());
    return new JobLimits(MAX_BULK_JOBS_IN_FLIGHT, 1, Math.min(config.bulkThreshold(), config.bulkMaxRecordsPerJob()),
        new PollSchedule(schedule.first(), schedule.max(), BULK_JOB_TIMEOUT));
  }

  @Override
  public void close() {
    onClose.run();
  }
}
