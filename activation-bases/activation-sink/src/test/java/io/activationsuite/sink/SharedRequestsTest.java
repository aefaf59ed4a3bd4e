package io.activationsuite.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.checkpoint.StateScope;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.protocol.runner.InboundRecord;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.ComposedWriter;
import io.activationsuite.sink.api.FieldMapping;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.RequestDraft;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.api.StreamRecord;
import io.activationsuite.sink.spec.EngineOptions;
import io.activationsuite.sink.testapi.TestActivationApi;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests shared by several streams: records of three streams fill one request, per-object errors reported
 * as (array, index) end the right stream's record, and each stream's STATEs count only its own records.
 */
class SharedRequestsTest {
  static final StreamDescriptor PROFILES = new StreamDescriptor("profiles", "crm");
  static final StreamDescriptor EVENTS = new StreamDescriptor("events", "crm");
  static final StreamDescriptor PURCHASES = new StreamDescriptor("purchases", "crm");

  EngineFixture fixture;
  Api api;

  @BeforeEach
  void setUp() {
    fixture = new EngineFixture();
    api = new Api(75);
  }

  /**
   * A fake API taking up to {@code capacity} objects across one array per stream; it refuses objects whose
   * {@code first_name} is "bad" with an error naming the array and the index within it.
   */
  static final class Api {
    final int capacity;
    final List<Map<String, List<ObjectNode>>> requests = new CopyOnWriteArrayList<>();
    final java.util.Set<String> retried = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Api(int capacity) {
      this.capacity = capacity;
    }

    List<RecordOutcome> send(List<StreamRecord> records) {
      Map<String, List<ObjectNode>> arrays = new HashMap<>();
      List<String> arrayOf = new ArrayList<>();
      List<Integer> indexOf = new ArrayList<>();
      for (StreamRecord record : records) {
        List<ObjectNode> array = arrays.computeIfAbsent(record.plan().stream().name(), k -> new ArrayList<>());
        arrayOf.add(record.plan().stream().name());
        indexOf.add(array.size());
        array.add(record.record().payload());
      }
      requests.add(arrays);
      List<String> errors = new ArrayList<>();
      arrays.forEach((name, array) -> {
        for (int i = 0; i < array.size(); i++) {
          if (array.get(i).path("first_name").asText().equals("bad")) {
            errors.add(name + "#" + i);
          }
        }
      });
      List<RecordOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < records.size(); i++) {
        ObjectNode payload = records.get(i).record().payload();
        if (payload.path("first_name").asText().equals("flaky") && retried.add(payload.path("email").asText())) {
          outcomes.add(RecordOutcome.retry("locked, try again"));
          continue;
        }
        outcomes.add(errors.contains(arrayOf.get(i) + "#" + indexOf.get(i))
            ? RecordOutcome.rejected(RejectionReason.REFUSED_BY_API, "first_name", "bad name", 201)
            : RecordOutcome.accepted(null));
      }
      return outcomes;
    }
  }

  /** One stream's writer; every writer of {@link #api} shares its requests. */
  final class PoolWriter implements ComposedWriter {
    final StreamPlan plan;

    PoolWriter(StreamPlan plan) {
      this.plan = plan;
    }

    @Override
    public BatchLimits limits() {
      return new BatchLimits(api.capacity, 1 << 20);
    }

    @Override
    public Object requestPool() {
      return api;
    }

    @Override
    public RequestDraft newRequest(Object group) {
      return RequestDraft.withCapacity(api.capacity, record -> 1);
    }

    @Override
    public List<RecordOutcome> send(Object group, List<OutboundRecord> records) {
      return api.send(records.stream().map(r -> new StreamRecord(plan, r)).toList());
    }

    @Override
    public List<RecordOutcome> sendShared(Object group, List<StreamRecord> records) {
      return api.send(records);
    }
  }

  private ActivationWriteSession session() {
    List<ActivationWriteSession.StreamWriter> streams = new ArrayList<>();
    streams.add(writer(new StreamPlan(PROFILES, TestActivationApi.CONTACTS, Operation.UPSERT, "email",
        List.<FieldMapping>of())));
    streams.add(writer(new StreamPlan(EVENTS, TestActivationApi.CONTACTS, Operation.INSERT, null, List.of())));
    streams.add(writer(new StreamPlan(PURCHASES, TestActivationApi.CONTACTS, Operation.INSERT, null, List.of())));
    EngineOptions options = EngineOptions.defaults().withLinger(Duration.ofMinutes(5));
    return new ActivationWriteSession(streams, fixture.store, options,
        (level, message) -> fixture.logs.add(level + " " + message), Clock.systemUTC());
  }

  private ActivationWriteSession.StreamWriter writer(StreamPlan plan) {
    return new ActivationWriteSession.StreamWriter(plan, new PoolWriter(plan));
  }

  private void accept(ActivationWriteSession session, StreamDescriptor stream, int count, String name)
      throws Exception {
    for (int i = 0; i < count; i++) {
      String json = "{\"email\":\"" + stream.name() + name + i + "@example.com\",\"first_name\":\"" + name + "\"}";
      ObjectNode data = (ObjectNode) Json.mapper().readTree(json);
      session.accept(new InboundRecord(stream, data, 1L, json.length(), fixture.ledger.track(stream)));
    }
  }

  private void state(StreamDescriptor stream) {
    ObjectNode message = Json.mapper().createObjectNode().put("type", "STATE");
    message.putObject("state").put("type", "STREAM").put("stream", stream.name());
    fixture.ledger.onState(message, StateScope.of(stream));
  }

  private Map<String, Double> recordCountByStream() {
    Map<String, Double> counts = new HashMap<>();
    fixture.states.forEach(state -> counts.put(state.path("state").path("stream").asText(),
        state.path("state").path("destinationStats").path("recordCount").asDouble()));
    return counts;
  }

  @Test
  void givenRecordsOfThreeStreams_whenWritten_thenOneRequestCarriesAllOfThem() throws Exception {
    try (ActivationWriteSession session = session()) {
      accept(session, PROFILES, 20, "ok");
      accept(session, EVENTS, 20, "ok");
      accept(session, PURCHASES, 20, "ok");
      session.drain();
    }

    assertThat(api.requests).singleElement().satisfies(request -> {
      assertThat(request.keySet()).containsExactlyInAnyOrder("profiles", "events", "purchases");
      assertThat(request.values()).allSatisfy(array -> assertThat(array).hasSize(20));
    });
    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(60);
  }

  @Test
  void givenMoreObjectsThanOneRequestHolds_whenWritten_thenRequestsAreFullAndNeverExceedTheCapacity()
      throws Exception {
    try (ActivationWriteSession session = session()) {
      accept(session, PROFILES, 40, "ok");
      accept(session, EVENTS, 40, "ok");
      accept(session, PURCHASES, 40, "ok");
      session.drain();
    }

    // the two requests run on their own threads, so they may reach the API in either order
    assertThat(api.requests).extracting(r -> r.values().stream().mapToInt(List::size).sum())
        .containsExactlyInAnyOrder(75, 45);
    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(120);
  }

  @Test
  void givenAnObjectRefusedByArrayAndIndex_whenWritten_thenTheRecordOfThatStreamIsRejectedAndNoOther()
      throws Exception {
    try (ActivationWriteSession session = session()) {
      accept(session, PROFILES, 2, "ok");
      accept(session, EVENTS, 1, "ok");
      accept(session, EVENTS, 1, "bad");
      accept(session, PURCHASES, 2, "ok");
      session.drain();
    }

    assertThat(api.requests).hasSize(1);
    assertThat(fixture.store.records).singleElement().satisfies(rejected -> {
      assertThat(rejected.stream()).isEqualTo("events");
      assertThat(rejected.record().path("first_name").asText()).isEqualTo("bad");
      assertThat(rejected.message()).isEqualTo("bad name");
    });
    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(5);
  }

  @Test
  void givenAStateOfEachStream_whenWritten_thenEachStateCountsOnlyItsOwnStreamsRecords() throws Exception {
    try (ActivationWriteSession session = session()) {
      accept(session, PROFILES, 3, "ok");
      state(PROFILES);
      accept(session, EVENTS, 5, "ok");
      accept(session, EVENTS, 1, "bad");
      state(EVENTS);
      accept(session, PURCHASES, 7, "ok");
      state(PURCHASES);
      session.drain();
    }

    assertThat(recordCountByStream()).containsOnly(Map.entry("profiles", 3.0), Map.entry("events", 5.0),
        Map.entry("purchases", 7.0));
    assertThat(fixture.states).allSatisfy(state -> assertThat(state.path("state").path("destinationStats")
        .path("rejectedRecordCount").asDouble()).isEqualTo(
            state.path("state").path("stream").asText().equals("events") ? 1.0 : 0.0));
  }

  @Test
  void givenARecordToRetryInASharedRequest_whenWritten_thenItIsResentInItsOwnStreamAndItsStateWaitsForIt()
      throws Exception {
    try (ActivationWriteSession session = session()) {
      accept(session, PROFILES, 1, "flaky");
      accept(session, PROFILES, 1, "ok");
      state(PROFILES);
      accept(session, EVENTS, 2, "ok");
      state(EVENTS);
      session.drain();
    }

    assertThat(api.requests).hasSize(2);
    assertThat(api.requests.get(1)).containsOnlyKeys("profiles")
        .satisfies(r -> assertThat(r.get("profiles")).singleElement()
            .satisfies(p -> assertThat(p.path("first_name").asText()).isEqualTo("flaky")));
    assertThat(recordCountByStream()).containsOnly(Map.entry("profiles", 2.0), Map.entry("events", 2.0));
    assertThat(fixture.states.get(0).path("state").path("stream").asText()).isEqualTo("events");
  }
}
