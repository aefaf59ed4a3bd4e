package io.activationsuite.protocol.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.protocol.model.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CheckpointLedgerTest {
  private static final StreamDescriptor USERS = StreamDescriptor.of("ns", "users");
  private final List<ObjectNode> emitted = new ArrayList<>();
  private final CheckpointLedger ledger = new CheckpointLedger(emitted::add);

  private static ObjectNode state(int id) {
    ObjectNode message = Json.mapper().createObjectNode().put("type", "STATE");
    message.putObject("state").put("type", "STREAM").put("id", id);
    return message;
  }

  @Test
  void givenAStateWithNoRecordsBeforeIt_whenReceived_thenItIsReleasedAtOnceWithZeroCounts() {
    ledger.onState(state(1), StateScope.of(USERS));

    assertThat(emitted).hasSize(1);
    assertThat(emitted.get(0).path("state").path("destinationStats").path("recordCount").asDouble()).isZero();
  }

  @Test
  void givenARecordMergedIntoALaterOne_whenItsStateIsReleased_thenTheStatsCountItAcknowledgedAndMerged() {
    RecordTicket earlier = ledger.track(USERS);
    RecordTicket later = ledger.track(USERS);
    ledger.onState(state(1), StateScope.of(USERS));

    earlier.merged();
    later.acknowledged();

    ObjectNode stats = (ObjectNode) emitted.get(0).path("state").path("destinationStats");
    assertThat(stats.path("recordCount").asDouble()).isEqualTo(2.0);
    assertThat(stats.path("additionalStats").path(CheckpointLedger.MERGED_RECORD_COUNT).asDouble()).isEqualTo(1.0);
    assertThat(ledger.stats().merged()).isEqualTo(1);
    assertThat(CheckpointStats.merged(1)).isEqualTo("1 record merged into a later one with the same key");
  }

  @Test
  void givenNoMergedRecords_whenAStateIsReleased_thenItHasNoAdditionalStats() {
    ledger.track(USERS).acknowledged();
    ledger.onState(state(1), StateScope.of(USERS));

    assertThat(emitted.get(0).path("state").path("destinationStats").has("additionalStats")).isFalse();
  }

  @Test
  void givenATicketEndedTwice_whenEnding_thenItFailsLoudly() {
    RecordTicket ticket = ledger.track(USERS);
    ticket.acknowledged();

    assertThatThrownBy(ticket::rejected).isInstanceOf(IllegalStateException.class);
    assertThat(ledger.stats().acknowledged()).isEqualTo(1);
    assertThat(ledger.stats().rejected()).isZero();
  }

  @Test
  void givenRejectedRecords_whenTheirStateIsReleased_thenTheBarrierRunsFirst() {
    List<String> events = new ArrayList<>();
    CheckpointLedger withBarrier = new CheckpointLedger(s -> events.add("state"));
    withBarrier.setDurabilityBarrier(() -> events.add("flush"));
    RecordTicket ok = withBarrier.track(USERS);
    RecordTicket bad = withBarrier.track(USERS);
    withBarrier.onState(state(1), StateScope.of(USERS));

    ok.acknowledged();
    assertThat(events).isEmpty();
    bad.rejected();

    assertThat(events).containsExactly("flush", "state");
  }

  @Test
  void givenNoRejectedRecords_whenStateReleased_thenTheBarrierIsNotCalled() {
    List<String> events = new ArrayList<>();
    CheckpointLedger withBarrier = new CheckpointLedger(s -> events.add("state"));
    withBarrier.setDurabilityBarrier(() -> events.add("flush"));
    withBarrier.track(USERS).acknowledged();
    withBarrier.onState(state(1), StateScope.of(USERS));

    assertThat(events).containsExactly("state");
  }

  @Test
  void givenAFailingBarrier_whenReleasing_thenTheStateIsHeldAndTheFailureKept() {
    ledger.setDurabilityBarrier(() -> {
      throw new java.io.IOException("bucket unreachable");
    });
    RecordTicket bad = ledger.track(USERS);
    ledger.onState(state(1), StateScope.of(USERS));
    bad.rejected();

    assertThat(emitted).isEmpty();
    assertThat(ledger.barrierFailure()).hasMessageContaining("bucket unreachable");
    assertThat(ledger.stats().statesHeld()).isEqualTo(1);
  }

  @Test
  void givenManyThreadsEndingRecords_whenStatesInterleave_thenStatesComeOutInOrderWithExactCounts()
      throws Exception {
    int perState = 1_000;
    int states = 50;
    List<RecordTicket> tickets = new ArrayList<>();
    for (int s = 0; s < states; s++) {
      for (int i = 0; i < perState; i++) {
        tickets.add(ledger.track(USERS));
      }
      ledger.onState(state(s), StateScope.of(USERS));
    }
    java.util.Collections.shuffle(tickets, new java.util.Random(7));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch done = new CountDownLatch(tickets.size());
    for (RecordTicket ticket : tickets) {
      pool.execute(() -> {
        ticket.acknowledged();
        done.countDown();
      });
    }
    assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
    pool.shutdown();

    assertThat(emitted).extracting(m -> m.path("state").path("id").asInt())
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, states).boxed().toList());
    assertThat(emitted).allSatisfy(m -> assertThat(
        m.path("state").path("destinationStats").path("recordCount").asDouble()).isEqualTo(perState));
  }
}
