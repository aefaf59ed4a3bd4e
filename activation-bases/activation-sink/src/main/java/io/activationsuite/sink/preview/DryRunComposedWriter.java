package io.activationsuite.sink.preview;

import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.ComposedWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RefusalSplit;
import io.activationsuite.sink.api.RequestDraft;
import java.util.List;

/**
 * The dry-run stand-in for a {@link ComposedWriter}: the connector's own grouping and request drafts
 * decide what goes into each request, as in a real write, and {@link #send} records the request in the
 * stream's {@link DryRunStream} instead of sending it.
 */
public final class DryRunComposedWriter implements ComposedWriter {
  private final ComposedWriter real;
  private final DryRunStream stream;

  public DryRunComposedWriter(ComposedWriter real, DryRunStream stream) {
    this.real = real;
    this.stream = stream;
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
}
