package io.activationsuite.acceptance.connectors;

import io.activationsuite.sandbox.EmulatorServer;
import java.util.Map;

/**
 * How the suite reads a destination's final state back from the sandbox: records (or messages) of one object
 * keyed by an identity field. The part of a {@link ConnectorDescriptor} that answers "what landed?".
 */
public interface ReadBack {

  /** The field that identifies a record of {@code object} when reading the sandbox back (e.g. email). */
  String identityField(String object);

  /**
   * The live (not deleted or archived) records of {@code object} in the sandbox, keyed by
   * {@link #identityField}, each mapping field names to their values as text. For messages
   * ({@link Capability#MESSAGES_READ_BACK}) the fields the message shows, parsed back from its text.
   */
  Map<String, Map<String, String>> landed(EmulatorServer sandbox, String object);

  /** How many live records of {@code object} the sandbox holds (duplicates count separately). */
  int liveCount(EmulatorServer sandbox, String object);
}
