package io.activationsuite.destination.salesforce;

import static io.activationsuite.destination.salesforce.ProtocolRun.recordLine;
import static io.activationsuite.destination.salesforce.ProtocolRun.run;
import static io.activationsuite.destination.salesforce.ProtocolRun.stateLine;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.RequestLogEntry;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.testkit.messages.DryRunReports;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A preview (dry run) shows the requests exactly as the real run then sends them: the Bulk API 2.0 job
 * creation JSON, the CSV upload and the close, or the sObject Collections body (auto: 3 records are below its
 * bulk threshold); the sandbox's request log
 * of the real run holds the same bodies, and the preview itself sent no write request.
 */
@SandboxTest(value = "salesforce", properties = "salesforce.bulkProfile=instant")
class SalesforcePreviewTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"bulk", "collections", "auto"})
  void givenAPreviewThenARealRun_whenCompared_thenThePreviewsRequestsAreTheBodiesTheSandboxReceived(String strategy,
      EmulatorServer server) throws Exception {
    StringBuilder input = new StringBuilder();
    String[] companies = {"Acme, Inc.", "The \\\"Best\\\" Co", "Globex"};
    for (int i = 0; i < companies.length; i++) {
      input.append(recordLine("leads", "{\"LastName\":\"L" + i + "\",\"Company\":\"" + companies[i]
          + "\",\"Email\":\"l" + i + "@example.com\",\"NumberOfEmployees\":" + (10 + i) + "}"));
    }
    input.append(stateLine("leads", 1)).append(ProtocolRun.completeLine("leads"));
    server.requests().keepBodies(true);

    ProtocolRun.Result preview = run(dir, config(server, strategy).put("batch_linger_ms", 60_000).put("dry_run", true),
        ProtocolRun.catalog("leads", "Lead", "append", null), input.toString(), "write");
    List<RequestLogEntry> previewWrites = writes(server);
    server.requests().clear();
    ProtocolRun.Result real = run(dir, config(server, strategy).put("batch_linger_ms", 60_000),
        ProtocolRun.catalog("leads", "Lead", "append", null), input.toString(), "write");

    assertThat(preview.exitCode()).isZero();
    assertThat(real.exitCode()).as(real.messages().toString()).isZero();
    assertThat(previewWrites).as("the preview sent no write request").isEmpty();
    JsonNode planned = DryRunReports.first(preview.messages()).path("first_requests");
    assertThat(planned.size()).isEqualTo(strategy.equals("bulk") ? 3 : 1);
    List<RequestLogEntry> sent = writes(server);
    assertThat(sent).hasSize(planned.size());
    for (int i = 0; i < planned.size(); i++) {
      JsonNode request = planned.get(i);
      RequestLogEntry entry = sent.get(i);
      assertThat(entry.method()).isEqualTo(request.path("method").asText());
      assertThat(entry.path()).matches(request.path("path").asText().replace("{jobId}", "[0-9A-Za-z]+"));
      assertThat(entry.body()).as("body of %s %s", entry.method(), entry.path())
          .isEqualTo(request.path("body").asText());
    }
    if (strategy.equals("bulk")) {
      assertThat(planned.get(1).path("content_type").asText()).startsWith("text/csv");
      assertThat(planned.get(1).path("body").asText()).startsWith("LastName,Company,Email,NumberOfEmployees\n")
          .contains("\"Acme, Inc.\"");
    }
  }

  /** The write calls the sandbox received (not token, describe or status reads). */
  private static List<RequestLogEntry> writes(EmulatorServer server) {
    return server.requests().matching(e -> !e.method().equals("GET") && e.path().startsWith("/services/data/"));
  }
}
