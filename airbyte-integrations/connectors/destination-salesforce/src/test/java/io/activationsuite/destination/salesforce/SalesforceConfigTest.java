package io.activationsuite.destination.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.destination.salesforce.auth.Credentials;
import io.activationsuite.protocol.errors.ConfigErrorException;
import org.junit.jupiter.api.Test;

class SalesforceConfigTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CREDS =
      "\"credentials\":{\"auth_type\":\"oauth2_refresh_token\",\"client_id\":\"id\",\"client_secret\":\"s\","
      + "\"refresh_token\":\"r\"}";

  private static SalesforceConfig config(String extra) throws Exception {
    JsonNode node = JSON.readTree("{" + CREDS + (extra.isEmpty() ? "" : "," + extra) + "}");
    return SalesforceConfig.from(node);
  }

  @Test
  void defaultsToProductionLoginAndCurrentVersion() throws Exception {
    SalesforceConfig config = config("");
    assertThat(config.loginUrl()).isEqualTo("https://login.salesforce.com");
    assertThat(config.apiVersion()).isEqualTo("64.0");
    assertThat(config.writeStrategy()).isEqualTo(WriteStrategy.AUTO);
    assertThat(config.credentials()).isEqualTo(new Credentials.RefreshToken("id", "s", "r"));
  }

  @Test
  void sandboxAndMyDomainPickTheLoginHost() throws Exception {
    assertThat(config("\"is_sandbox\":true").loginUrl()).isEqualTo("https://test.salesforce.com");
    assertThat(config("\"is_sandbox\":true,\"login_url\":\"https://acme.my.salesforce.com/\"").loginUrl())
        .isEqualTo("https://acme.my.salesforce.com");
  }

  @Test
  void plainHttpIsOnlyAllowedOnLoopback() throws Exception {
    assertThat(config("\"base_url\":\"http://127.0.0.1:8080\"").loginUrl()).isEqualTo("http://127.0.0.1:8080");
    assertThat(config("\"base_url\":\"http://localhost:9\"").loginUrl()).isEqualTo("http://localhost:9");
    assertThatThrownBy(() -> config("\"base_url\":\"http://example.com\""))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("https");
    assertThatThrownBy(() -> config("\"login_url\":\"ftp://x\"")).isInstanceOf(ConfigErrorException.class);
  }

  @Test
  void clientCredentialsNeedNoRefreshToken() throws Exception {
    SalesforceConfig config = SalesforceConfig.from(JSON.readTree(
        "{\"credentials\":{\"auth_type\":\"client_credentials\",\"client_id\":\"id\",\"client_secret\":\"s\"}}"));
    assertThat(config.credentials()).isEqualTo(new Credentials.ClientCredentials("id", "s"));
  }

  @Test
  void rejectsBadVersionAndStrategy() {
    assertThatThrownBy(() -> config("\"api_version\":\"64\"")).isInstanceOf(ConfigErrorException.class);
    assertThatThrownBy(() -> config("\"write_strategy\":\"soap\"")).isInstanceOf(ConfigErrorException.class);
    assertThatThrownBy(() -> config("\"bulk_threshold\":0")).isInstanceOf(ConfigErrorException.class);
  }

  @Test
  void secretsStayOutOfToString() throws Exception {
    assertThat(config("").toString()).doesNotContain("=s,", "=r]", "refreshToken=r");
  }
}
