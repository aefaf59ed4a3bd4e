package io.activationsuite.destination.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.ActivationDestination;
import io.activationsuite.sink.config.ConfigReader;
import io.activationsuite.testkit.spec.SpecSnapshots;
import org.junit.jupiter.api.Test;

class ZendeskConfigTest {

  private static ObjectNode config() {
    ObjectNode config = ZendeskFixtures.MAPPER.createObjectNode().put("subdomain", "Acme.zendesk.com");
    config.putObject("credentials").put("auth_type", "api_token").put("email", "a@acme.example")
        .put("api_token", "secret-token-123");
    return config;
  }

  private static ZendeskConfig read(ObjectNode config) {
    return ConfigReader.read(config, ZendeskConfig.class);
  }

  @Test
  void theSpecGeneratedFromTheConfigRecordEqualsTheReviewedSnapshot() {
    SpecSnapshots.assertMatchesSnapshot(new ActivationDestination(new ZendeskActivationApi()).spec(), "zendesk");
  }

  @Test
  void theSubdomainMakesTheBaseUrlAndThePlanItsBudgetUnlessOverridden() {
    ZendeskConfig parsed = read(config());

    assertThat(parsed.baseUrl()).isEqualTo("https://acme.zendesk.com");
    assertThat(parsed.plan()).isEqualTo(ZendeskConfig.Plan.TEAM);
    assertThat(parsed.requestsPerMinute()).isEqualTo(200);
    assertThat(parsed.pollInterval().toMillis()).isEqualTo(1_000);
    assertThat(parsed.toString()).doesNotContain("secret-token-123");
    assertThat(read(config().put("plan", "enterprise")).requestsPerMinute()).isEqualTo(700);
    assertThat(read(config().put("plan", "enterprise").put("requests_per_minute", 300)).requestsPerMinute())
        .isEqualTo(300);
  }

  @Test
  void aBadSubdomainPlainHttpBaseUrlOrBlankSecretIsAConfigErrorNamingTheField() {
    assertThatThrownBy(() -> read(config().put("subdomain", "acme.example.com")))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("subdomain");
    assertThatThrownBy(() -> read(config().put("base_url", "http://127.evil.com")))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("base_url");
    assertThat(read(config().put("base_url", "http://127.0.0.1:9000/")).baseUrl()).isEqualTo("http://127.0.0.1:9000");
    ObjectNode blank = config();
    ((ObjectNode) blank.get("credentials")).put("api_token", " ");
    assertThatThrownBy(() -> read(blank)).isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("credentials.api_token");
    assertThatThrownBy(() -> read(config().put("plan", "galactic"))).isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("plan");
  }
}
