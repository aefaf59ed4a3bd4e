package io.activationsuite.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.protocol.errors.ConfigErrorException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpClientSettingsTest {

  private final HttpClientSettings defaults = HttpClientSettings.defaults("test-agent", 4);

  @Test
  void withoutTheVariableTheConnectorsOwnReadTimeoutStays() {
    assertThat(defaults.withEnvironment(Map.of())).isSameAs(defaults);
    assertThat(defaults.withEnvironment(Map.of(HttpClientSettings.READ_TIMEOUT_ENV, " "))).isSameAs(defaults);
  }

  @Test
  void theVariableSetsTheReadTimeoutInSecondsAndNothingElse() {
    HttpClientSettings changed = defaults.withEnvironment(Map.of(HttpClientSettings.READ_TIMEOUT_ENV, "7"));

    assertThat(changed.readTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(changed.withTimeouts(defaults.connectTimeout(), defaults.readTimeout(), defaults.writeTimeout(),
        defaults.callTimeout())).isEqualTo(defaults);
  }

  @Test
  void aValueThatIsNotWholeSecondsIsAConfigErrorNamingTheVariable() {
    for (String bad : new String[] {"1.5", "0", "-3", "sixty", "86401"}) {
      assertThatThrownBy(() -> defaults.withEnvironment(Map.of(HttpClientSettings.READ_TIMEOUT_ENV, bad)))
          .as(bad).isInstanceOf(ConfigErrorException.class)
          .hasMessageContaining(HttpClientSettings.READ_TIMEOUT_ENV).hasMessageContaining(bad);
    }
  }
}
