package io.activationsuite.destination.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchResultsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text.replace('\'', '"'));
  }

  private final List<BatchInput> inputs = List.of(
      new BatchInput("t1", "a@x.com", null), new BatchInput("t2", "b@x.com", null),
      new BatchInput("t3", "c@x.com", null));

  @Test
  void multiStatusJoinsResultsAndErrorsByTraceId() throws Exception {
    JsonNode body = json("{'status':'COMPLETE','results':[{'id':'11','objectWriteTraceId':'t3'},"
        + "{'id':'10','objectWriteTraceId':'t1'}],'numErrors':1,'errors':[{'status':'error',"
        + "'category':'VALIDATION_ERROR','message':'Property values were not valid: bad option',"
        + "'context':{'objectWriteTraceId':['t2']},'errors':[{'message':'bad','code':'INVALID_OPTION',"
        + "'in':'lifecyclestage'}]}]}");

    List<RecordOutcome> outcomes = BatchResults.outcomes(inputs, 207, body, "email");

    assertThat(outcomes.get(0)).isEqualTo(RecordOutcome.accepted("10"));
    assertThat(outcomes.get(2)).isEqualTo(RecordOutcome.accepted("11"));
    assertThat(outcomes.get(1)).isEqualTo(RecordOutcome.rejected(RejectionReason.INVALID_OPTION, "lifecyclestage",
        "Property values were not valid: bad option", 207));
  }

  @Test
  void errorsWithoutTraceIdsAreMatchedByTheIdsInTheirContext() throws Exception {
    JsonNode body = json("{'results':[{'id':'1','properties':{'email':'A@x.com'}}],'errors':[{'category':"
        + "'OBJECT_NOT_FOUND','message':'Could not get some CONTACT objects','context':{'ids':['b@x.com',"
        + "'c@x.com']}}]}");

    List<RecordOutcome> outcomes = BatchResults.outcomes(inputs, 207, body, "email");

    assertThat(outcomes.get(0)).isEqualTo(RecordOutcome.accepted("1"));
    assertThat(outcomes.subList(1, 3)).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(
        RecordOutcome.Rejected.class, r -> assertThat(r.reason()).isEqualTo(RejectionReason.NOT_FOUND)));
  }

  @Test
  void errorsThatNameNoInputRejectTheUnresolvedInputsWithTheMessage() throws Exception {
    JsonNode body = json("{'results':[{'id':'1','objectWriteTraceId':'t1'}],'errors':[{'category':"
        + "'VALIDATION_ERROR','message':'Something odd','errors':[{'code':'INVALID_EMAIL'}]}]}");

    List<RecordOutcome> outcomes = BatchResults.outcomes(inputs, 207, body, null);

    assertThat(outcomes.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
    assertThat(outcomes.get(1)).isInstanceOfSatisfying(RecordOutcome.Rejected.class, r -> {
      assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_VALUE);
      assertThat(r.message()).contains("Something odd");
    });
  }

  @Test
  void transientPerInputErrorsAreRetried() throws Exception {
    JsonNode error = json("{'category':'RATE_LIMITS','message':'slow down'}");

    assertThat(BatchResults.outcomeOf(error, 207)).isEqualTo(RecordOutcome.retry("slow down"));
  }

  @Test
  void errorCodesMapToStableReasons() {
    assertThat(ErrorReasons.reason("INVALID_EMAIL", null)).isEqualTo(RejectionReason.INVALID_VALUE);
    assertThat(ErrorReasons.reason("INVALID_OPTION", null)).isEqualTo(RejectionReason.INVALID_OPTION);
    assertThat(ErrorReasons.reason("PROPERTY_DOESNT_EXIST", null)).isEqualTo(RejectionReason.UNKNOWN_FIELD);
    assertThat(ErrorReasons.reason("OBJECT_ALREADY_EXISTS", null)).isEqualTo(RejectionReason.DUPLICATE_KEY);
    assertThat(ErrorReasons.reason("MAX_LENGTH_EXCEEDED", null)).isEqualTo(RejectionReason.VALUE_TOO_LONG);
    assertThat(ErrorReasons.reason(null, "OBJECT_NOT_FOUND")).isEqualTo(RejectionReason.NOT_FOUND);
    assertThat(ErrorReasons.reason("SOMETHING_ELSE", "OTHER")).isEqualTo(RejectionReason.REFUSED_BY_API);
  }
}
