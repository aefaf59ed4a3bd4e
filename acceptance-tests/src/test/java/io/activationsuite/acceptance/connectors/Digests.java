package io.activationsuite.acceptance.connectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import java.util.List;

/**
 * How a connector with {@link Capability#DIGEST_MESSAGES} gathers many rows into one message (Slack's
 * {@code channel_digest}), and how the suite reads the digests back from the sandbox's inspection to account for
 * every row.
 */
public interface Digests {

  /** The append target whose rows are gathered into digests. */
  WriteTarget target();

  /** A valid config in which each row takes one block of its digest, so the block limit decides the size. */
  ObjectNode config(EmulatorServer sandbox);

  /** The most blocks the vendor allows in one message. */
  int maxBlocks();

  /** The digest messages that landed, oldest first. */
  List<Digest> landed(EmulatorServer sandbox);

  /**
   * One digest message as it landed.
   *
   * @param blocks how many blocks it holds (header and footer included)
   * @param rows the identities of the rows it carries, in order
   */
  record Digest(int blocks, List<String> rows) {

    /** Copies the rows. */
    public Digest {
      rows = List.copyOf(rows);
    }
  }
}
