package io.activationsuite.destination.salesforce.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.destination.salesforce.http.ApiError;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorOutcomesTest {

  @ParameterizedTest
  @CsvSource({
      "REQUIRED_FIELD_MISSING, MISSING_REQUIRED_FIELD",
      "DUPLICATE_VALUE, DUPLICATE_KEY",
      "INVALID_EMAIL_ADDRESS, INVALID_VALUE",
      "INVALID_TYPE_ON_FIELD_IN_RECORD, INVALID_VALUE",
      "STRING_TOO_LONG, VALUE_TOO_LONG",
      "ENTITY_IS_DELETED, NOT_FOUND",
      "NOT_FOUND, NOT_FOUND",
      "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST, INVALID_OPTION",
      "FIELD_CUSTOM_VALIDATION_EXCEPTION, REFUSED_BY_API"})
  void mapsCodesToReasons(String code, RejectionReason reason) {
    RecordOutcome outcome = ErrorOutcomes.outcome(new ApiError(code, "msg", List.of("Email")));
    assertThat(outcome).isEqualTo(RecordOutcome.rejected(reason, "Email", code + ": msg", null));
  }

  @Test
  void anIdOfTheWrongShapeOrALookupToNoRecordIsAnInvalidValueButAMissingRecordIsNotFound() {
    assertThat(ErrorOutcomes.outcome(new ApiError("MALFORMED_ID", "Owner ID: id value of incorrect type: ann@x.io",
        List.of("OwnerId")))).isEqualTo(RecordOutcome.rejected(RejectionReason.INVALID_VALUE, "OwnerId",
        "MALFORMED_ID: Owner ID: id value of incorrect type: ann@x.io", null));
    assertThat(ErrorOutcomes.reason("INVALID_CROSS_REFERENCE_KEY", "AccountId"))
        .isEqualTo(RejectionReason.INVALID_VALUE);
    assertThat(ErrorOutcomes.reason("INVALID_CROSS_REFERENCE_KEY", "Id")).isEqualTo(RejectionReason.NOT_FOUND);
    assertThat(ErrorOutcomes.reason("INVALID_CROSS_REFERENCE_KEY", null)).isEqualTo(RejectionReason.NOT_FOUND);
  }

  @Test
  void lockedRowsAreRetried() {
    assertThat(ErrorOutcomes.outcome(new ApiError("UNABLE_TO_LOCK_ROW", "locked", List.of())))
        .isEqualTo(RecordOutcome.retry("UNABLE_TO_LOCK_ROW: locked"));
  }
}
