package io.activationsuite.destination.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.protocol.errors.ConfigErrorException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenManagerTest {
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private static MockResponse token(String access, String refresh) {
    return new MockResponse().setBody("{\"access_token\":\"" + access + "\",\"instance_url\":\"https://x.my"
        + ".salesforce.com/\"" + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"") + "}");
  }

  @Test
  void refreshesOnlyWhenTheStaleTokenIsStillCurrentAndPersistsRotations() throws Exception {
    server.enqueue(token("a1", null));
    server.enqueue(token("a2", "r2"));
    List<String> rotated = new ArrayList<>();
    String base = server.url("/").toString().replaceAll("/$", "");
    TokenManager tokens = new TokenManager(new TokenClient(new OkHttpClient(), base),
        new Credentials.RefreshToken("id", "secret", "r1"), rotated::add);
    AccessToken first = tokens.current();
    assertThat(first.instanceUrl()).isEqualTo("https://x.my.salesforce.com");
    AccessToken second = tokens.refresh(first);
    assertThat(tokens.refresh(first)).isSameAs(second);
    assertThat(second.value()).isEqualTo("a2");
    assertThat(rotated).containsExactly("r2");
    assertThat(server.getRequestCount()).isEqualTo(2);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getPath()).isEqualTo("/services/oauth2/token");
    assertThat(request.getBody().readUtf8()).contains("grant_type=refresh_token", "refresh_token=r1");
    assertThat(server.takeRequest().getBody().readUtf8()).contains("refresh_token=r1");
  }

  @Test
  void clientCredentialsUseTheirGrant() throws Exception {
    server.enqueue(token("a1", null));
    String base = server.url("/").toString().replaceAll("/$", "");
    new TokenClient(new OkHttpClient(), base).exchange(new Credentials.ClientCredentials("id", "secret"));
    assertThat(server.takeRequest().getBody().readUtf8()).contains("grant_type=client_credentials")
        .doesNotContain("refresh_token");
  }

  @Test
  void expiredRefreshTokenSaysToReauthenticate() {
    server.enqueue(new MockResponse().setResponseCode(400)
        .setBody("{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}"));
    String base = server.url("/").toString().replaceAll("/$", "");
    assertThatThrownBy(() -> new TokenClient(new OkHttpClient(), base)
        .exchange(new Credentials.RefreshToken("id", "top-secret", "r-secret")))
        .isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("expired or revoked")
        .hasMessageNotContaining("top-secret").hasMessageNotContaining("r-secret");
  }
}
