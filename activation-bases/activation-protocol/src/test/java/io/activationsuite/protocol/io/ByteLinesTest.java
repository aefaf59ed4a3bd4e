package io.activationsuite.protocol.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteLinesTest {

  @Test
  void linesEndAtNewlineCarriageReturnOrBothAndTheLastNeedsNoEnd() throws IOException {
    assertThat(lines("a\nb\r\nc\rd", 64, 64)).containsExactly("a", "b", "c", "d");
  }

  @Test
  void emptyLinesAreKeptAndATrailingNewlineEndsTheInput() throws IOException {
    assertThat(lines("a\n\n\r\n b\n", 64, 64)).containsExactly("a", "", "", " b");
  }

  @Test
  void aCarriageReturnAndItsNewlineSplitAcrossReadsEndOneLine() throws IOException {
    // one byte per read: every line end and every character arrives on its own
    assertThat(lines("ab\r\ncd\r\n\r\nef", 16, 1)).containsExactly("ab", "cd", "", "ef");
  }

  @Test
  void aLineLongerThanTheBufferGrowsItAndArrivesWhole() throws IOException {
    String longLine = "x".repeat(10_000);

    assertThat(lines("a\n" + longLine + "\nb", 16, 7)).containsExactly("a", longLine, "b");
  }

  @Test
  void multiByteCharactersPassThroughUndecoded() throws IOException {
    assertThat(lines("é€😀\nß", 16, 3)).containsExactly("é€😀", "ß");
  }

  @Test
  void blankMeansWhatStringIsBlankSays() throws IOException {
    ByteLines lines = new ByteLines(stream(" \t\u000B\f\n \u2003 \nx \n\u00A0\n", 1), 16);
    List<Boolean> blank = new ArrayList<>();
    while (lines.next()) {
      blank.add(lines.blank());
      assertThat(lines.blank()).isEqualTo(lines.text().isBlank());
    }
    assertThat(blank).containsExactly(true, true, false, false);
  }

  @Test
  void anEmptyInputHasNoLines() throws IOException {
    assertThat(lines("", 16, 16)).isEmpty();
  }

  private static List<String> lines(String text, int bufferSize, int chunk) throws IOException {
    ByteLines lines = new ByteLines(stream(text, chunk), bufferSize);
    List<String> out = new ArrayList<>();
    while (lines.next()) {
      out.add(new String(lines.bytes(), lines.offset(), lines.length(), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** An input that gives at most {@code chunk} bytes per read, as a pipe may. */
  private static InputStream stream(String text, int chunk) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }
}
