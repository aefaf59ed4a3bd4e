package io.activationsuite.destination.salesforce.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.destination.salesforce.http.ApiError;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkErrorTextTest {

  @Test
  void readsCodeMessageAndFields() {
    ApiError error = BulkErrorText.parse("STRING_TOO_LONG:Last Name: data value too large: xxx:LastName,Title --");
    assertThat(error.code()).isEqualTo("STRING_TOO_LONG");
    assertThat(error.message()).isEqualTo("Last Name: data value too large: xxx");
    assertThat(error.fields()).containsExactly("LastName", "Title");
  }

  @Test
  void readsErrorsWithoutFields() {
    ApiError error = BulkErrorText.parse("DUPLICATE_VALUE:duplicate value found: Email duplicates value on 003A --");
    assertThat(error).isEqualTo(new ApiError("DUPLICATE_VALUE",
        "duplicate value found: Email duplicates value on 003A", List.of()));
  }

  @Test
  void bareTextBecomesUnknown() {
    assertThat(BulkErrorText.parse("something odd").code()).isEqualTo("UNKNOWN");
  }
}
