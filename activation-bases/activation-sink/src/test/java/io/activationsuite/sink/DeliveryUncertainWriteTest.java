package io.activationsuite.sink;

import static io.activationsuite.sink.EngineFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.FieldMapping;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.http.ApiClient;
import io.activationsuite.sink.spec.EngineOptions;
import io.activationsuite.sink.testapi.TestActivationApi;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A create that times out after it was sent is neither resent nor dropped: its records end DELIVERY_UNCERTAIN. */
class DeliveryUncertainWriteTest {
  private static final StreamPlan INSERT = new StreamPlan(USERS, TestActivationApi.CONTACTS, Operation.INSERT, null,
      List.<FieldMapping>of());

  private final EngineFixture fixture = new EngineFixture();
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  @Test
  void aTimedOutCreateIsNotResentAndEachOfItsRecordsIsRejectedAsDeliveryUncertain() throws Exception {
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(300)).build();
    ApiClient client = ApiClient.builder("Example", http).build();
    BatchWriter writer = new BatchWriter() {
      @Override
      public BatchLimits limits() {
        return new BatchLimits(10, 100_000);
      }

      @Override
      public List<RecordOutcome> write(List<OutboundRecord> batch) throws Exception {
        client.execute(new Request.Builder().url(server.url("/contacts/create"))
            .post(RequestBody.create("[]", MediaType.get("application/json"))).build());
        return batch.stream().map(r -> RecordOutcome.accepted("id")).toList();
      }
    };
    server.enqueue(new MockResponse().setBody("ok"));
    client.execute(new Request.Builder().url(server.url("/ping")).build());
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(new MockResponse().setBody("ok"));

    try (ActivationWriteSession session = new ActivationWriteSession(
        List.of(new ActivationWriteSession.StreamWriter(INSERT, writer)), fixture.store,
        EngineOptions.defaults().withLinger(Duration.ofMillis(10)), (level, message) -> { }, Clock.systemUTC())) {
      session.accept(fixture.record("{\"email\":\"a@example.com\"}"));
      session.accept(fixture.record("{\"email\":\"b@example.com\"}"));
      fixture.state(1);
      session.drain();
    }

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(fixture.store.records).hasSize(2).allSatisfy(r -> {
      assertThat(r.reason()).isEqualTo(RejectionReason.DELIVERY_UNCERTAIN);
      assertThat(r.message()).contains("may have applied this record", "POST /contacts/create");
    });
    assertThat(fixture.ledger.stats().rejected()).isEqualTo(2);
    assertThat(fixture.states).hasSize(1);
  }
}
