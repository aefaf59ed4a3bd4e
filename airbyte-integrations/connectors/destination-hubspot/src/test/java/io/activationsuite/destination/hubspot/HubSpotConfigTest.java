package io.activationsuite.destination.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.protocol.errors.ConfigErrorException;
import org.junit.jupiter.api.Test;

class HubSpotConfigTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static HubSpotConfig parse(String json) throws Exception {
    return HubSpotConfig.from(MAPPER.readTree(json.replace('\'', '"')));
  }

  @Test
  void defaultsToProductionHubSpotAndTheProfessionalTier() throws Exception {
    HubSpotConfig config = parse("{'credentials':{'auth_type':'private_app','access_token':'pat-1'}}");

    assertThat(config.baseUrl().toString()).isEqualTo("https://api.hubapi.com");
    assertThat(config.tier().requestsPerTenSeconds()).isEqualTo(190);
    assertThat(config.dailyRequestBudget()).isNull();
    assertThat(config.credentials()).isEqualTo(new HubSpotCredentials.PrivateApp("pat-1"));
    assertThat(config.credentials().toString()).doesNotContain("pat-1");
  }

  @Test
  void readsOAuthTierAndDailyBudget() throws Exception {
    HubSpotConfig config = parse("{'credentials':{'auth_type':'oauth2','client_id':'c','client_secret':'s',"
        + "'refresh_token':'r'},'rate_limit_tier':'free_starter','daily_request_budget':5000}");

    assertThat(config.credentials()).isEqualTo(new HubSpotCredentials.OAuth("c", "s", "r"));
    assertThat(config.tier().requestsPerTenSeconds()).isEqualTo(100);
    assertThat(config.dailyRequestBudget()).isEqualTo(5000L);
    assertThat(config.credentials().toString()).doesNotContain("=s,").doesNotContain("=r]");
  }

  @Test
  void plainHttpIsOnlyAllowedForLoopbackHosts() throws Exception {
    String creds = "'credentials':{'auth_type':'private_app','access_token':'t'}";
    assertThat(parse("{" + creds + ",'base_url':'http://127.0.0.1:8080/'}").baseUrl().toString())
        .isEqualTo("http://127.0.0.1:8080");
    assertThat(parse("{" + creds + ",'base_url':'http://localhost:9'}").baseUri().getHost()).isEqualTo("localhost");
    assertThatThrownBy(() -> parse("{" + creds + ",'base_url':'http://api.hubapi.com'}"))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("https");
    assertThatThrownBy(() -> parse("{" + creds + ",'base_url':'ftp://x'}")).isInstanceOf(ConfigErrorException.class);
  }

  @Test
  void aHostThatOnlyStartsWith127IsNotLoopbackSoPlainHttpIsRefused() {
    String creds = "'credentials':{'auth_type':'private_app','access_token':'t'}";
    assertThatThrownBy(() -> parse("{" + creds + ",'base_url':'http://127.evil.com'}"))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("base_url").hasMessageContaining("https");
    assertThatThrownBy(() -> parse("{" + creds + ",'base_url':'http://127.0.0.1.nip.io:8080'}"))
        .isInstanceOf(ConfigErrorException.class);
  }

  @Test
  void unknownAuthTypeAndEmptySecretsAreConfigErrors() {
    assertThatThrownBy(() -> parse("{'credentials':{'auth_type':'api_key'}}"))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("auth_type");
    assertThatThrownBy(() -> parse("{'credentials':{'auth_type':'private_app','access_token':' '}}"))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("access_token");
  }
}
