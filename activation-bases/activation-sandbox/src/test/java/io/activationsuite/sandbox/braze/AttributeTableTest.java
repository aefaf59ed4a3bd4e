package io.activationsuite.sandbox.braze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.activationsuite.sandbox.Json;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttributeTableTest {

  @Test
  void setsAndRemovesKeepTheSameOrderAndValuesAsAnObjectNode() {
    Random random = new Random(3);
    String[] names = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"};
    JsonNode[] values = {TextNode.valueOf("FR"), TextNode.valueOf(""), IntNode.valueOf(42),
        Json.object().put("x", 1), Json.array().add("y"), TextNode.valueOf("a longer text value of some length")};
    AttributeTable table = new AttributeTable(new TextPool());
    ObjectNode expected = Json.object();
    for (int n = 0; n < 5_000; n++) {
      String name = names[random.nextInt(names.length)];
      if (random.nextInt(4) == 0) {
        table.remove(name);
        expected.remove(name);
      } else {
        JsonNode value = values[random.nextInt(values.length)];
        table.set(name, value);
        expected.set(name, value);
      }
      assertThat(table.get(name)).isEqualTo(expected.get(name));
      ObjectNode actual = Json.object();
      table.copyInto(actual);
      assertThat(actual.toString()).isEqualTo(expected.toString());
    }
  }

  @Test
  void textValuesAreReadBackAsTextAndOtherValuesAreNot() {
    AttributeTable table = new AttributeTable(new TextPool());
    table.set("email", TextNode.valueOf("a@b.c"));
    table.set("score", IntNode.valueOf(7));

    assertThat(table.text("email")).isEqualTo("a@b.c");
    assertThat(table.text("score")).isNull();
    assertThat(table.text("missing")).isNull();
    assertThat(table.get("email")).isEqualTo(TextNode.valueOf("a@b.c"));
  }

  @Test
  void equalShortTextValuesOfDifferentProfilesShareOneInstance() {
    TextPool pool = new TextPool();
    String first = pool.share(new String("FR"));
    String second = pool.share(new String("FR"));

    assertThat(second).isSameAs(first);
    String longText = "x".repeat(TextPool.MAX_LENGTH + 1);
    assertThat(pool.share(longText)).isSameAs(longText);
  }
}
