package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.acceptance.capabilities.Requires;
import io.activationsuite.acceptance.connectors.Capability;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.WriteTarget;
import io.activationsuite.acceptance.harness.CommandResult;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.testkit.messages.EchoedStates;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input in one sync per connector, each record with its expected outcome: malformed lines,
 * wrong types, null and blank keys, unicode that must land byte-equal, values over the destination's limits,
 * duplicate keys in one batch, a record of a stream outside the catalog. Each bad record is rejected with a
 * reason (read back from the rejected-records bucket) and the echoed states' counts add up.
 */
class BadInputAcceptanceTest extends SyncOutcomeTestBase {

  private static final long SYNC_ID = 9301;
  private static final String GHOST_STREAM = "not_in_catalog";
  /** Text no vendor takes in one field (HubSpot allows 65,536 characters, Salesforce names 80, Braze 255). */
  private static final int OVER_LIMIT_CHARS = 70_000;
  private static final List<String> UNICODE = List.of(
      "emoji \uD83D\uDE80 \uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB family "
          + "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
      "RTL \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 \u202Eright-to-left override\u202C",
      "line\u2028separator and paragraph\u2029separator",
      "combining e\u0301 n\u0303 a\u030A Zalgo\u0336\u0337 \u00C5 vs A\u030A");

  /** What must happen to one input. */
  enum Expected {
    /** Lands with every value read back byte-equal. */
    LANDS_INTACT,
    /** Rejected with a reason (stored in the bucket, counted in the states). */
    REJECTED,
    /** Either rejected with a reason or landed (a connector may convert the value, e.g. a number to text). */
    LANDS_OR_REJECTED,
    /** A first record whose key a later record of the same batch repeats: only the later one lands. */
    SUPERSEDED
  }

  /** One input line's record (null data for a malformed line) and its expected outcome. */
  record Case(String name, String stream, ObjectNode data, Expected expected) {
  }

  /** The first text field of a valid record that is neither the key nor an address. */
  private static String textField(ConnectorDescriptor connector, WriteTarget target, ObjectNode sample) {
    List<String> names = new ArrayList<>();
    sample.fieldNames().forEachRemaining(names::add);
    return names.stream()
        .filter(n -> !target.matchingKey().contains(n) && !n.equals(connector.identityField(target.object())))
        .filter(n -> !n.toLowerCase(Locale.ROOT).contains("email") && sample.get(n).isTextual())
        .findFirst().orElseThrow(() -> new IllegalStateException("no text field in " + sample));
  }

  private List<Case> cases(ConnectorDescriptor connector, WriteTarget target) {
    EmulatorServer sandbox = sandbox(connector);
    String key = target.matchingKey().get(0);
    List<Case> cases = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < 3; i++) {
      cases.add(new Case("valid " + i, STREAM, connector.record(target, next++, 1, sandbox), Expected.LANDS_INTACT));
    }
    ObjectNode sample = cases.get(0).data();
    String text = textField(connector, target, sample);
    cases.add(new Case("malformed line", STREAM, null, Expected.REJECTED));
    for (String unicode : UNICODE) {
      cases.add(new Case("unicode", STREAM, connector.record(target, next++, 1, sandbox).put(text, unicode),
          Expected.LANDS_INTACT));
    }
    ObjectNode nullKey = connector.record(target, next++, 1, sandbox);
    nullKey.putNull(key);
    cases.add(new Case("null key", STREAM, nullKey, Expected.REJECTED));
    cases.add(new Case("missing key", STREAM, without(connector.record(target, next++, 1, sandbox), key),
        Expected.REJECTED));
    cases.add(new Case("blank key", STREAM, connector.record(target, next++, 1, sandbox).put(key, "   "),
        Expected.REJECTED));
    cases.add(new Case("empty key", STREAM, connector.record(target, next++, 1, sandbox).put(key, ""),
        Expected.REJECTED));
    ObjectNode objectValue = connector.record(target, next++, 1, sandbox);
    objectValue.putObject(text).put("nested", true);
    cases.add(new Case("object for text", STREAM, objectValue, Expected.LANDS_OR_REJECTED));
    ObjectNode arrayValue = connector.record(target, next++, 1, sandbox);
    arrayValue.putArray(text).add(1).add("two");
    cases.add(new Case("array for text", STREAM, arrayValue, Expected.LANDS_OR_REJECTED));
    cases.add(new Case("number for text", STREAM, connector.record(target, next++, 1, sandbox).put(text, 12345),
        Expected.LANDS_OR_REJECTED));
    cases.add(new Case("over limit", STREAM,
        connector.record(target, next++, 1, sandbox).put(text, "x".repeat(OVER_LIMIT_CHARS)),
        // a vendor that documents no limit for the field may take the value whole
        connector.has(Capability.FIELD_LENGTH_LIMITS) ? Expected.REJECTED : Expected.LANDS_OR_REJECTED));
    cases.add(new Case("refused by the API", STREAM, connector.refusedRecord(target, next++), Expected.REJECTED));
    int duplicate = next++;
    cases.add(new Case("duplicate key, first", STREAM, connector.record(target, duplicate, 1, sandbox),
        Expected.SUPERSEDED));
    cases.add(new Case("duplicate key, second", STREAM, connector.record(target, duplicate, 2, sandbox),
        Expected.LANDS_INTACT));
    cases.add(new Case("stream not in the catalog", GHOST_STREAM, connector.record(target, next++, 1, sandbox),
        Expected.REJECTED));
    return cases;
  }

  private static ObjectNode without(ObjectNode record, String field) {
    record.remove(field);
    return record;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires({Capability.UPSERT_READ_BACK, Capability.REFUSED_RECORDS})
  void everyBadInputIsRejectedWithAReasonUnicodeLandsIntactAndTheCountsAddUp(ConnectorDescriptor connector) {
    WriteTarget target = connector.upsertTarget();
    List<Case> cases = cases(connector, target);
    PlatformSyncInput input = new PlatformSyncInput().started(STREAM);
    List<ObjectNode> samples = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      if (c.data() == null) {
        input.malformedRecord(c.stream());
      } else {
        input.record(c.stream(), c.data());
        if (c.stream().equals(STREAM) && c.expected() == Expected.LANDS_INTACT) {
          samples.add(c.data());
        }
      }
      if (i % 5 == 4) {
        input.streamState(STREAM);
      }
    }
    input.streamState(STREAM).streamState(GHOST_STREAM).complete(STREAM);
    ObjectNode config = connector.withObjectStorage(connector.validConfig(sandbox(connector)),
        bucket().storage());
    CommandResult result = harness(connector).write(config, catalog(SYNC_ID, target, samples), input.lines());

    assertSucceeded(connector, result);
    EchoedStates.assertEchoedPerStream(input.states(), result.states());
    List<JsonNode> rejected = bucket().rejected(SYNC_ID);
    assertThat(EchoedStates.rejectedCount(result.states())).as("rejections counted = stored")
        .isEqualTo(rejected.size());
    assertThat(rejected).allSatisfy(r -> assertThat(r.path("reason").asText()).as("a reason").isNotBlank());
    assertOutcomes(connector, target, cases, rejected);
  }

  private void assertOutcomes(ConnectorDescriptor connector, WriteTarget target, List<Case> cases,
      List<JsonNode> rejected) {
    String identity = connector.identityField(target.object());
    Map<String, Map<String, String>> landed = connector.landed(sandbox(connector), target.object());
    Map<String, String> outcomes = new LinkedHashMap<>();
    int expectLive = 0;
    int mayBeRejected = 0;
    int mustBeRejected = 0;
    for (Case c : cases) {
      String key = c.data() == null ? null : c.data().path(identity).asText(null);
      boolean isLanded = key != null && !key.isBlank() && c.stream().equals(STREAM) && landed.containsKey(key);
      boolean isRejected = rejected.stream().anyMatch(r -> c.data() != null && c.data().equals(r.get("record")));
      outcomes.put(c.name() + (key == null ? "" : " " + key), isLanded ? "landed" : isRejected ? "rejected" : "?");
      switch (c.expected()) {
        case LANDS_INTACT -> {
          expectLive++;
          assertThat(landed).as("%s landed", c.name()).containsKey(key);
          c.data().fields().forEachRemaining(f -> assertThat(landed.get(key).get(f.getKey()))
              .as("%s: %s read back byte-equal", c.name(), f.getKey()).isEqualTo(f.getValue().asText()));
        }
        case REJECTED -> {
          mustBeRejected++;
          assertThat(isLanded).as("%s must not land", c.name()).isFalse();
          if (c.data() != null) {
            assertThat(isRejected).as("%s stored as rejected with its data", c.name()).isTrue();
          }
        }
        case LANDS_OR_REJECTED -> {
          assertThat(isLanded || isRejected).as("%s landed or rejected", c.name()).isTrue();
          expectLive += isLanded ? 1 : 0;
          mayBeRejected += isLanded ? 0 : 1;
        }
        default -> { }
      }
    }
    System.out.println("[bad-input] " + connector + ": " + cases.size() + " inputs, " + rejected.size()
        + " rejected " + reasons(rejected) + ", outcomes " + outcomes);
    assertThat(rejected).as("exactly the bad inputs rejected").hasSize(mustBeRejected + mayBeRejected);
    assertThat(connector.liveCount(sandbox(connector), target.object())).as("nothing else landed, nothing twice")
        .isEqualTo(expectLive);
  }

  private static Map<String, Integer> reasons(List<JsonNode> rejected) {
    Map<String, Integer> reasons = new LinkedHashMap<>();
    rejected.forEach(r -> reasons.merge(r.path("reason").asText(), 1, Integer::sum));
    return reasons;
  }
}
