package io.activationsuite.destination.salesforce.bulk;

import static io.activationsuite.destination.salesforce.bulk.CsvUploadBuilderTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BulkResultJoinerTest {

  @Test
  void shuffledResultsAreJoinedBackByKeyAndContent() throws Exception {
    List<OutboundRecord> records = List.of(
        record("1", "k1", "{\"Ext__c\":\"k1\",\"LastName\":\"A\"}", Set.of()),
        record("2", "k2", "{\"Ext__c\":\"k2\"}", Set.of("LastName")),
        record("3", "k3", "{\"Ext__c\":\"k3\",\"LastName\":\"C, \\\"q\\\"\"}", Set.of()));
    UploadFile upload = CsvUploadBuilder.build(records, "Ext__c", false);
    String successful = "\"sf__Id\",\"sf__Created\",Ext__c,LastName\n"
        + "003C,false,k3,\"C, \"\"q\"\"\"\n003A,true,k1,A\n";
    String failed = "\"sf__Id\",\"sf__Error\",Ext__c,LastName\n"
        + ",REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --,k2,#N/A\n";
    List<RecordOutcome> outcomes = BulkResultJoiner.join(upload, "Ext__c",
        new BulkResults(JobState.JobComplete, null, successful, failed, ""));
    assertThat(outcomes).containsExactly(
        RecordOutcome.accepted("003A"),
        RecordOutcome.rejected(RejectionReason.MISSING_REQUIRED_FIELD, "LastName",
            "REQUIRED_FIELD_MISSING: Required fields are missing: [LastName]", null),
        RecordOutcome.accepted("003C"));
  }

  @Test
  void identicalInsertRowsAreMatchedByPositionAmongIdenticalRows() throws Exception {
    List<OutboundRecord> records = List.of(
        record("1", null, "{\"LastName\":\"Twin\"}", Set.of()),
        record("2", null, "{\"LastName\":\"Other\"}", Set.of()),
        record("3", null, "{\"LastName\":\"Twin\"}", Set.of()));
    UploadFile upload = CsvUploadBuilder.build(records, null, false);
    String successful = "sf__Id,sf__Created,LastName\n003B,true,Other\n003X,true,Twin\n003Y,true,Twin\n";
    List<RecordOutcome> outcomes = BulkResultJoiner.join(upload, null,
        new BulkResults(JobState.JobComplete, null, successful, "", ""));
    assertThat(outcomes).containsExactly(RecordOutcome.accepted("003X"), RecordOutcome.accepted("003B"),
        RecordOutcome.accepted("003Y"));
  }

  @Test
  void aFailedJobLosesNoRecord() throws Exception {
    List<OutboundRecord> records = List.of(
        record("1", "001A", "{\"Id\":\"001A\",\"Title\":\"x\"}", Set.of()),
        record("2", "001B", "{\"Id\":\"001B\",\"Title\":\"y\"}", Set.of()),
        record("3", "001C", "{\"Id\":\"001C\",\"Title\":\"z\"}", Set.of()),
        record("4", "001D", "{\"Id\":\"001D\",\"Title\":\"w\"}", Set.of()));
    UploadFile upload = CsvUploadBuilder.build(records, "Id", false);
    String successful = "sf__Id,sf__Created,Id,Title\n001B,false,001B,y\n";
    String failed = "sf__Id,sf__Error,Id,Title\n001A,UNABLE_TO_LOCK_ROW:unable to obtain exclusive access:--,001A,x\n";
    String unprocessed = "Id,Title\n001C,z\n";
    List<RecordOutcome> outcomes = BulkResultJoiner.join(upload, "Id",
        new BulkResults(JobState.Failed, "InternalServerError", successful, failed, unprocessed));
    assertThat(outcomes.get(0)).isInstanceOf(RecordOutcome.Retry.class);
    assertThat(outcomes.get(1)).isEqualTo(RecordOutcome.accepted("001B"));
    assertThat(((RecordOutcome.Retry) outcomes.get(2)).message()).contains("Failed", "InternalServerError");
    assertThat(((RecordOutcome.Retry) outcomes.get(3)).message()).contains("no result");
  }

  @Test
  void normalisedCellsFallBackToTheKey() throws Exception {
    List<OutboundRecord> records = List.of(record("1", "k1", "{\"Ext__c\":\"k1\",\"Amount__c\":1.50}", Set.of()));
    UploadFile upload = CsvUploadBuilder.build(records, "Ext__c", false);
    String successful = "sf__Id,sf__Created,Ext__c,Amount__c\n003A,true,k1,1.5\n";
    assertThat(BulkResultJoiner.join(upload, "Ext__c",
        new BulkResults(JobState.JobComplete, null, successful, "", "")))
        .containsExactly(RecordOutcome.accepted("003A"));
  }
}
