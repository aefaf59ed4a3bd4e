package io.activationsuite.sink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.checkpoint.CheckpointLedger;
import io.activationsuite.protocol.checkpoint.StateScope;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.protocol.runner.InboundRecord;
import io.activationsuite.sink.rejected.RejectedRecord;
import io.activationsuite.sink.rejected.RejectedRecordStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Drives the engine directly: a real checkpoint ledger, an in-memory rejected-records store, log capture. */
final class EngineFixture {
  static final StreamDescriptor USERS = new StreamDescriptor("users", "crm");

  final List<ObjectNode> states = new CopyOnWriteArrayList<>();
  final CheckpointLedger ledger = new CheckpointLedger(states::add);
  final MemoryStore store = new MemoryStore();
  final List<String> logs = new CopyOnWriteArrayList<>();

  InboundRecord record(String json) {
    try {
      ObjectNode data = (ObjectNode) Json.mapper().readTree(json);
      return new InboundRecord(USERS, data, 1L, json.length(), ledger.track(USERS));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  void state(int id) {
    ObjectNode message = Json.mapper().createObjectNode().put("type", "STATE");
    message.putObject("state").put("type", "STREAM").put("id", id);
    ledger.onState(message, StateScope.of(USERS));
  }

  /** Rejected records kept in memory, flushed flag observable. */
  static final class MemoryStore implements RejectedRecordStore {
    final List<RejectedRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public void write(RejectedRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String location() {
      return "memory";
    }

    @Override
    public boolean retainsRecords() {
      return true;
    }
  }
}
