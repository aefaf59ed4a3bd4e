package io.activationsuite.acceptance.kill;

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
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How the kill matrix drives one connector: its sandbox (latency so requests are in flight long enough to be
 * hit, async jobs that take a while), the cases it writes with their documented guarantees, and how to tell
 * that an async job is in flight. The guarantees come from each connector page's "Delivery guarantee" table.
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
    SandboxOptions options = SandboxOptions.defaults().withFaults(LATENCY);
    WriteTarget upsert = connector.upsertTarget();
    KillCase upsertCase = KillCase.of("upsert", upsert, Guarantee.EFFECTIVELY_ONCE, 100 * CONCURRENCY);
    return switch (connector.tool()) {
      // hubspot.md: upsert exactly once in effect; batch/create at most once (never resent by the connector)
      case "hubspot" -> new KillProfile("hubspot", options, List.of(upsertCase,
          KillCase.of("create", new WriteTarget(upsert.object(), "append", List.of()),
              Guarantee.AT_MOST_ONCE_PER_RUN, 100 * CONCURRENCY)), Optional.empty());
      // salesforce.md: Collections upsert idempotent (200 per request); Bulk 2.0 exactly once, every operation;
      // Collections insert at most once
      case "salesforce" -> salesforce(options, upsert);
      // braze.md: users (setting attributes) at least once, effectively once; 75 objects per /users/track
      case "braze" -> new KillProfile("braze", options,
          List.of(KillCase.of("upsert", upsert, Guarantee.EFFECTIVELY_ONCE, 75 * CONCURRENCY)), Optional.empty());
      // zendesk.md: upsert at least once, effectively once; insert (create_many) at most once; 100 per job
      case "zendesk" -> new KillProfile("zendesk", options.withProperty("jobs", "300ms,400"), List.of(upsertCase,
          KillCase.of("create", new WriteTarget(upsert.object(), "append", List.of()),
              Guarantee.AT_MOST_ONCE_PER_RUN, 100 * MAX_JOBS)),
          Optional.of(server -> server.emulator(ZendeskEmulator.class).activeJobs() > 0));
      default -> throw new IllegalArgumentException("no kill profile for " + connector.tool());
    };
  }

  private static KillProfile salesforce(SandboxOptions options, WriteTarget upsert) {
    KillCase bulk = new KillCase("upsert-bulk", upsert, c -> c.put("write_strategy", "bulk")
        .put("bulk_max_records_per_job", 100).put("bulk_poll_max_millis", 200), Guarantee.EFFECTIVELY_ONCE,
        100 * MAX_JOBS);
    KillCase insert = KillCase.of("insert", new WriteTarget(upsert.object(), "append", List.of()),
        Guarantee.AT_MOST_ONCE_PER_RUN, 200 * CONCURRENCY);
    return new KillProfile("salesforce", options.withProperty("bulkStartDelayMillis", "200")
        .withProperty("bulkRecordsPerSecond", "2500"), List.of(
        KillCase.of("upsert", upsert, Guarantee.EFFECTIVELY_ONCE, 200 * CONCURRENCY), bulk, insert),
        Optional.of(KillProfile::salesforceJobInFlight));
  }

  private static boolean salesforceJobInFlight(EmulatorServer server) {
    return server.emulator(SalesforceEmulator.class).jobs().stream()
        .anyMatch(j -> j.state() == BulkJobState.InProgress || j.state() == BulkJobState.UploadComplete);
  }

  /** Whether kills may aim at async jobs. */
  public boolean hasJobs() {
    return jobInFlight.isPresent();
  }
}
