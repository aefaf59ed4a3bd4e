package io.activationsuite.destination.salesforce;

import static io.activationsuite.destination.salesforce.ProtocolRun.catalog;
import static io.activationsuite.destination.salesforce.ProtocolRun.recordLine;
import static io.activationsuite.destination.salesforce.ProtocolRun.run;
import static io.activationsuite.destination.salesforce.ProtocolRun.stateLine;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sandbox.salesforce.SalesforceEmulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spec, check, discover and write through the real protocol runner and engine, against the emulator. */
@SandboxTest(value = "salesforce", properties = "salesforce.bulkProfile=instant")
class SalesforceProtocolTest {
  @TempDir
  Path dir;

  @Test
  void specOffersBothCredentialFlowsAndTheSharedProperties(EmulatorServer server) throws Exception {
    ProtocolRun.Result result = run(dir, config(server, "auto"), null, "", "spec");
    JsonNode properties = result.ofType("SPEC").get(0).path("spec").path("connectionSpecification")
        .path("properties");
    assertThat(properties.path("credentials").path("oneOf")).hasSize(2);
    assertThat(properties.has("object_storage_config")).isTrue();
    assertThat(properties.path("write_strategy").path("enum").toString()).contains("auto", "bulk", "collections");
  }

  @Test
  void checkAndDiscover(EmulatorServer server) throws Exception {
    ProtocolRun.Result check = run(dir, config(server, "auto"), null, "", "check");
    assertThat(check.ofType("CONNECTION_STATUS").get(0).path("connectionStatus").path("status").asText())
        .isEqualTo("SUCCEEDED");
    ProtocolRun.Result discover = run(dir, config(server, "auto"), null, "", "discover");
    String catalog = discover.messages().toString();
    assertThat(catalog).contains("Contact", "Customer_Health__c", "External_Id__c").doesNotContain("UserLicense");
  }

  @Test
  void writesEchoStatesAndTheDailyLimitEndsCleanly(EmulatorServer server, SalesforceEmulator sf) throws Exception {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      input.append(recordLine("people", "{\"External_Id__c\":\"p" + i + "\",\"LastName\":\"L" + i + "\"}"));
      input.append(stateLine("people", i));
    }
    input.append(ProtocolRun.completeLine("people"));
    ProtocolRun.Result ok = run(dir, config(server, "collections"), catalog("people", "Contact", "append_dedup",
        "External_Id__c"), input.toString(), "write");
    assertThat(ok.exitCode()).as(ok.messages().toString()).isZero();
    assertThat(ok.ofType("STATE")).hasSize(6);
    assertThat(sf.records("Contact")).hasSize(6);

    sf.reset();
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      many.append(recordLine("people", "{\"External_Id__c\":\"q" + i + "\",\"LastName\":\"Q" + i + "\"}"));
      many.append(stateLine("people", i));
    }
    many.append(ProtocolRun.completeLine("people"));
    // discovery costs 6 requests (describeGlobal + 5 describes); then 2 Collections requests fit
    sf.org().limits().setUsedRequests(sf.org().limits().maxRequests() - 8);
    ProtocolRun.Result limited = run(dir, config(server, "collections").put("concurrency", 1),
        catalog("people", "Contact", "append_dedup", "External_Id__c"), many.toString(), "write");
    List<JsonNode> traces = limited.ofType("TRACE");
    assertThat(traces.toString()).contains("transient_error", "daily API request allocation");
    int written = sf.records("Contact").size();
    List<Integer> cursors = limited.ofType("STATE").stream()
        .map(s -> s.path("state").path("stream").path("stream_state").path("cursor").asInt()).toList();
    assertThat(cursors).isNotEmpty().hasSizeLessThan(40).hasSizeLessThanOrEqualTo(written);
    for (int i = 0; i < cursors.size(); i++) {
      assertThat(cursors.get(i)).isEqualTo(i);
    }
    assertThat(limited.exitCode()).isNotZero();
  }
}
