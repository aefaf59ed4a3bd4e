package io.activationsuite.protocol.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedactionTest {
  @AfterEach
  void tearDown() {
    SecretRedactor.clearForTests();
  }

  @Test
  void secretValuesAreFoundInEveryOneOfBranchAndNestedObject() throws Exception {
    JsonNode schema = Json.mapper().readTree("{\"properties\":{\"credentials\":{\"oneOf\":["
        + "{\"properties\":{\"access_token\":{\"type\":\"string\",\"airbyte_secret\":true}}},"
        + "{\"properties\":{\"client_secret\":{\"airbyte_secret\":true},\"client_id\":{}}}]},"
        + "\"name\":{\"type\":\"string\"}}}");
    JsonNode config = Json.mapper().readTree(
        "{\"credentials\":{\"client_id\":\"public-id\",\"client_secret\":\"hush-hush\"},\"name\":\"n\"}");

    assertThat(SecretFields.secretValues(schema, config)).containsExactly("hush-hush");
  }

  @Test
  void stderrLinesAreRedactedEvenWhenWrittenInPieces() {
    SecretRedactor.register("tok-ABCDEFG");
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(new RedactingOutputStream(sink), true, StandardCharsets.UTF_8);

    err.print("Authorization: Bearer tok-ABC");
    err.print("DEFG and more\nsecond line tok-ABCDEFG");
    err.close();

    String written = sink.toString(StandardCharsets.UTF_8);
    assertThat(written).doesNotContain("tok-ABCDEFG").contains("Bearer " + SecretRedactor.MASK)
        .contains("second line " + SecretRedactor.MASK);
  }

  @Test
  void tooShortValuesAreNotTreatedAsSecrets() {
    SecretRedactor.register("ab");

    assertThat(SecretRedactor.redact("abc")).isEqualTo("abc");
  }
}
