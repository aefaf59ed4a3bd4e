package io.activationsuite.destination.salesforce;

import static io.activationsuite.destination.salesforce.SalesforceTestSupport.config;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.open;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.plan;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sandbox.salesforce.SalesforceEmulator;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inserts never land twice: what a dropped connection does to Collections and Bulk inserts. */
@SandboxTest(value = "salesforce", properties = "salesforce.bulkProfile=instant")
class SalesforceDeliveryGuaranteeTest {

  @Test
  void aCollectionsInsertWhoseConnectionDropsIsNotResentAndItsRecordsEndDeliveryUncertain(EmulatorServer server,
      SalesforceEmulator sf) throws Exception {
    try (ApiSession session = open(config(server, "collections"))) {
      var writer = session.writer(plan(session, "Contact", Operation.INSERT, null));
      server.faults().resetNext(1);

      List<RecordOutcome> outcomes = writer.write(List.of(record(null, "{\"LastName\":\"Lovelace\"}"),
          record(null, "{\"LastName\":\"Hopper\"}")));

      assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(
          RecordOutcome.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectionReason.DELIVERY_UNCERTAIN);
            assertThat(r.message()).contains("Salesforce may have applied this record");
          }));
      assertThat(server.requests().count("POST", "/services/data/v")).isEqualTo(1);
    }
  }
}
