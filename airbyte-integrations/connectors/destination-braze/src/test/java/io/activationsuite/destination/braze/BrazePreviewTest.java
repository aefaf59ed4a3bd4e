package io.activationsuite.destination.braze;

import static io.activationsuite.destination.braze.BrazeFixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.RequestLogEntry;
import io.activationsuite.sandbox.braze.BrazeSettings;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.testkit.messages.ConfiguredCatalogs;
import io.activationsuite.testkit.messages.DryRunReports;
import io.activationsuite.testkit.messages.InProcessRun;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A preview (dry run) shows Braze's calls exactly as the real run then sends them: the {@code /users/track}
 * body, the {@code /users/delete} body, the subscription state body; the sandbox's request log of the real
 * run holds the same bodies, the preview sent no write request, and no body carries the REST API key.
 */
@SandboxTest("braze")
class BrazePreviewTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"users,append_dedup,external_id,/users/track", "user_deletions,soft_delete,external_id,/users/delete",
      "subscription_group_members,append_dedup,email,/v2/subscription/status/set"})
  void givenAPreviewThenARealRun_whenCompared_thenThePreviewsRequestIsTheBodyTheSandboxReceived(String object,
      String mode, String key, String path, EmulatorServer braze) throws Exception {
    PlatformSyncInput input = new PlatformSyncInput();
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ObjectNode data = MAPPER.createObjectNode().put(key, key.equals("email") ? "p" + i + "@example.com" : "p" + i);
      switch (object) {
        case "users" -> data.put("first_name", "Name \"" + i + "\"").put("email", "p" + i + "@example.com");
        case "subscription_group_members" -> data.put("subscription_group_id", BrazeSettings.NEWSLETTER_GROUP)
            .put("subscription_state", i % 2 == 0 ? "subscribed" : "unsubscribed");
        default -> { }
      }
      records.add(data);
    }
    String catalog = ConfiguredCatalogs.forSync(1).stream("rows", object, mode, List.of(key), records).json();
    input.started("rows");
    records.forEach(r -> input.record("rows", r));
    input.streamState("rows").complete("rows");
    ObjectNode config = BrazeFixtures.config(braze).put("batch_linger_ms", 60_000);
    braze.requests().keepBodies(true);

    InProcessRun preview = InProcessRun.of(dir, "write", config.deepCopy().put("dry_run", true), catalog,
        input.lines());
    List<RequestLogEntry> previewWrites = writes(braze);
    braze.requests().clear();
    InProcessRun real = InProcessRun.of(dir, "write", config, catalog, input.lines());

    assertThat(previewWrites).as("the preview sent no write request").isEmpty();
    assertThat(real.exitCode()).isZero();
    JsonNode planned = DryRunReports.first(preview.messages()).path("first_requests");
    List<RequestLogEntry> sent = writes(braze);
    assertThat(planned).hasSize(1);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).method()).isEqualTo(planned.get(0).path("method").asText());
    assertThat(sent.get(0).path()).isEqualTo(planned.get(0).path("path").asText()).isEqualTo(path);
    assertThat(sent.get(0).body()).isEqualTo(planned.get(0).path("body").asText());
    assertThat(planned.toString()).doesNotContain(config.path("api_key").asText());
  }

  @Test
  void aPreviewOfAttributesAndEventsShowsTheOneCombinedCallTheRealRunSends(EmulatorServer braze) {
    BrazeFixtures.MixedSync sync = BrazeFixtures.profilesAndEvents(10);
    String catalog = sync.catalog();
    PlatformSyncInput input = sync.input();
    ObjectNode config = BrazeFixtures.config(braze).put("batch_linger_ms", 60_000);
    braze.requests().keepBodies(true);

    InProcessRun preview = InProcessRun.of(dir, "write", config.deepCopy().put("dry_run", true), catalog,
        input.lines());
    assertThat(writes(braze)).as("the preview sent no write request").isEmpty();
    InProcessRun real = InProcessRun.of(dir, "write", config, catalog, input.lines());

    assertThat(real.exitCode()).isZero();
    List<RequestLogEntry> sent = writes(braze);
    assertThat(sent).as("one /users/track call carries the attributes and the events").hasSize(1);
    List<JsonNode> reports = DryRunReports.all(preview.messages());
    assertThat(reports).hasSize(2).allSatisfy(report -> {
      assertThat(report.path("records").asLong()).isEqualTo(10);
      assertThat(report.path("requests").asLong()).isEqualTo(1);
      assertThat(report.path("shared_requests").asLong()).as("shared with the other stream").isEqualTo(1);
      assertThat(report.path("first_requests")).hasSize(1);
      assertThat(report.path("first_requests").get(0).path("body").asText()).isEqualTo(sent.get(0).body());
    });
  }

  /** The write calls the sandbox received (not discovery reads). */
  private static List<RequestLogEntry> writes(EmulatorServer braze) {
    return braze.requests().matching(e -> e.method().equals("POST"));
  }
}
