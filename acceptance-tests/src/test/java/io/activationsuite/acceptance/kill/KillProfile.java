package io.activationsuite.acceptance.kill;

import io.activationsuite.acceptance.connectors.Capability;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.WriteTarget;
import io.activationsuite.acceptance.kill.KillCase.Guarantee;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.FaultConfig;
import io.activationsuite.sandbox.LatencySpec;
import io.activationsuite.sandbox.SandboxOptions;
import io.activationsuite.sandbox.salesforce.BulkJobState;
import io.activationsuite.sandbox.salesforce.SalesforceEmulator;
import io.activationsuite.sandbox.zendesk.ZendeskEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How the kill matrix drives one connector: its sandbox (the descriptor's options plus latency, so requests are
 * in flight long enough to be hit, and async jobs that take a while), the cases it writes with their documented
 * guarantees, and how to tell that an async job is in flight. Cases follow the descriptor's capabilities: an
 * idempotent upsert ({@link Capability#UPSERT_READ_BACK} with {@link Capability#KILL_RERUN_EXACT}) must come out
 * exactly once; an append ({@link Capability#APPEND_READ_BACK}: creates, events, messages) at most once per run.
 * The guarantees and per-request sizes come from each connector page's "Delivery guarantee" and limits
 * sections.
 *
 * @param tool the connector
 * @param sandbox the emulator's options
 * @param cases what the trials write, used in turn
 * @param jobInFlight whether the sandbox shows one of the connector's async jobs queued or running
 */
public record KillProfile(String tool, SandboxOptions sandbox, List<KillCase> cases,
    Optional<Predicate<EmulatorServer>> jobInFlight) {

  /** Write requests in flight at once: set in every case's config so the in-flight bound is known. */
  public static final int CONCURRENCY = 4;

  /** Async jobs a connector keeps in flight at most (Zendesk's account cap; more than Bulk uses here). */
  public static final int MAX_JOBS = 30;

  private static final FaultConfig LATENCY = FaultConfig.none().withLatency(LatencySpec.uniform(20, 120));

  /** The profile of {@code connector}. */
  public static KillProfile of(ConnectorDescriptor connector) {
    SandboxOptions options = connector.sandboxOptions().withFaults(LATENCY);
    int perRequest = recordsPerRequest(connector.tool());
    int inFlight = perRequest * (connector.has(Capability.ASYNC_JOBS) ? MAX_JOBS : CONCURRENCY);
    List<KillCase> cases = new ArrayList<>();
    if (connector.has(Capability.UPSERT_READ_BACK, Capability.KILL_RERUN_EXACT)) {
      cases.add(KillCase.of("upsert", connector.upsertTarget(), Guarantee.EFFECTIVELY_ONCE, inFlight));
    }
    if (connector.tool().equals("salesforce")) {
      // salesforce.md: Bulk API 2.0 is exactly once for every operation (the default strategy uses Collections)
      cases.add(new KillCase("upsert-bulk", connector.upsertTarget(), c -> c.put("write_strategy", "bulk")
          .put("bulk_max_records_per_job", 100).put("bulk_poll_max_millis", 200), Guarantee.EFFECTIVELY_ONCE,
          100 * MAX_JOBS, true));
      options = options.withProperty("bulkStartDelayMillis", "200").withProperty("bulkRecordsPerSecond", "2500");
    }
    if (connector.tool().equals("zendesk")) {
      options = options.withProperty("jobs", "300ms,400");
    }
    if (connector.has(Capability.APPEND_READ_BACK)) {
      WriteTarget append = connector.appendTarget();
      // Salesforce inserts go through Collections (requests); Zendesk creates through jobs
      int appendInFlight = connector.tool().equals("salesforce") ? perRequest * CONCURRENCY : inFlight;
      cases.add(KillCase.of(connector.has(Capability.MESSAGES_READ_BACK) ? "messages" : "append-" + append.object(),
          append, Guarantee.AT_MOST_ONCE_PER_RUN, appendInFlight));
    }
    if (connector.tool().equals("zendesk")) { // every Zendesk write in the suite goes through jobs
      cases.replaceAll(c -> new KillCase(c.name(), c.target(), c.config(), c.guarantee(), c.maxInFlight(), true));
    }
    return new KillProfile(connector.tool(), options, List.copyOf(cases), jobProbe(connector));
  }

  /**
   * The most records one write request (or job) carries, from the connector pages: Salesforce Collections 200,
   * Braze /users/track 75, HubSpot batch 100, Zendesk jobs 100, Slack 100 rows per batch.
   */
  private static int recordsPerRequest(String tool) {
    return switch (tool) {
      case "salesforce" -> 200;
      case "braze" -> 75;
      default -> 100;
    };
  }

  private static Optional<Predicate<EmulatorServer>> jobProbe(ConnectorDescriptor connector) {
    if (!connector.has(Capability.ASYNC_JOBS)) {
      return Optional.empty();
    }
    return switch (connector.emulator()) {
      case "salesforce" -> Optional.of(server -> server.emulator(SalesforceEmulator.class).jobs().stream()
          .anyMatch(j -> j.state() == BulkJobState.InProgress || j.state() == BulkJobState.UploadComplete));
      case "zendesk" -> Optional.of(server -> server.emulator(ZendeskEmulator.class).activeJobs() > 0);
      default -> Optional.empty();
    };
  }

  /** Whether kills may aim at async jobs. */
  public boolean hasJobs() {
    return jobInFlight.isPresent();
  }
}
