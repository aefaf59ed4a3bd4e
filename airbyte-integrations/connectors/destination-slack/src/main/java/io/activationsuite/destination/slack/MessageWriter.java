package io.activationsuite.destination.slack;

import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One message per row ({@code channel_messages}, {@code direct_messages}). The rows of a batch are grouped
 * by channel; each channel's rows are posted in order on a virtual thread of their own, so every channel
 * moves at its own pace and a busy channel never holds back the others.
 */
final class MessageWriter implements BatchWriter {

  /** Rows per batch: enough to keep many channels busy at once. */
  static final int MAX_ROWS = 100;

  private final RowMessages rows;

  MessageWriter(RowMessages rows) {
    this.rows = rows;
  }

  @Override
  public BatchLimits limits() {
    return new BatchLimits(MAX_ROWS, 4_000_000);
  }

  @Override
  public List<RecordOutcome> write(List<OutboundRecord> batch) throws Exception {
    RecordOutcome[] outcomes = new RecordOutcome[batch.size()];
    Map<String, List<Integer>> byChannel = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      SlackDirectory.Target target = rows.target(batch.get(i));
      if (target.problem() != null) {
        outcomes[i] = RowMessages.rejected(target.problem());
      } else {
        byChannel.computeIfAbsent(target.channelId(), k -> new ArrayList<>()).add(i);
      }
    }
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> running = new ArrayList<>();
      byChannel.forEach((channel, indexes) -> running.add(threads.submit(() -> {
        for (int i : indexes) {
          outcomes[i] = post(channel, batch.get(i));
        }
        return null;
      })));
      for (Future<?> future : running) {
        try {
          future.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    }
    return Arrays.asList(outcomes);
  }

  /** One chat.postMessage per row that has a target, built as {@link #write} builds it. */
  @Override
  public List<PlannedRequest> plannedRequests(List<OutboundRecord> batch) {
    List<PlannedRequest> planned = new ArrayList<>();
    try {
      for (OutboundRecord record : batch) {
        SlackDirectory.Target target = rows.target(record);
        if (target.problem() == null) {
          planned.add(rows.api.plannedPost(rows.message(target.channelId(), record)));
        }
      }
    } catch (MessageTemplates.RenderException e) {
      // the row is rejected with this reason; the preview reports rejections, not requests
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return planned;
  }

  private RecordOutcome post(String channel, OutboundRecord record) throws Exception {
    try {
      return RowMessages.outcome(rows.api.post(channel, rows.message(channel, record)));
    } catch (MessageTemplates.RenderException e) {
      return RecordOutcome.rejected(RejectionReason.INVALID_VALUE, null, e.getMessage(), null);
    }
  }
}
