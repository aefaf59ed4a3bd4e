package io.activationsuite.protocol.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.protocol.checkpoint.StateScope;
import io.activationsuite.protocol.model.StreamDescriptor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InboundParserTest {
  private final InboundParser parser = new InboundParser();

  @Test
  void aStateWithoutTypeIsALegacyStateInTheGlobalScope() {
    Inbound inbound = parser.parse("{\"type\":\"STATE\",\"state\":{\"data\":{\"x\":1}}}", 1);

    assertThat(inbound).isInstanceOfSatisfying(Inbound.State.class,
        s -> assertThat(s.scope()).isEqualTo(StateScope.GLOBAL));
  }

  @Test
  void aRecordCarriesItsStreamDataAndUtf8Size() {
    String line = "{\"type\":\"RECORD\",\"record\":{\"stream\":\"u\",\"data\":{\"n\":\"é\"},\"emitted_at\":5}}";

    Inbound inbound = parser.parse(line, 1);

    assertThat(inbound).isInstanceOfSatisfying(Inbound.Record.class, r -> {
      assertThat(r.stream()).isEqualTo(new StreamDescriptor("u", null));
      assertThat(r.emittedAt()).isEqualTo(5);
      assertThat(r.sizeBytes()).isEqualTo(line.length() + 1);
    });
  }

  @Test
  void aBrokenRecordLineStillNamesItsStreamWhenItCanBeRead() {
    String line = "{\"type\":\"RECORD\",\"record\":{\"namespace\":\"n\",\"stream\":\"u\",\"data\":{";

    Inbound inbound = parser.parse(line, 9);

    assertThat(inbound).isInstanceOfSatisfying(Inbound.Malformed.class, m -> {
      assertThat(m.stream()).isEqualTo(new StreamDescriptor("u", "n"));
      assertThat(m.state()).isFalse();
      assertThat(m.lineNumber()).isEqualTo(9);
    });
  }

  @Test
  void aBrokenLineIsKeptWholeForTheRejectedRecord() {
    String line = "{\"type\":\"RECORD\",\"record\":{\"stream\":\"u\",\"data\":{\"note\":\""
        + "x".repeat(100_000) + "\"";

    Inbound inbound = parser.parse(line, 3);

    assertThat(inbound).isInstanceOfSatisfying(Inbound.Malformed.class, m -> assertThat(m.raw()).isEqualTo(line));
  }

  @Test
  void aBrokenStateLineIsFlaggedAsAState() {
    Inbound inbound = parser.parse("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\"", 3);

    assertThat(inbound).isInstanceOfSatisfying(Inbound.Malformed.class, m -> assertThat(m.state()).isTrue());
  }

  @Test
  void otherMessagesNeedNoAction() {
    assertThat(parser.parse("{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"hi\"}}", 1))
        .isEqualTo(new Inbound.Other("LOG"));
  }

  @Test
  void aRecordLineThatIsNotValidUtf8IsMalformedAndStillNamesItsStream() {
    byte[] prefix = "{\"type\":\"RECORD\",\"record\":{\"stream\":\"u\",\"data\":{\"n\":\"".getBytes(
        StandardCharsets.UTF_8);
    byte[] suffix = "\"}}}".getBytes(StandardCharsets.UTF_8);
    byte[] line = new byte[prefix.length + 2 + suffix.length];
    System.arraycopy(prefix, 0, line, 0, prefix.length);
    line[prefix.length] = (byte) 0xC3; // a two-byte sequence cut short by a plain ASCII byte
    line[prefix.length + 1] = 'x';
    System.arraycopy(suffix, 0, line, prefix.length + 2, suffix.length);

    Inbound inbound = parser.parse(line, 0, line.length, 4);

    assertThat(inbound).isInstanceOfSatisfying(Inbound.Malformed.class, m -> {
      assertThat(m.reason()).contains("UTF-8");
      assertThat(m.stream()).isEqualTo(new StreamDescriptor("u", null));
      assertThat(m.raw()).contains("\uFFFD");
    });
  }

  @Test
  void aLineInTheMiddleOfABufferIsParsedFromItsOwnBytesOnly() {
    byte[] buffer = "garbage{\"type\":\"LOG\"}more".getBytes(StandardCharsets.UTF_8);

    assertThat(parser.parse(buffer, 7, 15, 1)).isEqualTo(new Inbound.Other("LOG"));
  }
}
