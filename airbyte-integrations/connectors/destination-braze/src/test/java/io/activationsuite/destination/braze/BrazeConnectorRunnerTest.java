package io.activationsuite.destination.braze;

import static io.activationsuite.destination.braze.BrazeFixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.braze.BrazeEmulator;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.testkit.messages.ConfiguredCatalogs;
import io.activationsuite.testkit.messages.EchoedStates;
import io.activationsuite.testkit.messages.InProcessRun;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SandboxTest("braze")
class BrazeConnectorRunnerTest {

  @TempDir
  Path dir;

  private final EmulatorServer braze;

  BrazeConnectorRunnerTest(EmulatorServer braze) {
    this.braze = braze;
  }

  private static List<ObjectNode> users(int count, String prefix) {
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(MAPPER.createObjectNode().put("external_id", prefix + i).put("first_name", "Person " + i)
          .put("email", prefix + i + "@example.com")
          .put("custom_attributes", "{\"health_segment\":\"" + (i % 3 == 0 ? "at_risk" : "healthy") + "\"}"));
    }
    return records;
  }

  private InProcessRun write(ObjectNode config, String object, String mode, List<String> key,
      List<ObjectNode> records, int stateEvery, PlatformSyncInput input) {
    String catalog = ConfiguredCatalogs.forSync(1).stream("rows", object, mode, key, records).json();
    input.started("rows");
    for (int i = 0; i < records.size(); i++) {
      input.record("rows", records.get(i));
      if ((i + 1) % stateEvery == 0 || i == records.size() - 1) {
        input.streamState("rows");
      }
    }
    input.complete("rows");
    return InProcessRun.of(dir, "write", config, catalog, input.lines());
  }

  @Test
  void specMarksTheKeySecretAndOffersTheInstances() {
    JsonNode spec = InProcessRun.of(dir, "spec", null, null, List.of()).only("SPEC").path("spec")
        .path("connectionSpecification");

    assertThat(spec.path("properties").path("api_key").path("airbyte_secret").asBoolean()).isTrue();
    assertThat(spec.path("properties").path("instance").path("enum").toString()).contains("US-01", "EU-01",
        "custom");
    assertThat(spec.path("required").toString()).contains("api_key");
  }

  @Test
  void checkSucceedsWithAFullKeyAndFailsNamingTheMissingPermission() {
    braze.emulator(BrazeEmulator.class).addApiKey("no-delete", Set.of("users.track", "custom_attributes.get"));
    JsonNode ok = InProcessRun.of(dir, "check", BrazeFixtures.config(braze), null, List.of())
        .only("CONNECTION_STATUS").path("connectionStatus");
    ObjectNode limited = BrazeFixtures.config(braze, "no-delete");
    limited.putArray("mappings").addObject().put("source_stream", "gone").put("destination_object",
        "user_deletions").put("operation", "delete").put("matching_key", "external_id");
    JsonNode failed = InProcessRun.of(dir, "check", limited, null, List.of()).only("CONNECTION_STATUS")
        .path("connectionStatus");
    JsonNode badKey = InProcessRun.of(dir, "check", BrazeFixtures.config(braze, "wrong-key"), null, List.of())
        .only("CONNECTION_STATUS").path("connectionStatus");

    assertThat(ok.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(failed.path("status").asText()).as(failed.toString()).isEqualTo("FAILED");
    assertThat(failed.path("message").asText()).contains("users.delete").contains("user_deletions");
    assertThat(badKey.path("status").asText()).isEqualTo("FAILED");
    assertThat(badKey.path("message").asText()).contains("401").doesNotContain("wrong-key");
  }

  @Test
  void discoverListsEveryObjectWithCustomAttributesTyped() throws Exception {
    try (BrazeSession session = BrazeFixtures.open(BrazeFixtures.config(braze))) {
      BrazeFixtures.writer(session, "users", io.activationsuite.sink.api.Operation.UPSERT, "external_id")
          .write(List.of(BrazeFixtures.record("u", "external_id", "u", "custom_attributes",
              "{\"ltv\":12.5,\"vip\":true,\"address\":{\"city\":\"Paris\"}}")));
    }

    JsonNode catalog = InProcessRun.of(dir, "discover", BrazeFixtures.config(braze), null, List.of())
        .only("DESTINATION_CATALOG").path("destination_catalog");

    List<String> objects = new ArrayList<>();
    JsonNode usersUpsert = null;
    for (JsonNode operation : catalog.path("operations")) {
      objects.add(operation.path("object_name").asText() + ":" + operation.path("sync_mode").asText());
      if (operation.path("object_name").asText().equals("users")
          && operation.path("sync_mode").asText().equals("append_dedup")) {
        usersUpsert = operation;
      }
    }
    assertThat(objects).contains("users:append_dedup", "users:update", "events:append", "purchases:append",
        "user_deletions:soft_delete", "subscription_group_members:append_dedup");
    JsonNode properties = usersUpsert.path("json_schema").path("properties");
    assertThat(properties.path("ltv").toString()).contains("number");
    assertThat(properties.path("vip").toString()).contains("boolean");
    assertThat(properties.has("address")).isTrue();
    assertThat(usersUpsert.path("matching_keys").toString()).contains("external_id", "email", "user_alias_name");
  }

  @Test
  void writeLandsEveryUserAndRejectsOnlyTheOneBrazeRefused() {
    List<ObjectNode> records = users(300, "w");
    records.get(137).put("email_subscribe", "perhaps");
    PlatformSyncInput input = new PlatformSyncInput();

    InProcessRun run = write(BrazeFixtures.config(braze), "users", "append_dedup", List.of("external_id"), records,
        100, input);

    assertThat(run.exitCode()).as(run.messages().toString()).isZero();
    EchoedStates.assertEchoed(input.states(), run.ofType("STATE"));
    assertThat(EchoedStates.rejectedCount(run.ofType("STATE"))).isEqualTo(1);
    assertThat(braze.objects("users")).hasSize(299);
    assertThat(BrazeFixtures.user(braze, "w137")).isNull();
    assertThat(BrazeFixtures.user(braze, "w139").path("health_segment").asText()).isEqualTo("healthy");
  }

  @Test
  void writeRidesOutA429StormAndLandsEverything() {
    braze.faults().update(c -> c.withRateLimit(2, 1_000L));
    List<ObjectNode> records = users(400, "s");
    PlatformSyncInput input = new PlatformSyncInput();

    InProcessRun run = write(BrazeFixtures.config(braze), "users", "append_dedup", List.of("external_id"), records,
        100, input);

    assertThat(run.exitCode()).as(run.messages().toString()).isZero();
    EchoedStates.assertEchoed(input.states(), run.ofType("STATE"));
    assertThat(EchoedStates.recordCount(run.ofType("STATE"))).isEqualTo(400);
    assertThat(braze.objects("users")).hasSize(400);
    assertThat(braze.requests().matching(e -> e.status() == 429).size() + braze.requests().matching(
        e -> e.status() == 201).size()).as("throttled or paced to 2 requests/s").isGreaterThanOrEqualTo(400 / 75);
    assertThat(braze.requests().matching(e -> e.status() == 201)).hasSizeGreaterThanOrEqualTo(400 / 75);
  }

  @Test
  void eventsWriteSendsEachEventOnceEvenUnderThrottling() {
    braze.faults().throttleNext(3);
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 0; i < 160; i++) {
      records.add(MAPPER.createObjectNode().put("external_id", "u" + (i % 40)).put("name", "entered_at_risk")
          .put("time", "2026-11-20T10:00:00Z").put("properties", "{\"n\":" + i + "}"));
    }
    PlatformSyncInput input = new PlatformSyncInput();

    InProcessRun run = write(BrazeFixtures.config(braze), "events", "append", List.of(), records, 80, input);

    assertThat(run.exitCode()).as(run.messages().toString()).isZero();
    EchoedStates.assertEchoed(input.states(), run.ofType("STATE"));
    assertThat(braze.objects("events")).hasSize(160);
  }

  @Test
  void attributesEventsAndPurchasesOfOneSyncShareCombinedTrackCalls() {
    List<ObjectNode> profiles = users(100, "c");
    List<ObjectNode> events = new ArrayList<>();
    List<ObjectNode> purchases = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      events.add(MAPPER.createObjectNode().put("external_id", "c" + i).put("name", "entered_at_risk")
          .put("time", "2026-11-20T10:00:00Z"));
    }
    for (int i = 0; i < 50; i++) {
      purchases.add(MAPPER.createObjectNode().put("external_id", "c" + i).put("product_id", "sku-" + i)
          .put("currency", "USD").put("price", 9.5).put("time", "2026-11-20T10:00:00Z"));
    }
    purchases.get(7).put("currency", "usd");
    String catalog = ConfiguredCatalogs.forSync(1)
        .stream("profiles", "users", "append_dedup", List.of("external_id"), profiles)
        .stream("clicks", "events", "append", List.of(), events)
        .stream("orders", "purchases", "append", List.of(), purchases).json();
    PlatformSyncInput input = new PlatformSyncInput();
    Map<String, List<ObjectNode>> streams = Map.of("profiles", profiles, "clicks", events, "orders", purchases);
    // a STATE flushes what its stream has waiting, so the states come once every stream's records are in
    List<String> names = List.of("profiles", "clicks", "orders");
    for (String stream : names) {
      input.started(stream);
      streams.get(stream).forEach(r -> input.record(stream, r));
    }
    names.forEach(input::streamState);
    names.forEach(input::complete);
    ObjectNode config = BrazeFixtures.config(braze).put("batch_linger_ms", 60_000);

    InProcessRun run = InProcessRun.of(dir, "write", config, catalog, input.lines());

    assertThat(run.exitCode()).as(run.messages().toString()).isZero();
    EchoedStates.assertEchoedPerStream(input.states(), run.ofType("STATE"));
    assertThat(EchoedStates.recordCount(run.ofType("STATE"))).isEqualTo(249);
    assertThat(EchoedStates.rejectedCount(run.ofType("STATE"))).isEqualTo(1);
    assertThat(braze.objects("users")).hasSize(100);
    assertThat(braze.objects("events")).hasSize(100);
    assertThat(braze.objects("purchases")).hasSize(49);
    // 250 objects, 75 per call combined: 4 calls (one array per call would need 2 + 2 + 1)
    assertThat(braze.requests().count("POST", "/users/track")).isEqualTo(4);
  }

  @Test
  void aColumnNamedAfterACustomAttributeNotYetInBrazeIsWrittenWithNestedValuesAsJson() {
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ObjectNode user = MAPPER.createObjectNode().put("external_id", "o" + i).put("loyalty_tier", "gold");
      user.putObject("preferences").put("channel", "sms").putArray("topics").add("news");
      records.add(user);
    }
    PlatformSyncInput input = new PlatformSyncInput();

    InProcessRun run = write(BrazeFixtures.config(braze), "users", "append_dedup", List.of("external_id"), records,
        3, input);

    assertThat(run.exitCode()).as(run.messages().toString()).isZero();
    JsonNode o1 = BrazeFixtures.user(braze, "o1");
    assertThat(o1.path("loyalty_tier").asText()).isEqualTo("gold");
    assertThat(o1.path("preferences").path("channel").asText()).isEqualTo("sms");
    assertThat(o1.path("preferences").path("topics").get(0).asText()).isEqualTo("news");
    assertThat(run.messages().toString()).doesNotContain("ignored");
  }

  @Test
  void aThrottledCustomAttributeListDoesNotStopASyncThatNeedsNoCustomAttributeTypes() {
    braze.faults().throttleNext(1);
    PlatformSyncInput input = new PlatformSyncInput();

    InProcessRun run = write(BrazeFixtures.config(braze), "users", "append_dedup", List.of("external_id"),
        users(10, "t"), 10, input);

    assertThat(run.exitCode()).as(run.messages().toString()).isZero();
    EchoedStates.assertEchoed(input.states(), run.ofType("STATE"));
    assertThat(braze.objects("users")).hasSize(10);
    // the list's hourly budget resets at the top of the hour: within the 60 s bound the read waits and is asked
    // once more, beyond it the sync goes on without the list (BrazeDiscoveryThrottleTest covers both on a clock)
    assertThat(braze.requests().count("GET", "/custom_attributes")).isBetween(1L, 2L);
  }

  @Test
  void aThrottledCustomAttributeListStopsAMappingOfCustomAttributesWithOneTraceSayingWhenToRetry() {
    long secondsToReset = 3600 - java.time.Instant.now().getEpochSecond() % 3600;
    org.junit.jupiter.api.Assumptions.assumeTrue(secondsToReset > 90, "the hour's reset is within the wait bound");
    braze.faults().throttleNext(1);
    ObjectNode config = BrazeFixtures.config(braze);
    ObjectNode mapping = config.putArray("mappings").addObject().put("source_stream", "rows")
        .put("destination_object", "users").put("operation", "upsert").put("matching_key", "external_id");
    for (String field : List.of("external_id", "health_segment")) {
      mapping.withArray("fields").addObject().put("destination_field", field).putObject("source")
          .put("mapping_type", "source_path").put("source_path", field);
    }
    List<ObjectNode> records = List.of(MAPPER.createObjectNode().put("external_id", "m").put("health_segment", "x"));

    InProcessRun run = write(config, "users", "append_dedup", List.of("external_id"), records, 1,
        new PlatformSyncInput());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.ofType("TRACE")).singleElement().satisfies(trace -> assertThat(
        trace.path("trace").path("error").path("message").asText()).contains("health_segment")
        .contains("Retry the sync after"));
    assertThat(braze.objects("users")).isEmpty();
  }
}
