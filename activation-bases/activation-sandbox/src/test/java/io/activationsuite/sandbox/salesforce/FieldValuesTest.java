package io.activationsuite.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FieldValuesTest {
  private static FieldDescriptor field(FieldType type) {
    return FieldDescriptor.builder("F__c", type).build();
  }

  @Test
  void convertsTextToTypedValues() throws Exception {
    assertThat(FieldValues.convert(field(FieldType.BOOLEAN), "TRUE")).isEqualTo(true);
    assertThat(FieldValues.convert(field(FieldType.BOOLEAN), "0")).isEqualTo(false);
    assertThat(FieldValues.convert(field(FieldType.INT), "42")).isEqualTo(42L);
    assertThat(FieldValues.convert(field(FieldType.CURRENCY), "1234.50")).isEqualTo(new BigDecimal("1234.50"));
    assertThat(FieldValues.convert(field(FieldType.DATE), "2026-02-28")).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(FieldValues.convert(field(FieldType.DATETIME), "2026-02-28T10:00:00Z"))
        .isEqualTo("2026-02-28T10:00:00.000+0000");
    assertThat(FieldValues.convert(field(FieldType.DATETIME), "2026-02-28T10:00:00.000-0500"))
        .isEqualTo("2026-02-28T15:00:00.000+0000");
    assertThat(FieldValues.convert(field(FieldType.STRING), "")).isNull();
    assertThat(FieldValues.convert(field(FieldType.STRING), new BigDecimal("7"))).isEqualTo("7");
  }

  @Test
  void rejectsValuesOfTheWrongType() {
    assertThatThrownBy(() -> FieldValues.convert(field(FieldType.INT), "1.5"))
        .isInstanceOf(FieldConversionException.class).hasMessageContaining("xsd:int");
    assertThatThrownBy(() -> FieldValues.convert(field(FieldType.DOUBLE), "abc"))
        .isInstanceOf(FieldConversionException.class).hasMessage("'abc' is not a valid value for the type xsd:double");
    assertThatThrownBy(() -> FieldValues.convert(field(FieldType.DATE), "2026-02-30"))
        .isInstanceOf(FieldConversionException.class);
    assertThatThrownBy(() -> FieldValues.convert(field(FieldType.BOOLEAN), "maybe"))
        .isInstanceOf(FieldConversionException.class);
    assertThatThrownBy(() -> FieldValues.convert(field(FieldType.DATETIME), "yesterday"))
        .isInstanceOf(FieldConversionException.class);
  }
}
