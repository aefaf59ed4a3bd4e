package io.activationsuite.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.model.ConfiguredAirbyteStream;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.Lookup;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.plan.StreamPlanner;
import io.activationsuite.sink.rejected.RejectedRecord;
import io.activationsuite.sink.spec.EngineOptions;
import io.activationsuite.sink.spec.MappingsConfig;
import io.activationsuite.sink.testapi.TestActivationApi;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Mapped fields with a lookup: values become the destination's ids, cached per sync; no match rejects. */
class LookupFieldsTest {
  static final Map<String, String> DIRECTORY = Map.of("ann@corp.test", "u-1", "bob@corp.test", "u-2");

  final EngineFixture fixture = new EngineFixture();
  final List<Set<String>> calls = new CopyOnWriteArrayList<>();
  final Lookup owner = new Lookup("owner_by_email", "the id of the user with this email", FieldType.EMAIL,
      "test user with email", values -> {
        calls.add(Set.copyOf(values));
        Map<String, String> found = new HashMap<>();
        values.forEach(v -> {
          if (DIRECTORY.containsKey(v)) {
            found.put(v, DIRECTORY.get(v));
          }
        });
        return found;
      });

  private static MappingsConfig mappings(String fields) throws Exception {
    return MappingsConfig.from(Json.mapper().readTree("{\"mappings\":[{\"source_stream\":\"users\","
        + "\"destination_object\":\"contacts\",\"operation\":\"upsert\",\"matching_key\":\"email\",\"fields\":["
        + "{\"destination_field\":\"email\",\"source\":{\"mapping_type\":\"source_path\",\"source_path\":\"email\"}},"
        + fields + "]}]}"));
  }

  private StreamPlan plan(String fields) throws Exception {
    ConfiguredAirbyteStream stream = Json.mapper().readValue("{\"stream\":{\"name\":\"users\",\"namespace\":\"crm\","
        + "\"json_schema\":{}},\"destination_sync_mode\":\"append_dedup\"}", ConfiguredAirbyteStream.class);
    return new StreamPlanner(List.of(TestActivationApi.CONTACTS), mappings(fields), List.of(owner)).plan(stream);
  }

  private static String ownerField(String lookup) {
    return "{\"destination_field\":\"first_name\",\"source\":{\"mapping_type\":\"source_path\","
        + "\"source_path\":\"owner\"},\"lookup\":\"" + lookup + "\"}";
  }

  @Test
  void givenThreeDistinctOwnerEmails_whenWritten_thenIdsAreSentUnknownOwnersRejectedAndEachEmailAskedOnce()
      throws Exception {
    StreamPlan plan = plan(ownerField("owner_by_email"));
    List<OutboundRecord> written = new CopyOnWriteArrayList<>();
    BatchWriter writer = new BatchWriter() {
      @Override
      public BatchLimits limits() {
        return new BatchLimits(2, 100_000);
      }

      @Override
      public List<RecordOutcome> write(List<OutboundRecord> batch) {
        written.addAll(batch);
        return batch.stream().map(r -> RecordOutcome.accepted("x")).toList();
      }
    };
    String[] owners = {"ann@corp.test", "BOB@corp.test", "nobody@corp.test", "ann@corp.test", "bob@corp.test",
        "nobody@corp.test", "Ann@Corp.test", "bob@corp.test"};
    try (ActivationWriteSession session = new ActivationWriteSession(
        List.of(new ActivationWriteSession.StreamWriter(plan, writer)), List.of(owner), fixture.store,
        EngineOptions.defaults().withLinger(Duration.ofMillis(5)).withConcurrency(1),
        (level, message) -> fixture.logs.add(message), Clock.systemUTC())) {
      for (int i = 0; i < owners.length; i++) {
        session.accept(fixture.record("{\"email\":\"c" + i + "@example.com\",\"owner\":\"" + owners[i] + "\"}"));
      }
      session.drain();
    }

    assertThat(written).hasSize(6);
    assertThat(written).allSatisfy(r -> assertThat(r.payload().path("first_name").asText()).isIn("u-1", "u-2"));
    assertThat(written.stream().filter(r -> r.payload().path("email").asText().equals("c1@example.com")).findFirst()
        .orElseThrow().payload().path("first_name").asText()).isEqualTo("u-2");
    List<RejectedRecord> rejected = fixture.store.records;
    assertThat(rejected).hasSize(2).allSatisfy(r -> {
      assertThat(r.reason()).isEqualTo(RejectionReason.LOOKUP_NOT_FOUND);
      assertThat(r.field()).isEqualTo("first_name");
      assertThat(r.message()).startsWith("no test user with email nobody@corp.test");
    });
    assertThat(calls).hasSizeLessThanOrEqualTo(3);
    assertThat(calls.stream().mapToInt(Set::size).sum()).as("each distinct email asked once: %s", calls)
        .isEqualTo(3);
    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(6);
  }

  @Test
  void givenOwnerValueThatIsNotAnEmail_whenWritten_thenItIsRejectedAsInvalidWithoutALookup() throws Exception {
    StreamPlan plan = plan(ownerField("owner_by_email"));
    try (ActivationWriteSession session = new ActivationWriteSession(
        List.of(new ActivationWriteSession.StreamWriter(plan, new BatchWriter() {
          @Override
          public BatchLimits limits() {
            return new BatchLimits(10, 100_000);
          }

          @Override
          public List<RecordOutcome> write(List<OutboundRecord> batch) {
            return batch.stream().map(r -> RecordOutcome.accepted("x")).toList();
          }
        })), List.of(owner), fixture.store, EngineOptions.defaults().withLinger(Duration.ofMillis(5)),
        (level, message) -> { }, Clock.systemUTC())) {
      session.accept(fixture.record("{\"email\":\"c@example.com\",\"owner\":\"not an email\"}"));
      session.drain();
    }

    assertThat(fixture.store.records).singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_VALUE));
    assertThat(calls).isEmpty();
  }

  @Test
  void givenLookupTheConnectorDoesNotOffer_whenPlanned_thenConfigErrorNamesTheEntryFieldAndTheOfferedLookups() {
    assertThatThrownBy(() -> plan(ownerField("owner_by_mail")))
        .isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("mappings entry for 'users'")
        .hasMessageContaining("field first_name: lookup 'owner_by_mail' is not offered")
        .hasMessageContaining("[owner_by_email]");
  }

  @Test
  void givenLookupOnTheMatchingKey_whenPlanned_thenConfigError() {
    assertThatThrownBy(() -> new StreamPlanner(List.of(TestActivationApi.CONTACTS), MappingsConfig.from(
        Json.mapper().readTree("{\"mappings\":[{\"source_stream\":\"users\",\"destination_object\":\"contacts\","
            + "\"operation\":\"upsert\",\"matching_key\":\"email\",\"fields\":[{\"destination_field\":\"email\","
            + "\"source\":{\"mapping_type\":\"source_path\",\"source_path\":\"email\"},"
            + "\"lookup\":\"owner_by_email\"}]}]}")), List.of(owner))
        .plan(Json.mapper().readValue("{\"stream\":{\"name\":\"users\",\"json_schema\":{}}}",
            ConfiguredAirbyteStream.class)))
        .isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("is the matching key, which cannot use a lookup");
  }
}
