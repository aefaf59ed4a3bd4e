package io.activationsuite.sink.preview;

import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.ComposedWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RefusalSplit;
import io.activationsuite.sink.api.RequestDraft;
import io.activationsuite.sink.api.StreamRecord;
import io.activationsuite.sink.api.StreamPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The dry-run stand-in for a {@link ComposedWriter}: the connector's own grouping, request drafts and request
 * pool decide what goes into each request, as in a real write, and {@link #send} records the request in the
 * stream's {@link DryRunStream} instead of sending it. A request shared by several streams
 * ({@link #sendShared}) is recorded in each stream it carries records of, as shared, with the whole request as
 * the writer would send it.
 */
public final class DryRunComposedWriter implements ComposedWriter {
  private final ComposedWriter real;
  private final DryRunStream stream;
  private final Function<StreamPlan, DryRunStream> streams;

  /** Stands in for {@code real} of {@code stream}; {@code streams} finds the dry-run stream of another plan. */
  public DryRunComposedWriter(ComposedWriter real, DryRunStream stream, Function<StreamPlan, DryRunStream> streams) {
    this.real = real;
    this.stream = stream;
    this.streams = streams;
  }

  @Override
  public BatchLimits limits() {
    return real.limits();
  }

  @Override
  public Object group(OutboundRecord record) {
    return real.group(record);
  }

  @Override
  public RequestDraft newRequest(Object group) {
    return real.newRequest(group);
  }

  @Override
  public RefusalSplit refusalSplit() {
    return real.refusalSplit();
  }

  @Override
  public List<RecordOutcome> send(Object group, List<OutboundRecord> records) {
    return DryRunWriter.plan(stream, records, real);
  }

  @Override
  public Object requestPool() {
    return real.requestPool();
  }

  @Override
  public List<RecordOutcome> sendShared(Object group, List<StreamRecord> records) {
    Map<StreamPlan, List<OutboundRecord>> byStream = new LinkedHashMap<>();
    for (StreamRecord record : records) {
      byStream.computeIfAbsent(record.plan(), plan -> new ArrayList<>()).add(record.record());
    }
    boolean shared = byStream.size() > 1;
    byStream.forEach((plan, part) -> {
      DryRunStream target = streams.apply(plan);
      (target == null ? stream : target).planned(part, shared, () -> real.plannedSharedRequests(records));
    });
    return DryRunWriter.accepted(records.size());
  }
}
