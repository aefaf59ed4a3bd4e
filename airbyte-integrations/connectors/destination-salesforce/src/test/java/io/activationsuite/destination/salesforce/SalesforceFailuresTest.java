package io.activationsuite.destination.salesforce;

import static io.activationsuite.destination.salesforce.SalesforceTestSupport.config;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.open;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.plan;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.destination.salesforce.http.QuotaExhaustedException;
import io.activationsuite.protocol.errors.FailureType;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sandbox.salesforce.SalesforceEmulator;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Failed jobs, locked rows, the daily limit, expired sessions and check messages, against the emulator. */
@SandboxTest(value = "salesforce", properties = "salesforce.bulkProfile=instant")
class SalesforceFailuresTest {

  private static List<OutboundRecord> contacts(int count) {
    List<OutboundRecord> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(record("e" + i, "{\"External_Id__c\":\"e" + i + "\",\"LastName\":\"L" + i + "\"}"));
    }
    return batch;
  }

  @Test
  void aFailedJobLosesNoRecord(EmulatorServer server, SalesforceEmulator sf) throws Exception {
    try (ApiSession session = open(config(server, "bulk"))) {
      BatchWriter upsert = session.writer(plan(session, "Contact", Operation.UPSERT, "External_Id__c"));
      sf.org().faults().failNextJob(5);
      List<RecordOutcome> outcomes = upsert.write(contacts(20));
      assertThat(outcomes).hasSize(20);
      long accepted = outcomes.stream().filter(o -> o instanceof RecordOutcome.Accepted).count();
      long retried = outcomes.stream().filter(o -> o instanceof RecordOutcome.Retry).count();
      assertThat(accepted + retried).isEqualTo(20);
      assertThat(retried).isPositive();
      assertThat(sf.records("Contact")).hasSize((int) accepted);

      List<OutboundRecord> again = new ArrayList<>();
      List<OutboundRecord> all = contacts(20);
      for (int i = 0; i < 20; i++) {
        if (outcomes.get(i) instanceof RecordOutcome.Retry) {
          again.add(all.get(i));
        }
      }
      assertThat(upsert.write(again)).allMatch(o -> o instanceof RecordOutcome.Accepted);
      assertThat(sf.records("Contact")).hasSize(20);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bulk", "collections"})
  void lockedRowsAreRetried(String strategy, EmulatorServer server, SalesforceEmulator sf) throws Exception {
    try (ApiSession session = open(config(server, strategy))) {
      BatchWriter upsert = session.writer(plan(session, "Contact", Operation.UPSERT, "External_Id__c"));
      sf.org().faults().lockNextRecords(2);
      List<RecordOutcome> outcomes = upsert.write(contacts(5));
      assertThat(outcomes).filteredOn(o -> o instanceof RecordOutcome.Retry).hasSize(2)
          .allSatisfy(o -> assertThat(((RecordOutcome.Retry) o).message()).contains("UNABLE_TO_LOCK_ROW"));
      assertThat(outcomes).filteredOn(o -> o instanceof RecordOutcome.Accepted).hasSize(3);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bulk", "collections"})
  void theDailyLimitEndsTheSyncAsTransient(String strategy, EmulatorServer server, SalesforceEmulator sf)
      throws Exception {
    try (ApiSession session = open(config(server, strategy))) {
      BatchWriter upsert = session.writer(plan(session, "Contact", Operation.UPSERT, "External_Id__c"));
      sf.org().limits().setUsedRequests(sf.org().limits().maxRequests());
      assertThatThrownBy(() -> upsert.write(contacts(3)))
          .isInstanceOfSatisfying(QuotaExhaustedException.class,
              e -> assertThat(e.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR))
          .hasMessageContaining("daily API request allocation");
      assertThat(sf.records("Contact")).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bulk", "collections"})
  void anExpiredSessionIsRefreshedOnceAndTheWriteGoesOn(String strategy, EmulatorServer server,
      SalesforceEmulator sf) throws Exception {
    try (ApiSession session = open(config(server, strategy))) {
      BatchWriter upsert = session.writer(plan(session, "Contact", Operation.UPSERT, "External_Id__c"));
      assertThat(upsert.write(contacts(2))).allMatch(o -> o instanceof RecordOutcome.Accepted);
      long tokensBefore = tokenRequests(server);
      server.expireAccessTokens();
      assertThat(upsert.write(contacts(4))).allMatch(o -> o instanceof RecordOutcome.Accepted);
      assertThat(tokenRequests(server) - tokensBefore).isEqualTo(1);
      assertThat(sf.records("Contact")).hasSize(4);
    }
  }

  @Test
  void checkSucceedsAndNamesWhatIsWrong(EmulatorServer server, SalesforceEmulator sf) throws Exception {
    try (ApiSession session = open(config(server, "auto"))) {
      assertThat(session.check(Set.of("Contact", "Customer_Health__c")).status())
          .isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
      AirbyteConnectionStatus missing = session.check(Set.of("Nope__c"));
      assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
      assertThat(missing.message()).contains("Nope__c");
    }
    ObjectNode badSecret = config(server, "auto");
    ((ObjectNode) badSecret.get("credentials")).put("client_secret", "wrong-secret-value");
    assertThat(checkMessage(badSecret)).contains("client secret").doesNotContain("wrong-secret-value");
    ObjectNode badId = config(server, "auto");
    ((ObjectNode) badId.get("credentials")).put("client_id", "nobody");
    assertThat(checkMessage(badId)).contains("client ID");
    sf.org().auth().revokeRefreshToken(server.credentials().get("refresh_token"));
    assertThat(checkMessage(config(server, "auto"))).contains("refresh token");
    sf.reset();
    sf.org().auth().apiEnabled(false);
    assertThat(checkMessage(config(server, "auto"))).contains("API Enabled");
    ObjectNode unreachable = config(server, "auto").put("base_url", "http://127.0.0.1:1");
    assertThat(checkMessage(unreachable)).contains("Could not reach");
  }

  private static String checkMessage(ObjectNode config) throws Exception {
    try (ApiSession session = open(config)) {
      AirbyteConnectionStatus status = session.check(Set.of());
      assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
      return status.message();
    }
  }

  private static long tokenRequests(EmulatorServer server) {
    return server.requests().entries().stream().filter(e -> e.path().endsWith("/oauth2/token")).count();
  }
}
