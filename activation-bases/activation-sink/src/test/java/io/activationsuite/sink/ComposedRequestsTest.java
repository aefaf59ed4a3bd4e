package io.activationsuite.sink;

import static io.activationsuite.sink.EngineFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.ComposedWriter;
import io.activationsuite.sink.api.FieldMapping;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RefusalSplit;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.RequestDraft;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.spec.EngineOptions;
import io.activationsuite.sink.testapi.TestActivationApi;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connector-composed requests: groups, the connector's own "full", refusal splitting, one outcome per record. */
class ComposedRequestsTest {
  static final StreamPlan INSERT = new StreamPlan(USERS, TestActivationApi.CONTACTS, Operation.INSERT, null,
      List.<FieldMapping>of());

  EngineFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new EngineFixture();
  }

  /** A request seen by the fake API. */
  record Sent(Object group, List<OutboundRecord> records) {}

  /**
   * Like a Slack digest: records group by {@code first_name} (the channel), each costs its {@code age} in
   * blocks, a message holds {@code capacity} blocks; requests whose group matches {@code refuse} are refused.
   */
  static final class DigestWriter implements ComposedWriter {
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final long capacity;
    final RefusalSplit split;
    final Predicate<List<OutboundRecord>> refuse;

    DigestWriter(long capacity, RefusalSplit split, Predicate<List<OutboundRecord>> refuse) {
      this.capacity = capacity;
      this.split = split;
      this.refuse = refuse;
    }

    @Override
    public BatchLimits limits() {
      return new BatchLimits(100, 1 << 20);
    }

    @Override
    public Object group(OutboundRecord record) {
      return record.payload().path("first_name").asText();
    }

    @Override
    public RequestDraft newRequest(Object group) {
      return RequestDraft.withCapacity(capacity, record -> record.payload().path("age").asLong(1));
    }

    @Override
    public RefusalSplit refusalSplit() {
      return split;
    }

    @Override
    public List<RecordOutcome> send(Object group, List<OutboundRecord> records) throws BatchRejectedException {
      sent.add(new Sent(group, List.copyOf(records)));
      if (refuse.test(records)) {
        throw new BatchRejectedException(200, RejectionReason.REFUSED_BY_API, "msg_blocks_too_long");
      }
      return records.stream().map(r -> RecordOutcome.accepted("ts-" + r.correlationId())).toList();
    }
  }

  private ActivationWriteSession session(ComposedWriter writer) {
    return new ActivationWriteSession(List.of(new ActivationWriteSession.StreamWriter(INSERT, writer)),
        fixture.store, EngineOptions.defaults().withLinger(Duration.ofMinutes(5)),
        (level, message) -> fixture.logs.add(level + " " + message), Clock.systemUTC());
  }

  private void accept(ActivationWriteSession session, int count, String channel, int blocks) throws Exception {
    for (int i = 0; i < count; i++) {
      session.accept(fixture.record("{\"email\":\"u" + i + "@example.com\",\"first_name\":\"" + channel
          + "\",\"age\":" + blocks + "}"));
    }
  }

  @Test
  void givenFortyRecordsThatFitOneRequest_whenWritten_thenOneRequestCarriesThemAndFortyOutcomesEnd() throws Exception {
    DigestWriter writer = new DigestWriter(75, RefusalSplit.HALVES, records -> false);
    try (ActivationWriteSession session = session(writer)) {
      accept(session, 40, "C1", 1);
      fixture.state(1);
      session.drain();
    }

    assertThat(writer.sent).singleElement().satisfies(sent -> assertThat(sent.records()).hasSize(40));
    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(40);
    assertThat(fixture.states).singleElement().satisfies(state -> assertThat(
        state.path("state").path("destinationStats").path("recordCount").asDouble()).isEqualTo(40.0));
  }

  @Test
  void givenTwoChannelsAndABlockBudget_whenWritten_thenRequestsNeverMixGroupsNorExceedTheConnectorsCapacity()
      throws Exception {
    DigestWriter writer = new DigestWriter(10, RefusalSplit.HALVES, records -> false);
    try (ActivationWriteSession session = session(writer)) {
      for (int i = 0; i < 12; i++) {
        accept(session, 1, i % 2 == 0 ? "C1" : "C2", 3);
      }
      session.drain();
    }

    // 6 records of 3 blocks per channel, 10 blocks per message: 3 + 3 records per channel
    assertThat(writer.sent).hasSize(4).allSatisfy(sent -> {
      assertThat(sent.records()).extracting(r -> r.payload().path("first_name").asText())
          .containsOnly((String) sent.group());
      assertThat(sent.records().stream().mapToLong(r -> r.payload().path("age").asLong()).sum())
          .isLessThanOrEqualTo(10);
    });
    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(12);
  }

  @Test
  void givenARefusedDigestThatMayNotBeSplit_whenWritten_thenItIsNotHalvedAndEveryRowIsRejectedWithTheReason()
      throws Exception {
    DigestWriter writer = new DigestWriter(75, RefusalSplit.NONE, records -> true);
    try (ActivationWriteSession session = session(writer)) {
      accept(session, 8, "C1", 1);
      fixture.state(1);
      session.drain();
    }

    assertThat(writer.sent).hasSize(1);
    assertThat(fixture.store.records).hasSize(8).allSatisfy(rejected -> {
      assertThat(rejected.reason()).isEqualTo(RejectionReason.REFUSED_BY_API);
      assertThat(rejected.message()).isEqualTo("msg_blocks_too_long");
    });
    assertThat(fixture.states).singleElement().satisfies(state -> assertThat(
        state.path("state").path("destinationStats").path("rejectedRecordCount").asDouble()).isEqualTo(8.0));
  }

  @Test
  void givenARefusedRequestThatMayBeSentRowByRow_whenWritten_thenEachRecordIsResentAlone() throws Exception {
    DigestWriter writer = new DigestWriter(75, RefusalSplit.SINGLES,
        records -> records.size() > 1 || records.get(0).payload().path("email").asText().startsWith("u2@"));
    try (ActivationWriteSession session = session(writer)) {
      accept(session, 4, "C1", 1);
      session.drain();
    }

    assertThat(writer.sent).extracting(sent -> sent.records().size()).containsExactly(4, 1, 1, 1, 1);
    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(3);
    assertThat(fixture.store.records).singleElement()
        .satisfies(r -> assertThat(r.record().path("email").asText()).isEqualTo("u2@example.com"));
  }

  @Test
  void givenARecordNoEmptyRequestCanHold_whenWritten_thenItIsRejectedAsTooLargeAndTheOthersLand() throws Exception {
    DigestWriter writer = new DigestWriter(5, RefusalSplit.HALVES, records -> false);
    try (ActivationWriteSession session = session(writer)) {
      accept(session, 2, "C1", 2);
      accept(session, 1, "C1", 9);
      accept(session, 2, "C1", 2);
      session.drain();
    }

    assertThat(fixture.store.records).singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectionReason.RECORD_TOO_LARGE));
    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(4);
    assertThat(writer.sent).allSatisfy(sent -> assertThat(sent.records()).hasSizeLessThanOrEqualTo(2));
  }
}
