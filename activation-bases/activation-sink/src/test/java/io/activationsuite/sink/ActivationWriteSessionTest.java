package io.activationsuite.sink;

import static io.activationsuite.sink.EngineFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.FieldMapping;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.rejected.RejectedRecord;
import io.activationsuite.sink.spec.EngineOptions;
import io.activationsuite.sink.testapi.FakeApiServer;
import io.activationsuite.sink.testapi.TestActivationApi;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine driven directly: ordering, collapse, bisection, retries, backpressure, failures. */
class ActivationWriteSessionTest {
  static final StreamPlan UPSERT = new StreamPlan(USERS, TestActivationApi.CONTACTS, Operation.UPSERT, "email",
      List.<FieldMapping>of());
  static final StreamPlan INSERT = new StreamPlan(USERS, TestActivationApi.CONTACTS, Operation.INSERT, null,
      List.<FieldMapping>of());

  EngineFixture fixture;
  MockWebServer server;
  FakeApiServer api;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new EngineFixture();
    api = new FakeApiServer();
    server = new MockWebServer();
    server.setDispatcher(api);
    server.start();
    TestActivationApi.maxRecords = 10;
  }

  @AfterEach
  void tearDown() throws Exception {
    api.open();
    server.shutdown();
  }

  private ActivationWriteSession session(StreamPlan plan, BatchWriter writer, EngineOptions options) {
    return new ActivationWriteSession(List.of(new ActivationWriteSession.StreamWriter(plan, writer)), fixture.store,
        options, (level, message) -> fixture.logs.add(level + " " + message), Clock.systemUTC());
  }

  private BatchWriter httpWriter(StreamPlan plan) throws Exception {
    return new TestActivationApi().open(new TestActivationApi.TestConfig(server.url("/").toString(), "k"), null)
        .writer(plan);
  }

  private static EngineOptions options() {
    return EngineOptions.defaults().withLinger(Duration.ofMillis(10)).withRetries(3, Duration.ofMillis(1));
  }

  @Test
  void givenKeyUpdatedManyTimes_whenWrittenConcurrently_thenFinalValueIsTheLastAndNoKeyIsInTwoRequestsAtOnce()
      throws Exception {
    TestActivationApi.maxRecords = 3;
    try (ActivationWriteSession session = session(UPSERT, httpWriter(UPSERT), options().withConcurrency(8))) {
      for (int round = 0; round < 40; round++) {
        for (int user = 0; user < 5; user++) {
          session.accept(fixture.record("{\"email\":\"u" + user + "@example.com\",\"age\":" + round
              + ",\"first_name\":\"r" + round + "\"}"));
        }
        if (round % 7 == 0) {
          session.onState(io.activationsuite.protocol.checkpoint.StateScope.of(USERS));
        }
      }
      session.accept(fixture.record("{\"email\":\"u0@example.com\",\"age\":null,\"last_name\":\"Last\"}"));
      session.drain();
    }

    assertThat(api.overlaps()).isZero();
    assertThat(api.rows()).hasSize(5);
    assertThat(api.rows().get("u0@example.com").path("age").asInt()).isEqualTo(39);
    assertThat(api.rows().get("u0@example.com").path("last_name").asText()).isEqualTo("Last");
    for (int user = 1; user < 5; user++) {
      assertThat(api.rows().get("u" + user + "@example.com").path("first_name").asText()).isEqualTo("r39");
    }
    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(201);
    assertThat(fixture.ledger.stats().inFlight()).isZero();
  }

  @Test
  void givenSameKeyTwiceInOneBatch_whenWritten_thenTheyCollapseIntoOneWriteAndBothEndWithItsOutcome()
      throws Exception {
    List<List<OutboundRecord>> batches = new CopyOnWriteArrayList<>();
    BatchWriter writer = recording(batches, record -> RecordOutcome.accepted("x"));
    try (ActivationWriteSession session = session(UPSERT, writer, options())) {
      session.accept(fixture.record("{\"email\":\"a@example.com\",\"first_name\":\"one\",\"age\":1}"));
      session.accept(fixture.record("{\"email\":\"A@example.com\",\"first_name\":\"two\"}"));
      session.drain();
    }

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0)).hasSize(1);
    assertThat(batches.get(0).get(0).payload().toString())
        .isEqualTo("{\"email\":\"A@example.com\",\"first_name\":\"two\",\"age\":1}");
    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(2);
    assertThat(fixture.ledger.stats().merged()).isEqualTo(1);
    assertThat(fixture.logs).anySatisfy(line -> assertThat(line).startsWith("INFO Stream ")
        .contains("2 acknowledged (1 record merged into a later one with the same key)"));
  }

  @Test
  void givenBatchRejectedForOneBadRecord_whenWritten_thenBisectionIsolatesItAndTheOthersLand() throws Exception {
    TestActivationApi.maxRecords = 16;
    EngineOptions noLinger = options().withLinger(Duration.ofMinutes(5));
    try (ActivationWriteSession session = session(INSERT, httpWriter(INSERT), noLinger)) {
      for (int i = 0; i < 16; i++) {
        session.accept(fixture.record("{\"email\":\"u" + i + "@example.com\",\"first_name\":\""
            + (i == 11 ? "POISON" : "ok") + "\"}"));
      }
      fixture.state(1);
      session.drain();
    }

    assertThat(api.rows()).hasSize(15);
    assertThat(fixture.store.records).hasSize(1);
    RejectedRecord rejected = fixture.store.records.get(0);
    assertThat(rejected.record().path("email").asText()).isEqualTo("u11@example.com");
    assertThat(rejected.message()).isEqualTo("first_name POISON is forbidden");
    assertThat(rejected.httpStatus()).isEqualTo(400);
    assertThat(fixture.states.get(0).path("state").path("destinationStats").path("rejectedRecordCount").asDouble())
        .isEqualTo(1.0);
    // 16 -> 8 + 8 -> 4 + 4 -> 2 + 2 -> 1 + 1: 1 + 2 + 2 + 2 + 2 requests
    assertThat(api.requests()).isEqualTo(9);
  }

  @Test
  void givenRetryOutcomes_whenWritten_thenRecordsAreRequeuedAndRejectedWithRetriesExhaustedAfterTheBudget()
      throws Exception {
    try (ActivationWriteSession session = session(UPSERT, httpWriter(UPSERT), options())) {
      session.accept(fixture.record("{\"email\":\"once@example.com\",\"first_name\":\"FLAKY_ONCE\"}"));
      session.accept(fixture.record("{\"email\":\"never@example.com\",\"first_name\":\"FLAKY\"}"));
      session.accept(fixture.record("{\"email\":\"fine@example.com\",\"first_name\":\"ok\"}"));
      session.drain();
      assertThat(session.counters(USERS).retryCount()).isEqualTo(4);
    }

    assertThat(api.rows()).containsOnlyKeys("once@example.com", "fine@example.com");
    assertThat(fixture.store.records).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RejectionReason.RETRIES_EXHAUSTED);
      assertThat(r.message()).contains("3 attempts").contains("row locked");
    });
    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(2);
    assertThat(fixture.ledger.stats().rejected()).isEqualTo(1);
  }

  @Test
  void givenStalledServer_whenBudgetIsUsedUp_thenAcceptBlocksUntilTheServerAnswers() throws Exception {
    TestActivationApi.maxRecords = 1;
    api.close(2);
    ActivationWriteSession session = session(UPSERT, httpWriter(UPSERT),
        options().withConcurrency(2).withBufferBytes(6_000));
    AtomicInteger accepted = new AtomicInteger();
    CompletableFuture<Void> feeder = feed(session, 40, accepted, new AtomicReference<>());
    assertThat(api.awaitHeld()).isTrue();
    // the two held requests own part of the budget (a record charges about 1 KB); the reader can only buffer
    // what is left
    assertThat(feeder).isNotDone();
    int whileStalled = accepted.get();
    assertThat(whileStalled).isLessThan(40);
    assertThat(session.budget().used()).isLessThanOrEqualTo(6_000);

    api.open();
    feeder.get(20, TimeUnit.SECONDS);
    session.drain();
    session.close();
    assertThat(api.rows()).hasSize(40);
    assertThat(session.budget().peak()).isLessThanOrEqualTo(6_000);
  }

  @Test
  void givenStalledServerAndAmpleMemory_whenRecordsKeepComing_thenReadingStopsOnceEachSlotHasAFullBatchWaiting()
      throws Exception {
    TestActivationApi.maxRecords = 5;
    api.close(2);
    ActivationWriteSession session = session(UPSERT, httpWriter(UPSERT),
        options().withConcurrency(2).withBufferBytes(64L << 20));
    AtomicInteger accepted = new AtomicInteger();
    AtomicReference<Thread> reader = new AtomicReference<>();
    CompletableFuture<Void> feeder = feed(session, 100, accepted, reader);
    assertThat(api.awaitHeld()).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (accepted.get() < 24 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    while (reader.get().getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    // 2 requests of 5 in flight, then (2 slots + 1) x 5 waiting: the 25th record is queued and its accept waits
    assertThat(feeder).isNotDone();
    assertThat(accepted.get()).isEqualTo(24);
    assertThat(session.budget().used()).isLessThan(64L << 20);

    api.open();
    feeder.get(20, TimeUnit.SECONDS);
    session.drain();
    session.close();
    assertThat(api.rows()).hasSize(100);
  }

  @Test
  void givenWriterFailsMidSync_whenDraining_thenInFlightRecordsEndUnsentOnesDoNotAndTheFailureIsThrown()
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    BatchWriter writer = new BatchWriter() {
      @Override
      public BatchLimits limits() {
        return new BatchLimits(2, 10_000);
      }

      @Override
      public List<RecordOutcome> write(List<OutboundRecord> batch) {
        if (calls.incrementAndGet() > 2) {
          throw new TransientErrorException("quota");
        }
        return batch.stream().map(r -> RecordOutcome.accepted("id")).toList();
      }
    };
    ActivationWriteSession session = session(UPSERT, writer, options().withConcurrency(1));
    assertThatThrownBy(() -> {
      for (int i = 0; i < 10; i++) {
        session.accept(fixture.record("{\"email\":\"u" + i + "@example.com\"}"));
        if (i % 2 == 1) {
          fixture.state(i);
        }
      }
      session.drain();
    }).isInstanceOf(TransientErrorException.class);
    session.close();

    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(4);
    assertThat(fixture.ledger.stats().rejected()).isZero();
    assertThat(fixture.states).extracting(s -> s.path("state").path("id").asInt()).containsExactly(1, 3);
  }

  @Test
  void givenFiveMillionRecords_whenWrittenWithAnInstantWriter_thenBufferedBytesNeverExceedTheBudget()
      throws Exception {
    long budget = 256 * 1024;
    BatchWriter instant = new BatchWriter() {
      @Override
      public BatchLimits limits() {
        return new BatchLimits(500, 1 << 20);
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
    ActivationWriteSession session = session(INSERT, instant, options().withBufferBytes(budget).withConcurrency(4));
    int total = 5_000_000;
    for (int i = 0; i < total; i++) {
      com.fasterxml.jackson.databind.node.ObjectNode data = io.activationsuite.protocol.model.Json.mapper()
          .createObjectNode().put("email", "u@example.com").put("age", i);
      session.accept(new io.activationsuite.protocol.runner.InboundRecord(USERS, data, 1L, 40,
          fixture.ledger.track(USERS)));
      if (i % 100_000 == 99_999) {
        fixture.state(i);
      }
    }
    session.drain();
    session.close();

    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(total);
    assertThat(fixture.states).hasSize(50);
    assertThat(session.budget().peak()).isLessThanOrEqualTo(budget).isGreaterThan(0);
  }

  /** Accepts {@code count} distinct users on another thread, counting each accept that returned. */
  private CompletableFuture<Void> feed(ActivationWriteSession session, int count, AtomicInteger accepted,
      AtomicReference<Thread> reader) {
    return CompletableFuture.runAsync(() -> {
      reader.set(Thread.currentThread());
      try {
        for (int i = 0; i < count; i++) {
          session.accept(fixture.record("{\"email\":\"u" + i + "@example.com\",\"first_name\":\"abcdefghij\"}"));
          accepted.incrementAndGet();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static BatchWriter recording(List<List<OutboundRecord>> batches,
      java.util.function.Function<OutboundRecord, RecordOutcome> outcome) {
    return new BatchWriter() {
      @Override
      public BatchLimits limits() {
        return new BatchLimits(100, 100_000);
      }

      @Override
      public List<RecordOutcome> write(List<OutboundRecord> batch) throws BatchRejectedException {
        batches.add(List.copyOf(batch));
        return batch.stream().map(outcome).toList();
      }
    };
  }
}
