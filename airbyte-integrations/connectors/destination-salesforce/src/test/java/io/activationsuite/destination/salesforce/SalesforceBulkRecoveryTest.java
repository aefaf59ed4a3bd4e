package io.activationsuite.destination.salesforce;

import static io.activationsuite.destination.salesforce.SalesforceTestSupport.config;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.open;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.plan;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.FaultDecision;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sandbox.salesforce.BulkJobInfo;
import io.activationsuite.sandbox.salesforce.BulkJobState;
import io.activationsuite.sandbox.salesforce.SalesforceEmulator;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Bulk API 2.0 insert whose upload or close loses its answer: the job is aborted unprocessed and its records
 * go again in a new job, or the job's state tells whether the close arrived - never a row inserted twice.
 */
@SandboxTest(value = "salesforce", properties = "salesforce.bulkProfile=instant")
class SalesforceBulkRecoveryTest {

  private static final String INGEST = "/jobs/ingest";

  private static List<OutboundRecord> contacts() {
    return List.of(record(null, "{\"LastName\":\"Lovelace\"}"), record(null, "{\"LastName\":\"Hopper\"}"));
  }

  @Test
  void anUploadThatArrivedButLostItsAnswerAbortsTheJobAndItsRecordsGoAgainInANewJob(EmulatorServer server,
      SalesforceEmulator sf) throws Exception {
    try (ApiSession session = open(config(server, "bulk"))) {
      BatchWriter insert = session.writer(plan(session, "Contact", Operation.INSERT, null));
      server.faults().onNext("PUT", "/batches", new FaultDecision.LoseAnswer());

      List<RecordOutcome> first = insert.write(contacts());

      assertThat(first).hasSize(2).allMatch(o -> o instanceof RecordOutcome.Retry);
      assertThat(sf.jobs()).singleElement().extracting(BulkJobInfo::state).isEqualTo(BulkJobState.Aborted);
      assertThat(sf.records("Contact")).as("the aborted job's rows are never processed").isEmpty();

      // the engine sends Retry outcomes again: a second job lands each row once
      assertThat(insert.write(contacts())).allMatch(o -> o instanceof RecordOutcome.Accepted);
      assertThat(sf.records("Contact")).extracting(r -> r.get("LastName"))
          .containsExactlyInAnyOrder("Lovelace", "Hopper");
      assertThat(sf.jobs()).extracting(BulkJobInfo::state)
          .containsExactlyInAnyOrder(BulkJobState.Aborted, BulkJobState.JobComplete);
    }
  }

  @Test
  void aCloseThatArrivedButLostItsAnswerIsNotSentAgain(EmulatorServer server, SalesforceEmulator sf)
      throws Exception {
    insertWithAFaultOnTheClose(server, sf, new FaultDecision.LoseAnswer(), 1);
  }

  @Test
  void aCloseThatNeverArrivedIsSentAgainAfterTheJobIsSeenStillOpen(EmulatorServer server, SalesforceEmulator sf)
      throws Exception {
    insertWithAFaultOnTheClose(server, sf, new FaultDecision.Reset(), 2);
  }

  private static void insertWithAFaultOnTheClose(EmulatorServer server, SalesforceEmulator sf, FaultDecision fault,
      int expectedCloses) throws Exception {
    try (ApiSession session = open(config(server, "bulk"))) {
      BatchWriter insert = session.writer(plan(session, "Contact", Operation.INSERT, null));
      server.faults().onNext("PATCH", INGEST, fault);

      List<RecordOutcome> outcomes = insert.write(contacts());

      assertThat(outcomes).hasSize(2).allMatch(o -> o instanceof RecordOutcome.Accepted);
      assertThat(server.requests().count("PATCH", "/services/data/")).as("UploadComplete calls")
          .isEqualTo(expectedCloses);
      assertThat(sf.jobs()).singleElement().extracting(BulkJobInfo::state).isEqualTo(BulkJobState.JobComplete);
      assertThat(sf.records("Contact")).as("each row once").hasSize(2);
    }
  }
}
