package io.activationsuite.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

  private static final byte[] BODY = "{\"attributes\":[{\"external_id\":\"u1\"}]}".getBytes(StandardCharsets.UTF_8);

  private static byte[] read(String contentLength) throws IOException {
    return RequestBodies.read(new ByteArrayInputStream(BODY), contentLength);
  }

  @Test
  void aBodyIsReadWholeWhateverLengthItDeclares() throws IOException {
    for (String declared : new String[] {null, "", "abc", "-1", Integer.toString(BODY.length),
        " " + BODY.length + " ", "0", "5", Integer.toString(BODY.length + 10), "99999999999",
        Integer.toString(RequestBodies.MAX_PRESIZED + 1)}) {
      assertThat(read(declared)).as(String.valueOf(declared)).isEqualTo(BODY);
    }
  }

  @Test
  void anEmptyBodyIsAnEmptyArray() throws IOException {
    assertThat(RequestBodies.read(new ByteArrayInputStream(new byte[0]), "0")).isEmpty();
    assertThat(RequestBodies.read(new ByteArrayInputStream(new byte[0]), null)).isEmpty();
  }
}
