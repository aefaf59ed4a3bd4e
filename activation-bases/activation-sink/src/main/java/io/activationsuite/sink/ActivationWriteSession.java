package io.activationsuite.sink;

import io.activationsuite.protocol.checkpoint.StateScope;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.protocol.runner.InboundRecord;
import io.activationsuite.protocol.runner.UnreadableRecord;
import io.activationsuite.protocol.runner.WriteSession;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.Lookup;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.batch.Admission;
import io.activationsuite.sink.batch.ByteBudget;
import io.activationsuite.sink.batch.LookupStage;
import io.activationsuite.sink.batch.StreamLane;
import io.activationsuite.sink.batch.WriteScheduler;
import io.activationsuite.sink.lookup.LookupResolver;
import io.activationsuite.sink.mapping.RecordMapper;
import io.activationsuite.sink.outcome.EngineLog;
import io.activationsuite.sink.outcome.OutcomeRecorder;
import io.activationsuite.sink.outcome.RejectionThreshold;
import io.activationsuite.sink.outcome.StreamCounters;
import io.activationsuite.sink.outcome.WriteLog;
import io.activationsuite.sink.plan.StreamPlanner;
import io.activationsuite.sink.rejected.RejectedRecordStore;
import io.activationsuite.sink.spec.EngineOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The write of one sync, put together from four parts with one job each: {@link Admission} (mapping,
 * coercion, memory budget and backpressure on the reading thread), {@link WriteScheduler} (what is sent
 * when: batches, composed requests, asynchronous jobs and their polls, at most {@code concurrency}
 * requests at once), {@link OutcomeRecorder} (ending every record: acknowledged, or stored and
 * rejected, and the rejection threshold) and {@link WriteLog} (what the user reads).
 *
 * <p>Every record ends exactly once. When a writer throws (quota, outage, credentials), dispatching
 * stops, requests in flight finish and end their records, and {@link #accept} / {@link #drain} throw that
 * failure; records never sent are left unended so no STATE after them is echoed.
 */
public final class ActivationWriteSession implements WriteSession {
  private final Map<StreamDescriptor, StreamLane> lanes;
  private final AtomicBoolean summaryLogged = new AtomicBoolean();
  private final ByteBudget budget;
  private final WriteLog log;
  private final OutcomeRecorder recorder;
  private final WriteScheduler scheduler;
  private final Admission admission;

  /** A stream plan and the connector's writer for it. */
  public record StreamWriter(StreamPlan plan, BatchWriter writer) {}

  public ActivationWriteSession(List<StreamWriter> streams, RejectedRecordStore store, EngineOptions options,
      EngineLog engineLog, Clock clock) {
    this(streams, List.of(), store, options, engineLog, clock);
  }

  /**
   * A write whose mappings may name the connector's {@code lookups}: each lookup gets one resolver for the
   * whole sync, shared by every stream that uses it.
   */
  public ActivationWriteSession(List<StreamWriter> streams, List<Lookup> lookups, RejectedRecordStore store,
      EngineOptions options, EngineLog engineLog, Clock clock) {
    this.log = new WriteLog(engineLog);
    this.budget = new ByteBudget(options.bufferBytes());
    Map<String, Lookup> lookupsByName = StreamPlanner.byName(lookups);
    Map<String, LookupResolver> resolvers = new LinkedHashMap<>();
    Map<StreamDescriptor, StreamLane> byStream = new LinkedHashMap<>();
    for (StreamWriter stream : streams) {
      StreamDescriptor descriptor = stream.plan().stream();
      RecordMapper mapper = new RecordMapper(stream.plan(), options.activationNullPolicy(),
          name -> log.unknownField(descriptor, stream.plan(), name), lookupsByName);
      List<LookupStage.LookupField> lookupFields = new ArrayList<>();
      mapper.lookupFields().forEach((field, lookup) -> lookupFields.add(new LookupStage.LookupField(field, lookup,
          resolvers.computeIfAbsent(lookup.name(), name -> resolver(lookup)),
          stream.plan().object().fieldsByName().get(field).type())));
      byStream.put(descriptor, new StreamLane(stream.plan(), mapper, stream.writer(),
          new StreamCounters(descriptor), LookupStage.of(lookupFields)));
    }
    this.lanes = byStream;
    WriteScheduler[] failures = new WriteScheduler[1];
    this.recorder = new OutcomeRecorder(store, budget,
        new RejectionThreshold(options.rejectedThresholdPercent(), options.thresholdMinimumSample()), clock,
        error -> failures[0].fail(error));
    this.scheduler = new WriteScheduler(List.copyOf(byStream.values()), options, recorder, log, budget);
    failures[0] = scheduler;
    this.admission = new Admission(byStream, scheduler, recorder, budget, log, clock);
  }

  /** The sync's cache of one lookup: emails compared case-insensitively. */
  private static LookupResolver resolver(Lookup lookup) {
    LookupResolver.Builder builder = LookupResolver.builder(lookup.source());
    if (lookup.valueType() == FieldType.EMAIL) {
      builder.normalise(value -> value.toLowerCase(Locale.ROOT));
    }
    return builder.build();
  }

  @Override
  public void accept(InboundRecord input) throws Exception {
    admission.accept(input);
  }

  @Override
  public void reject(UnreadableRecord unreadable) throws Exception {
    admission.reject(unreadable);
  }

  @Override
  public void onState(StateScope scope) {
    scheduler.onState(scope);
  }

  @Override
  public void drain() throws Exception {
    scheduler.drain();
    recorder.checkAtEnd();
    scheduler.throwIfFailed();
    recorder.store().flush();
    logSummary();
  }

  @Override
  public void close() throws Exception {
    try {
      scheduler.close();
    } finally {
      try {
        recorder.store().close();
      } finally {
        logSummary();
      }
    }
  }

  /** The byte budget, for observation (tests, benchmarks). */
  public ByteBudget budget() {
    return budget;
  }

  /** The most asynchronous jobs that ran at once, for observation (tests, benchmarks). */
  public int peakJobs() {
    return scheduler.peakJobs();
  }

  /** The counters of a stream (configured or not). */
  public StreamCounters counters(StreamDescriptor stream) {
    StreamLane lane = lanes.get(stream);
    return lane != null ? lane.counters() : admission.unmapped(stream);
  }

  private void logSummary() {
    if (summaryLogged.getAndSet(true)) {
      return;
    }
    for (StreamLane lane : lanes.values()) {
      for (RecordMapper.MissingSource missing : lane.mapper().missingSources()) {
        log.missingSource(lane.plan().stream(), missing.path(), missing.destination(), missing.records(),
            lane.counters().receivedCount());
      }
    }
    log.summary(lanes.values().stream().map(StreamLane::counters).toList(), admission.unmapped(),
        recorder.store(), budget.peak(), budget.capacity());
  }
}
