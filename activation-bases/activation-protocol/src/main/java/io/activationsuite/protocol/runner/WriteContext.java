package io.activationsuite.protocol.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.checkpoint.CheckpointLedger;
import io.activationsuite.protocol.checkpoint.DurabilityBarrier;
import io.activationsuite.protocol.io.ProtocolOutput;
import io.activationsuite.protocol.model.ConfiguredAirbyteCatalog;

/** Everything a connector needs to open a write: validated config, catalog and the output channel. */
public record WriteContext(
    JsonNode config, ConfiguredAirbyteCatalog catalog, ProtocolOutput output, CheckpointLedger ledger) {

  /** Installs what makes rejected records durable before a STATE covering them is echoed. */
  public void beforeCheckpoint(DurabilityBarrier barrier) {
    ledger.setDurabilityBarrier(barrier);
  }

  /** A dry run: no STATE is echoed, so the platform commits nothing ({@link CheckpointLedger#withholdStates}). */
  public void withholdStates() {
    ledger.withholdStates();
  }
}
