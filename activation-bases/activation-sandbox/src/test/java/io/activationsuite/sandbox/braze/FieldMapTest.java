package io.activationsuite.sandbox.braze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FieldMapTest {

  @Test
  void putsRemovesAndIterationBehaveAsALinkedHashMapAtEverySize() {
    Random random = new Random(5);
    for (int keyCount : new int[] {3, 12, 40}) {
      FieldMap<Integer> actual = new FieldMap<>();
      Map<String, Integer> expected = new LinkedHashMap<>();
      for (int n = 0; n < 4_000; n++) {
        String key = new String("k" + random.nextInt(keyCount));
        int op = random.nextInt(10);
        if (op < 6) {
          assertThat(actual.put(key, n)).isEqualTo(expected.put(key, n));
        } else if (op < 8) {
          assertThat(actual.remove(key)).isEqualTo(expected.remove(key));
        } else if (op < 9) {
          removeEveryThirdWhileIterating(actual);
          removeEveryThirdWhileIterating(expected);
        } else {
          assertThat(actual.containsKey(key)).isEqualTo(expected.containsKey(key));
        }
        assertThat(actual.get(key)).isEqualTo(expected.get(key));
        assertThat(new ArrayList<>(actual.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
        assertThat(actual).isEqualTo(expected).hasSameHashCodeAs(expected);
      }
    }
  }

  @Test
  void parsedRequestsReadAndPrintAsWithTheSharedMapper() {
    String json = """
        {"attributes":[{"external_id":"u1","first_name":"Ada","nested":{"b":1,"a":[1,{"z":null}]},"dup":1,"dup":2}],
         "events":[]}""";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

    JsonNode compact = Json.parse(bytes, CompactNodeFactory.READER);
    JsonNode plain = Json.parse(bytes);

    assertThat(compact.toString()).isEqualTo(plain.toString());
    assertThat(compact).isEqualTo(plain);
    assertThat(plain).isEqualTo(compact);
    assertThat(compact.deepCopy().toString()).isEqualTo(plain.toString());
    assertThat(compact.path("attributes").get(0).path("dup").asInt()).isEqualTo(2);
  }

  private static void removeEveryThirdWhileIterating(Map<String, Integer> map) {
    int i = 0;
    for (Iterator<Map.Entry<String, Integer>> it = map.entrySet().iterator(); it.hasNext(); i++) {
      it.next();
      if (i % 3 == 0) {
        it.remove();
      }
    }
  }
}
