package io.activationsuite.sink.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.checkpoint.CheckpointLedger;
import io.activationsuite.protocol.checkpoint.StateScope;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.protocol.runner.InboundRecord;
import io.activationsuite.sink.ActivationWriteSession;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.FieldMapping;
import io.activationsuite.sink.api.FieldMapping.NullPolicy;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.ObjectOperation;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.rejected.ObjectStorageConfig;
import io.activationsuite.sink.rejected.RejectedRecordStores;
import io.activationsuite.sink.spec.EngineOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pushes N (default 2,000,000) ~300-byte records through mapping, coercion and batching into a no-op writer
 * on one carrier thread, and prints records/s (of the engine's own time: building the input records is not
 * timed) and peak heap. Run with:
 * {@code ./mvnw -q -pl activation-bases/activation-sink exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.activationsuite.sink.bench.EngineBenchmark [-Dexec.args=2000000]}
 */
public final class EngineBenchmark {
  private static final StreamDescriptor STREAM = new StreamDescriptor("users", "warehouse");
  private static final int CHUNK = 50_000;

  private EngineBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("jdk.virtualThreadScheduler.parallelism", "1");
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    DestinationObject contacts = new DestinationObject("contacts", "Contacts", List.of(
        new DestinationField("email", FieldType.EMAIL, false, 254, List.of(), true),
        DestinationField.of("first_name", FieldType.STRING),
        DestinationField.of("last_name", FieldType.STRING),
        DestinationField.of("full_name", FieldType.STRING),
        DestinationField.of("age", FieldType.INTEGER),
        DestinationField.of("score", FieldType.NUMBER),
        DestinationField.of("vip", FieldType.BOOLEAN),
        DestinationField.of("signup", FieldType.DATE),
        DestinationField.of("updated_at", FieldType.DATETIME),
        new DestinationField("tier", FieldType.ENUM, true, null, List.of("gold", "silver", "bronze"), false),
        DestinationField.of("city", FieldType.STRING)),
        List.of(new ObjectOperation(Operation.UPSERT, List.of("email"), Set.of("email", "first_name", "last_name",
            "full_name", "age", "score", "vip", "signup", "updated_at", "tier", "city"), Set.of())));
    List<FieldMapping> mappings = List.of(
        path("email", "email"), path("first_name", "first"), path("last_name", "last"),
        new FieldMapping("full_name", new FieldMapping.Source.Template("{{first}} {{last}}"), NullPolicy.SKIP),
        path("age", "age"), path("score", "score"), path("vip", "vip"), path("signup", "signup"),
        path("updated_at", "updated_at"), path("tier", "tier"), path("city", "address.city"));
    StreamPlan plan = new StreamPlan(STREAM, contacts, Operation.UPSERT, "email", mappings);
    BatchWriter noop = new BatchWriter() {
      @Override
      public BatchLimits limits() {
        return new BatchLimits(100, 1 << 20);
      }

      @Override
      public List<RecordOutcome> write(List<OutboundRecord> batch) {
        List<RecordOutcome> outcomes = new ArrayList<>(batch.size());
        RecordOutcome ok = RecordOutcome.accepted(null);
        for (int i = 0; i < batch.size(); i++) {
          outcomes.add(ok);
        }
        return outcomes;
      }
    };
    CheckpointLedger ledger = new CheckpointLedger(state -> { });
    EngineOptions options = EngineOptions.defaults().withConcurrency(1).withBufferBytes(32L << 20);
    ActivationWriteSession session = new ActivationWriteSession(
        List.of(new ActivationWriteSession.StreamWriter(plan, noop)),
        RejectedRecordStores.open(new ObjectStorageConfig.None(), "0"), options, (level, message) -> { },
        Clock.systemUTC());
    ObjectNode[] samples = samples(1024);
    int sampleBytes = samples[0].toString().length();
    ObjectNode[] chunk = new ObjectNode[CHUNK];
    resetPeaks();
    long elapsed = 0;
    for (int done = 0; done < total; done += CHUNK) {
      // the input records stand for what the runner parsed from stdin: built outside the timed part
      int size = Math.min(CHUNK, total - done);
      for (int i = 0; i < size; i++) {
        chunk[i] = samples[(done + i) & 1023].deepCopy().put("email", "user" + (done + i) + "@example.com");
      }
      long start = System.nanoTime();
      for (int i = 0; i < size; i++) {
        session.accept(new InboundRecord(STREAM, chunk[i], 0L, sampleBytes, ledger.track(STREAM)));
        chunk[i] = null;
      }
      ledger.onState(Json.mapper().createObjectNode().put("type", "STATE").set("state",
          Json.mapper().createObjectNode().put("type", "STREAM")), StateScope.of(STREAM));
      session.onState(StateScope.of(STREAM));
      elapsed += System.nanoTime() - start;
    }
    long start = System.nanoTime();
    session.drain();
    elapsed += System.nanoTime() - start;
    session.close();
    double seconds = elapsed / 1e9;
    System.err.printf("records: %,d of ~%d bytes, acknowledged: %,d%n", total, sampleBytes,
        ledger.stats().acknowledged());
    System.err.printf("elapsed: %.2f s, throughput: %,.0f records/s%n", seconds, total / seconds);
    System.err.printf("peak heap: %,d MiB (max heap %,d MiB), peak engine buffer: %,d KiB%n",
        peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20, session.budget().peak() >> 10);
  }

  private static FieldMapping path(String destination, String source) {
    return new FieldMapping(destination, new FieldMapping.Source.Path(source), NullPolicy.SKIP);
  }

  private static ObjectNode[] samples(int count) {
    ObjectNode[] samples = new ObjectNode[count];
    String[] tiers = {"gold", "Silver", "BRONZE"};
    for (int i = 0; i < count; i++) {
      ObjectNode data = Json.mapper().createObjectNode()
          .put("email", "user" + i + "@example.com")
          .put("first", "Firstname" + i)
          .put("last", "Lastname-of-someone-" + i)
          .put("age", Integer.toString(20 + i % 60))
          .put("score", 1000.25 + i)
          .put("vip", i % 2 == 0 ? "yes" : "no")
          .put("signup", "2024-01-" + (10 + i % 18))
          .put("updated_at", "2024-01-31 10:15:" + (10 + i % 50))
          .put("tier", tiers[i % 3])
          .put("note", "x".repeat(40));
      data.putObject("address").put("city", "Springfield").put("street", "742 Evergreen Terrace")
          .put("zip", "49007");
      samples[i] = data;
    }
    return samples;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
