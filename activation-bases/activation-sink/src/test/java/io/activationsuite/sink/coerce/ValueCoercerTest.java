package io.activationsuite.sink.coerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.RejectionReason;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The coercion matrix: input JSON x field type -> canonical JSON or a rejection reason. */
class ValueCoercerTest {

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }

  private static ValueCoercer coercer(FieldType type) {
    return new ValueCoercer(new DestinationField("f", type, true, 20, List.of("Gold", "Silver", "a;b"), false));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "STRING   | '\"hello\"'                  | '\"hello\"'",
      "STRING   | '42'                         | '\"42\"'",
      "STRING   | '1.50'                       | '\"1.5\"'",
      "STRING   | 'true'                       | '\"true\"'",
      "ID       | '\" 00123 \"'                | '\"00123\"'",
      "ID       | '123'                        | '\"123\"'",
      "EMAIL    | '\" Ann@Example.com \"'      | '\"Ann@Example.com\"'",
      "NUMBER   | '\"12.50\"'                  | '12.50'",
      "NUMBER   | '3'                          | '3'",
      "NUMBER   | '\"-1e3\"'                   | '-1E+3'",
      "INTEGER  | '\"42\"'                     | '42'",
      "INTEGER  | '42.0'                       | '42'",
      "INTEGER  | '\"7.000\"'                  | '7'",
      "BOOLEAN  | '\"Yes\"'                    | 'true'",
      "BOOLEAN  | '\"f\"'                      | 'false'",
      "BOOLEAN  | '1'                          | 'true'",
      "BOOLEAN  | '0'                          | 'false'",
      "DATE     | '\"2024-01-31\"'             | '\"2024-01-31\"'",
      "DATE     | '\"2024/01/31\"'             | '\"2024-01-31\"'",
      "DATE     | '\"20240131\"'               | '\"2024-01-31\"'",
      "DATE     | '\"2024-01-31T23:00:00-05:00\"' | '\"2024-01-31\"'",
      "DATE     | '1706659200'                 | '\"2024-01-31\"'",
      "DATE     | '1706659200000'              | '\"2024-01-31\"'",
      "DATETIME | '\"2024-01-31T10:15:30Z\"'   | '\"2024-01-31T10:15:30Z\"'",
      "DATETIME | '\"2024-01-31T10:15:30+02:00\"' | '\"2024-01-31T08:15:30Z\"'",
      "DATETIME | '\"2024-01-31 10:15:30\"'    | '\"2024-01-31T10:15:30Z\"'",
      "DATETIME | '\"2024-01-31 10:15:30.250\"' | '\"2024-01-31T10:15:30.250Z\"'",
      "DATETIME | '\"2024-01-31T10:15:30.123456+0000\"' | '\"2024-01-31T10:15:30.123456Z\"'",
      "DATETIME | '\"2024-01-31\"'             | '\"2024-01-31T00:00:00Z\"'",
      "DATETIME | '1706696130'                 | '\"2024-01-31T10:15:30Z\"'",
      "DATETIME | '1706696130123'              | '\"2024-01-31T10:15:30.123Z\"'",
      "DATETIME | '\"1706696130123\"'          | '\"2024-01-31T10:15:30.123Z\"'",
      "DATETIME | '1706696130123456'           | '\"2024-01-31T10:15:30.123456Z\"'",
      "ENUM     | '\"Gold\"'                   | '\"Gold\"'",
      "ENUM     | '\"silver\"'                 | '\"Silver\"'",
      "MULTI_ENUM | '[\"gold\",\"Silver\",\"gold\"]' | '[\"Gold\",\"Silver\"]'",
      "MULTI_ENUM | '\"Gold;silver\"'          | '[\"Gold\",\"Silver\"]'",
      "MULTI_ENUM | '\"a;b\"'                  | '[\"a;b\"]'",
  })
  void givenConvertibleValue_whenCoerced_thenCanonicalJson(FieldType type, String input, String expected)
      throws Exception {
    assertThat(coercer(type).coerce(json(input)).toString()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "EMAIL    | '\"not-an-email\"'          | INVALID_VALUE",
      "EMAIL    | '\"a@b\"'                   | INVALID_VALUE",
      "NUMBER   | '\"12,5\"'                  | INVALID_VALUE",
      "NUMBER   | 'true'                      | INVALID_VALUE",
      "NUMBER   | '{\"a\":1}'                 | INVALID_VALUE",
      "INTEGER  | '\"4.5\"'                   | INVALID_VALUE",
      "INTEGER  | '4.5'                       | INVALID_VALUE",
      "BOOLEAN  | '\"maybe\"'                 | INVALID_VALUE",
      "BOOLEAN  | '2'                         | INVALID_VALUE",
      "DATE     | '\"31/01/2024\"'            | INVALID_VALUE",
      "DATE     | '\"2024-02-30\"'            | INVALID_VALUE",
      "DATETIME | '\"yesterday\"'             | INVALID_VALUE",
      "ID       | '\"  \"'                    | INVALID_VALUE",
      "STRING   | '\"twenty-one characters\"' | VALUE_TOO_LONG",
      "ENUM     | '\"bronze\"'                | INVALID_OPTION",
      "ENUM     | '[\"Gold\"]'                | INVALID_VALUE",
      "MULTI_ENUM | '[\"Gold\",\"bronze\"]'   | INVALID_OPTION",
  })
  void givenValueThatDoesNotFit_whenCoerced_thenRejectedWithReasonAndField(FieldType type, String input,
      RejectionReason reason) {
    assertThatThrownBy(() -> coercer(type).coerce(json(input)))
        .isInstanceOfSatisfying(CoercionException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.field()).isEqualTo("f");
          assertThat(e.getMessage()).contains("'f'");
        });
  }

  @org.junit.jupiter.api.Test
  void aRejectionMessageKeepsTheWholeValueAndEveryAllowedOption() {
    List<String> options = List.of("HOSPITAL_HEALTHCARE_PROVIDERS_AND_SERVICES", "HIGHER_EDUCATION_INSTITUTIONS",
        "COMPUTER_SOFTWARE_AND_SERVICES");
    ValueCoercer picklist = new ValueCoercer(new DestinationField("industry", FieldType.ENUM, true, null, options,
        false));
    String value = "HOSPITAL_HEALTHCARE_PROVIDERS_AND_SERVICES_AND_SOMETHING_ELSE_THAT_IS_LONG";

    assertThatThrownBy(() -> picklist.coerce(Json.mapper().getNodeFactory().textNode(value)))
        .isInstanceOf(CoercionException.class)
        .hasMessageContaining(value)
        .hasMessageContaining(String.join(", ", options))
        .hasMessageNotContaining("...");
    String number = "1".repeat(30) + "x" + "2".repeat(60);
    assertThatThrownBy(() -> coercer(FieldType.NUMBER).coerce(Json.mapper().getNodeFactory().textNode(number)))
        .hasMessageContaining(number);
  }
}
