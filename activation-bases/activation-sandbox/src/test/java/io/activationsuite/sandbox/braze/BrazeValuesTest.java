package io.activationsuite.sandbox.braze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BrazeValuesTest {

  /** The email rule as Braze's docs state it, which the hand-written check must match exactly. */
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  @Test
  void emailCheckAcceptsExactlyWhatTheDocumentedPatternMatches() {
    String[] samples = {"a@b.c", "user1@example.com", "a@b.", "a@.b", "@b.c", "a@b", "a@@b.c", "a b@c.d",
        "a@b.c\n", "a@b..c", "a@b.c.", "a.b@c", "a.b@c.d", "a@bc..", "a@😀.b", "", "@", ".", "a@b\t.c",
        "a@b\u000B.c", "a@b\u00A0.c", "a@.b.c", "a@b.c@d.e"};
    for (String sample : samples) {
      assertThat(BrazeValues.isEmail(sample)).as(sample).isEqualTo(EMAIL.matcher(sample).matches());
    }
    char[] alphabet = {'a', 'b', '@', '.', ' ', '\t', '\r', '\n', '\u000B', '\f', '\u00A0', 'é'};
    Random random = new Random(42);
    for (int n = 0; n < 200_000; n++) {
      char[] text = new char[random.nextInt(8)];
      for (int i = 0; i < text.length; i++) {
        text[i] = alphabet[random.nextInt(alphabet.length)];
      }
      String sample = new String(text);
      assertThat(BrazeValues.isEmail(sample)).as(sample).isEqualTo(EMAIL.matcher(sample).matches());
    }
  }
}
