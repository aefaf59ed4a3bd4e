package io.activationsuite.acceptance.connectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the acceptance suite needs to know about one connector: how to configure it against its
 * sandbox emulator, what it supports (capability flags: objects, modes, matching keys), how to make
 * records (valid and API-refused ones) and how to read the destination's final state back. The suite
 * is written once against this interface; adding a connector means adding one descriptor to
 * {@link Connectors}.
 */
public interface ConnectorDescriptor {

  /** The tool name: module {@code destination-<tool>}, image {@code activation-suite/destination-<tool>}. */
  String tool();

  /** The sandbox emulator the connector talks to. */
  String emulator();

  /** A config that works against {@code sandbox}, storing no rejected records. */
  ObjectNode validConfig(EmulatorServer sandbox);

  /** A schema-valid config whose credentials the sandbox refuses. */
  ObjectNode badCredentialsConfig(EmulatorServer sandbox);

  /** A config that breaks the spec's schema at {@link #malformedField()}. */
  ObjectNode malformedConfig(EmulatorServer sandbox);

  /** The property {@link #malformedConfig} breaks; a config_error must name it. */
  String malformedField();

  /** Every secret value the configs carry: none may appear in any output. */
  List<String> secrets(EmulatorServer sandbox);

  /** The upsert target most write tests use: idempotent, so a rerun after a kill duplicates nothing. */
  WriteTarget upsertTarget();

  /** Every supported target whose final state the suite checks (one test per target and mode). */
  List<WriteTarget> writeTargets();

  /** Targets the connector must refuse at the start of {@code write} with a config_error. */
  List<WriteTarget> unsupportedTargets();

  /** The field that identifies a record of {@code object} when reading the sandbox back (e.g. email). */
  String identityField(String object);

  /**
   * The {@code i}-th record for {@code target}, in {@code version} (a later version changes the
   * non-key values). May look the record up in {@code sandbox} (update and delete by record id).
   */
  ObjectNode record(WriteTarget target, int i, int version, EmulatorServer sandbox);

  /** A record of {@code target} the API itself refuses (a value the vendor's validation rejects). */
  ObjectNode refusedRecord(WriteTarget target, int i);

  /**
   * The live (not deleted or archived) records of {@code object} in the sandbox, keyed by
   * {@link #identityField}, each mapping field names to their values as text.
   */
  Map<String, Map<String, String>> landed(EmulatorServer sandbox, String object);

  /** How many live records of {@code object} the sandbox holds (duplicates count separately). */
  int liveCount(EmulatorServer sandbox, String object);

  /**
   * The path of the token endpoint every run calls before its first API call (OAuth refresh), or empty
   * when the connector authenticates with a static token. Tests that inject faults into API calls arm
   * them only once this endpoint has answered, so the faults hit API calls, not the login.
   */
  default Optional<String> authenticationPath() {
    return Optional.empty();
  }

  /**
   * A config that authenticates with OAuth (a refresh token exchanged for short-lived access tokens), or empty
   * when the connector has no OAuth option; the fault matrix lets its access token expire mid-sync.
   */
  default Optional<ObjectNode> oauthConfig(EmulatorServer sandbox) {
    return Optional.empty();
  }

  /**
   * Whether the vendor counts requests against a daily (or hourly) quota the sandbox enforces through its
   * {@code dailyLimit} setting; the fault matrix lets it run out.
   */
  default boolean hasRequestQuota() {
    return false;
  }

  /** What the connector must do when the sandbox answers with the vendor's throttling response. */
  ThrottleContract throttleContract();

  /** Adds an {@code object_storage_config} to {@code config} (a copy). */
  default ObjectNode withObjectStorage(ObjectNode config, ObjectNode objectStorage) {
    ObjectNode copy = config.deepCopy();
    copy.set("object_storage_config", objectStorage);
    return copy;
  }
}
