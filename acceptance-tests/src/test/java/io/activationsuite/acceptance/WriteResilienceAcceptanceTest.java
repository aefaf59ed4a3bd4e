package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.acceptance.capabilities.Requires;
import io.activationsuite.acceptance.connectors.Capability;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.WriteTarget;
import io.activationsuite.acceptance.harness.CommandResult;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.FaultController;
import io.activationsuite.testkit.messages.EchoedStates;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import io.activationsuite.testkit.s3.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults the destination throws at a sync: throttling, server errors, refused records. (A killed process:
 * {@link KillRerunAcceptanceTest}.)
 */
class WriteResilienceAcceptanceTest extends AcceptanceTestBase {

  private static final String BUCKET = "rejected-records";
  private static final String BUCKET_PATH = "activation";
  private static final int SERVER_ERRORS = 3;
  private static final Duration AUTHENTICATION_TIMEOUT = Duration.ofSeconds(60);

  private S3ProxyServer s3;

  @BeforeAll
  void startS3() {
    s3 = S3ProxyServer.start();
    s3.createBucket(BUCKET);
  }

  @AfterAll
  void stopS3() {
    s3.close();
  }

  private List<ObjectNode> records(ConnectorDescriptor connector, int count, int version) {
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(connector.record(connector.readBackTarget(), i, version, sandbox(connector)));
    }
    return records;
  }

  private static PlatformSyncInput input(List<ObjectNode> records, int stateEvery) {
    PlatformSyncInput input = new PlatformSyncInput().started("users");
    for (int i = 0; i < records.size(); i++) {
      input.record("users", records.get(i));
      if ((i + 1) % stateEvery == 0) {
        input.streamState("users");
      }
    }
    return input.streamState("users").complete("users");
  }

  private String catalog(ConnectorDescriptor connector, long syncId, List<ObjectNode> samples) {
    return catalog(syncId, List.of("users"), List.of(connector.readBackTarget()), samples);
  }

  private void assertLandedExactly(ConnectorDescriptor connector, List<ObjectNode> records) {
    EmulatorServer sandbox = sandbox(connector);
    String object = connector.readBackTarget().object();
    var landed = connector.landed(sandbox, object);
    String identity = connector.identityField(object);
    assertThat(connector.liveCount(sandbox, object)).as("one record per key, none lost").isEqualTo(records.size());
    for (ObjectNode record : records) {
      String key = record.path(identity).asText();
      assertThat(landed).containsKey(key);
      record.fields().forEachRemaining(field -> assertThat(landed.get(key).get(field.getKey()))
          .as("%s of %s", field.getKey(), key).isEqualTo(field.getValue().asText()));
    }
  }

  /**
   * Arms faults once the connector has authenticated (when it calls a token endpoint first), so they
   * hit API calls; runs before the connector gets its first input line.
   */
  private Runnable armAfterAuthentication(ConnectorDescriptor connector, Consumer<FaultController> arm) {
    EmulatorServer sandbox = sandbox(connector);
    return () -> {
      connector.authenticationPath().ifPresent(path -> awaitCall(sandbox, path));
      arm.accept(sandbox.faults());
    };
  }

  private static void awaitCall(EmulatorServer sandbox, String path) {
    long deadline = System.nanoTime() + AUTHENTICATION_TIMEOUT.toNanos();
    while (sandbox.requests().matching(e -> e.path().equals(path)).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the connector did not call " + path + " within " + AUTHENTICATION_TIMEOUT);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private static long countOutcome(EmulatorServer sandbox, String outcome) {
    return sandbox.requests().matching(e -> e.outcome().equals(outcome)).size();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires({Capability.THROTTLE_STOP, Capability.UPSERT_READ_BACK})
  void exhaustedDailyAllocationStopsTheSyncWithoutHammeringAndTheNextSyncLandsEverything(
      ConnectorDescriptor connector) {
    List<ObjectNode> records = records(connector, 40, 1);
    PlatformSyncInput input = input(records, 10);
    EmulatorServer sandbox = sandbox(connector);
    ObjectNode config = connector.validConfig(sandbox);
    CommandResult stopped = harness(connector).write(config, catalog(connector, 1, records), input.lines(),
        armAfterAuthentication(connector, faults -> faults.throttleNext(1_000)));

    assertThat(stopped.exitCode()).as(stopped.describe()).isNotZero();
    assertThat(stopped.traceErrors()).as(stopped.describe()).hasSize(1);
    assertThat(stopped.traceErrors().get(0).path("failure_type").asText()).as(stopped.describe())
        .isEqualTo("transient_error");
    assertNoSecretLeaked(stopped, connector.secrets(sandbox));
    EchoedStates.assertEchoed(input.states().subList(0, stopped.states().size()), stopped.states());
    assertThat(countOutcome(sandbox, "INJECTED_THROTTLE")).as("a spent allocation is not retried")
        .isBetween(1L, 4L);

    sandbox.faults().reset();
    CommandResult next = harness(connector).write(config, catalog(connector, 2, records), input.lines());
    assertSucceeded(connector, next);
    EchoedStates.assertEchoed(input.states(), next.states());
    assertLandedExactly(connector, records);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires(Capability.READ_BACK)
  void serverErrorBurstIsRetriedUntilEveryRecordLands(ConnectorDescriptor connector) {
    List<ObjectNode> records = records(connector, 40, 1);
    PlatformSyncInput input = input(records, 10);
    EmulatorServer sandbox = sandbox(connector);
    CommandResult result = harness(connector).write(connector.validConfig(sandbox), catalog(connector, 2, records),
        input.lines(), armAfterAuthentication(connector, faults -> faults.failNext(SERVER_ERRORS, 503)));
    assertSucceeded(connector, result);
    EchoedStates.assertEchoed(input.states(), result.states());
    assertThat(EchoedStates.rejectedCount(result.states())).isZero();
    assertThat(countOutcome(sandbox, "INJECTED_ERROR")).as("the sandbox did fail calls").isEqualTo(SERVER_ERRORS);
    assertLandedExactly(connector, records);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires({Capability.TOKEN_ENDPOINT, Capability.READ_BACK})
  void serverErrorsFromTheTokenEndpointAreRetried(ConnectorDescriptor connector) {
    List<ObjectNode> records = records(connector, 20, 1);
    PlatformSyncInput input = input(records, 10);
    EmulatorServer sandbox = sandbox(connector);
    sandbox.faults().failNext(2, 503);
    CommandResult result = harness(connector).write(connector.validConfig(sandbox), catalog(connector, 5, records),
        input.lines());
    assertSucceeded(connector, result);
    EchoedStates.assertEchoed(input.states(), result.states());
    assertThat(sandbox.requests().matching(e -> e.outcome().equals("INJECTED_ERROR")
        && e.path().equals(connector.authenticationPath().orElseThrow()))).as("the login was refused").hasSize(2);
    assertLandedExactly(connector, records);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires({Capability.REFUSED_RECORDS, Capability.READ_BACK})
  void recordsTheApiRefusesLandInTheS3BucketUnderTheSyncIdAndAreCounted(ConnectorDescriptor connector) {
    long syncId = 9001;
    WriteTarget target = connector.readBackTarget();
    List<ObjectNode> good = records(connector, 12, 1);
    List<ObjectNode> refused = List.of(connector.refusedRecord(target, 1), connector.refusedRecord(target, 2),
        connector.refusedRecord(target, 3));
    PlatformSyncInput input = new PlatformSyncInput().started("users");
    for (int i = 0; i < good.size(); i++) {
      input.record("users", good.get(i));
      if (i % 4 == 1) {
        input.record("users", refused.get(i / 4));
      }
      if (i % 6 == 5) {
        input.streamState("users");
      }
    }
    input.streamState("users").complete("users");
    List<ObjectNode> samples = new ArrayList<>(good);
    samples.addAll(refused);
    ObjectNode config = connector.withObjectStorage(connector.validConfig(sandbox(connector)), s3Storage());
    CommandResult result = harness(connector).write(config, catalog(connector, syncId, samples), input.lines());

    assertSucceeded(connector, result);
    assertNoSecretLeaked(result, List.of(S3ProxyServer.SECRET_ACCESS_KEY));
    EchoedStates.assertEchoed(input.states(), result.states());
    assertThat(EchoedStates.rejectedCount(result.states())).isEqualTo(refused.size());
    assertLandedExactly(connector, good);
    List<String> keys = s3.keys(BUCKET, BUCKET_PATH + "/" + syncId + "/");
    assertThat(keys).as("rejected-record files under <bucket_path>/<sync_id>/").isNotEmpty();
    StringBuilder stored = new StringBuilder();
    keys.forEach(key -> stored.append(new String(s3.read(BUCKET, key), StandardCharsets.UTF_8)));
    String identity = connector.identityField(target.object());
    for (ObjectNode record : refused) {
      assertThat(stored.toString()).contains(record.path(identity).asText());
    }
    for (String secret : connector.secrets(sandbox(connector))) {
      assertThat(stored.toString()).doesNotContain(secret);
    }
  }

  private ObjectNode s3Storage() {
    ObjectNode storage = JsonNodeFactory.instance.objectNode().put("storage_type", "S3")
        .put("access_key_id", S3ProxyServer.ACCESS_KEY_ID)
        .put("secret_access_key", S3ProxyServer.SECRET_ACCESS_KEY)
        .put("s3_bucket_name", BUCKET)
        .put("s3_bucket_region", S3ProxyServer.REGION)
        .put("s3_endpoint", s3.endpoint().toString())
        .put("bucket_path", BUCKET_PATH);
    storage.putObject("format").put("format_type", "JSONL").put("flattening", "No flattening");
    storage.putObject("compression").put("compression_type", "No Compression");
    return storage;
  }
}
