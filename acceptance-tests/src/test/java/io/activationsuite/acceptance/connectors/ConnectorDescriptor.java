package io.activationsuite.acceptance.connectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.SandboxOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the acceptance suite needs to know about one connector: what it can do ({@link #capabilities()}),
 * how to configure it against its sandbox emulator, its targets (objects, modes, matching keys), how to make
 * records (valid and API-refused ones) and how to read the destination's final state back ({@link ReadBack}).
 * The suite is written once against this interface; adding a connector means adding one descriptor to
 * {@link Connectors}.
 */
public interface ConnectorDescriptor extends ReadBack {

  /** The tool name: module {@code destination-<tool>}, image {@code activation-suite/destination-<tool>}. */
  String tool();

  /** The sandbox emulator the connector talks to. */
  String emulator();

  /** What the connector can do: tests needing a flag it lacks are reported as not applicable for it. */
  Set<Capability> capabilities();

  /** Whether the connector claims every one of {@code wanted} (derived flags such as READ_BACK included). */
  default boolean has(Capability... wanted) {
    return Capability.effective(capabilities()).containsAll(Arrays.asList(wanted));
  }

  /** How the suite starts the connector's emulator (vendor properties, e.g. Slack's posting pace). */
  default SandboxOptions sandboxOptions() {
    return SandboxOptions.defaults();
  }

  /**
   * A config that works against {@code sandbox}, storing no rejected records. A connector configured per
   * stream covers the {@link SuiteStreams} names.
   */
  ObjectNode validConfig(EmulatorServer sandbox);

  /** A schema-valid config whose credentials the sandbox refuses. */
  ObjectNode badCredentialsConfig(EmulatorServer sandbox);

  /**
   * A valid config authenticating with rotating OAuth refresh tokens ({@link Capability#OAUTH_ROTATION}): each
   * refresh returns a new refresh token, which the connector saves through a CONTROL message.
   */
  default ObjectNode rotatingOAuthConfig(EmulatorServer sandbox) {
    throw new UnsupportedOperationException(tool() + " lacks " + Capability.OAUTH_ROTATION);
  }

  /** A config that breaks the spec's schema at {@link #malformedField()}. */
  ObjectNode malformedConfig(EmulatorServer sandbox);

  /** The property {@link #malformedConfig} breaks; a config_error must name it. */
  String malformedField();

  /** Every secret value the configs carry: none may appear in any output. */
  List<String> secrets(EmulatorServer sandbox);

  /**
   * The idempotent upsert target ({@link Capability#UPSERT_READ_BACK}): a rerun after a kill duplicates nothing.
   *
   * @throws UnsupportedOperationException when the connector lacks {@link Capability#UPSERT_READ_BACK}
   */
  default WriteTarget upsertTarget() {
    throw new UnsupportedOperationException(tool() + " lacks " + Capability.UPSERT_READ_BACK);
  }

  /**
   * The append-only target ({@link Capability#APPEND_READ_BACK}): the first {@code append} of
   * {@link #writeTargets()}.
   *
   * @throws UnsupportedOperationException when there is none
   */
  default WriteTarget appendTarget() {
    return writeTargets().stream().filter(WriteTarget::appends).findFirst()
        .orElseThrow(() -> new UnsupportedOperationException(tool() + " lacks " + Capability.APPEND_READ_BACK));
  }

  /**
   * The target generic write tests use (state echo, stream shapes, faults): the upsert target when the
   * connector has one, else its append target. Tests that use it require {@link Capability#READ_BACK} and give
   * each record its own key, so "no duplicates" holds for both.
   */
  default WriteTarget readBackTarget() {
    return has(Capability.UPSERT_READ_BACK) ? upsertTarget() : appendTarget();
  }

  /** Every supported target whose final state the suite checks (one test per target and mode). */
  List<WriteTarget> writeTargets();

  /**
   * How the connector gathers many rows into one message ({@link Capability#DIGEST_MESSAGES}).
   *
   * @throws UnsupportedOperationException when the connector lacks {@link Capability#DIGEST_MESSAGES}
   */
  default Digests digests() {
    throw new UnsupportedOperationException(tool() + " lacks " + Capability.DIGEST_MESSAGES);
  }

  /** Targets the connector must refuse at the start of {@code write} with a config_error (may be empty). */
  default List<WriteTarget> unsupportedTargets() {
    return List.of();
  }

  /**
   * The {@code i}-th record for {@code target}, in {@code version} (a later version changes the
   * non-key values). May look the record up in {@code sandbox} (update and delete by record id).
   */
  ObjectNode record(WriteTarget target, int i, int version, EmulatorServer sandbox);

  /**
   * A record of {@code target} the API itself refuses (a value the vendor's validation rejects);
   * {@link Capability#REFUSED_RECORDS}.
   */
  default ObjectNode refusedRecord(WriteTarget target, int i) {
    throw new UnsupportedOperationException(tool() + " lacks " + Capability.REFUSED_RECORDS);
  }

  /**
   * The path of the token endpoint every run calls before its first API call (OAuth refresh; or a read
   * the connector makes before writing), or empty when there is none. Tests that inject faults into API
   * calls arm them only once this endpoint has answered, so the faults hit the writes, not the login.
   */
  default Optional<String> authenticationPath() {
    return Optional.empty();
  }

  /**
   * A config that authenticates with OAuth (a refresh token exchanged for short-lived access tokens), or empty
   * when the connector has no OAuth option; the fault matrix lets its access token expire mid-sync. Default:
   * the {@link #rotatingOAuthConfig} of a connector with {@link Capability#OAUTH_ROTATION}.
   */
  default Optional<ObjectNode> oauthConfig(EmulatorServer sandbox) {
    return has(Capability.OAUTH_ROTATION) ? Optional.of(rotatingOAuthConfig(sandbox)) : Optional.empty();
  }

  /**
   * What the connector must do when the sandbox answers with the vendor's throttling response: from the
   * {@link Capability#THROTTLE_STOP} flag.
   */
  default ThrottleContract throttleContract() {
    return has(Capability.THROTTLE_STOP) ? ThrottleContract.STOP_AND_RESUME_LATER
        : ThrottleContract.RETRY_UNTIL_LANDED;
  }

  /** Adds an {@code object_storage_config} to {@code config} (a copy). */
  default ObjectNode withObjectStorage(ObjectNode config, ObjectNode objectStorage) {
    ObjectNode copy = config.deepCopy();
    copy.set("object_storage_config", objectStorage);
    return copy;
  }
}
