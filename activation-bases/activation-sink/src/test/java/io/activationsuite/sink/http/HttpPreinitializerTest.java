package io.activationsuite.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.activationsuite.protocol.runner.Preinitializer;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class HttpPreinitializerTest {

  @Test
  void theRunnerFindsItOnTheClasspath() {
    assertThat(ServiceLoader.load(Preinitializer.class).stream().map(ServiceLoader.Provider::type))
        .contains(HttpPreinitializer.class);
  }

  @Test
  void itSucceedsWithoutTheNetworkSoItKeepsWarmingAsTheHttpSetUpChanges() {
    assertThatCode(() -> new HttpPreinitializer().preinitialize()).doesNotThrowAnyException();
  }
}
