package io.activationsuite.sandbox.braze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UserStoreTest {

  @Test
  void brazeIdsAreTwentyFourHexDigitsOfOneRandomIntThenOneRandomLong() {
    UserStore store = new UserStore(new Random(11));
    Random same = new Random(11);

    for (int i = 0; i < 100; i++) {
      String expected = HexFormat.of().toHexDigits(same.nextInt()) + HexFormat.of().toHexDigits(same.nextLong());
      assertThat(store.create().brazeId).isEqualTo(expected);
    }
  }
}
