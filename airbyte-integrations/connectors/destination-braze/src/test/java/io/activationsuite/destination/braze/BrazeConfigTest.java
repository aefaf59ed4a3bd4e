package io.activationsuite.destination.braze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import org.junit.jupiter.api.Test;

class BrazeConfigTest {

  private static ObjectNode config() {
    return BrazeFixtures.MAPPER.createObjectNode().put("api_key", "secret-key-123");
  }

  @Test
  void anInstanceNameSelectsItsRestEndpointAndBudgetsDefaultToBrazesLimits() {
    BrazeConfig parsed = BrazeConfig.from(config().put("instance", "EU-01"));

    assertThat(parsed.restEndpoint().toString()).isEqualTo("https://rest.fra-01.braze.eu/");
    assertThat(parsed.trackRequestsPer3Seconds()).isEqualTo(3_000);
    assertThat(parsed.userRequestsPerMinute()).isEqualTo(20_000);
    assertThat(parsed.toString()).doesNotContain("secret-key-123");
  }

  @Test
  void aCustomEndpointMustBeHttpsUnlessItIsLoopback() {
    assertThat(BrazeConfig.from(config().put("instance", "custom").put("custom_rest_endpoint",
        "http://127.0.0.1:8080")).restEndpoint().port()).isEqualTo(8080);
    assertThatThrownBy(() -> BrazeConfig.from(config().put("instance", "custom")
        .put("custom_rest_endpoint", "http://rest.example.com")))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("custom_rest_endpoint");
    assertThatThrownBy(() -> BrazeConfig.from(config().put("instance", "custom")))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("custom_rest_endpoint");
  }

  @Test
  void anUnknownInstanceOrABudgetAboveBrazesLimitIsAConfigErrorNamingTheField() {
    assertThatThrownBy(() -> BrazeConfig.from(config().put("instance", "MARS-01")))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("instance");
    assertThatThrownBy(() -> BrazeConfig.from(config().put("users_track_requests_per_3_seconds", 5_000)))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("users_track_requests_per_3_seconds");
    assertThatThrownBy(() -> BrazeConfig.from(BrazeFixtures.MAPPER.createObjectNode()))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("api_key");
  }
}
