package io.activationsuite.sink.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link BatchWriter} that decides itself how records group into one request: Braze's
 * {@code /users/track} (75 objects across attributes, events and purchases), a Slack digest (one
 * message per channel, at most 50 blocks). The engine keeps what it owns: one ticket per record,
 * collapse and ordering by matching key, backpressure, STATE-triggered flushes, retries and rejected
 * records. It takes the oldest sendable record, opens a {@link #newRequest draft} for its
 * {@link #group group}, offers the following sendable records of that group in order until the draft
 * refuses one, and calls {@link #send}, which returns one outcome per record: a request that carries 40
 * records yields 40 outcomes.
 *
 * <p>{@link #limits()} bounds what one request can ever carry (records and bytes): the engine uses it
 * for memory and to know when enough is waiting; the draft decides the exact fit. Requests of different
 * groups may be in flight at once (rate limits per group are the HTTP layer's job).
 *
 * <p><b>Requests shared by several streams.</b> Writers of different streams whose {@link #requestPool()}
 * are equal (and not null) fill requests together: Braze's {@code /users/track} carries attributes, events
 * and purchases in one call. The engine then takes the oldest sendable record of all those streams, opens
 * a draft with the writer of that record's stream ({@link #group} values must be comparable across the
 * pool's writers), offers the following sendable records of the pool's streams in arrival order, and calls
 * {@link #sendShared} on that same writer with each record's stream plan. Each record keeps its own
 * stream: its key ordering, outcome, counters and the STATEs of its stream are accounted as if it had
 * travelled alone, so a stream's STATE is still echoed only when every record of that stream before it has
 * ended.
 */
public interface ComposedWriter extends BatchWriter {

  /** The single group of writers that do not group (every record may share a request). */
  Object ONE_GROUP = "";

  /**
   * The group of a record (a Slack channel id): records of different groups never share a request.
   * Default: one group.
   */
  default Object group(OutboundRecord record) {
    return ONE_GROUP;
  }

  /** An empty request for {@code group}. */
  RequestDraft newRequest(Object group);

  /**
   * Sends one request made of {@code records}, all of {@code group} and accepted by one draft of it (or
   * a part of such a request, after a refusal: see {@link #refusalSplit()}). Returns one outcome per
   * record, in order; throws like {@link BatchWriter#write}.
   */
  List<RecordOutcome> send(Object group, List<OutboundRecord> records) throws Exception;

  /**
   * The pool of writers whose streams may share requests (any value with {@code equals}, e.g. one object
   * per session), or null (default) when this stream's requests carry only its own records.
   */
  default Object requestPool() {
    return null;
  }

  /**
   * Sends one request made of records of several streams of this writer's {@link #requestPool()}, each
   * with its stream's plan, in the order a draft of {@code group} accepted them (or a part of it after a
   * refusal). Returns one outcome per record, in order; throws like {@link BatchWriter#write}. Writers
   * that return a pool must implement it.
   */
  default List<RecordOutcome> sendShared(Object group, List<StreamRecord> records) throws Exception {
    throw new UnsupportedOperationException(getClass().getName() + " returns a request pool but cannot send"
        + " records of several streams");
  }

  /**
   * The requests {@link #sendShared} would make of {@code records} (several streams of this writer's pool), for
   * a preview, built by the same code (see {@link BatchWriter#plannedRequests}). Default: none shown.
   */
  default List<PlannedRequest> plannedSharedRequests(List<StreamRecord> records) {
    return List.of();
  }

  /** Whether a request the API refused as a whole may be split to find the faulty records. */
  default RefusalSplit refusalSplit() {
    return RefusalSplit.HALVES;
  }

  /**
   * Composes and sends {@code batch} request by request, in order (for callers outside the engine, such
   * as a connector's own tests; the engine calls {@link #send} itself). A record that fits no request is
   * rejected as {@link RejectionReason#RECORD_TOO_LARGE}.
   */
  @Override
  default List<RecordOutcome> write(List<OutboundRecord> batch) throws Exception {
    List<RecordOutcome> outcomes = new ArrayList<>(batch.size());
    int next = 0;
    while (next < batch.size()) {
      Object group = group(batch.get(next));
      RequestDraft draft = newRequest(group);
      if (!draft.tryAdd(batch.get(next))) {
        outcomes.add(RecordOutcome.rejected(RejectionReason.RECORD_TOO_LARGE, null,
            "The record does not fit in one request", null));
        next++;
        continue;
      }
      List<OutboundRecord> request = new ArrayList<>();
      request.add(batch.get(next++));
      while (next < batch.size() && group.equals(group(batch.get(next))) && draft.tryAdd(batch.get(next))) {
        request.add(batch.get(next++));
      }
      outcomes.addAll(send(group, request));
    }
    return outcomes;
  }
}
