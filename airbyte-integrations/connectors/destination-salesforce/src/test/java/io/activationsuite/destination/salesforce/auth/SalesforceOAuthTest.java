package io.activationsuite.destination.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.sandbox.ManualClock;
import io.activationsuite.sink.http.time.Waiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceOAuthTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-05T09:00:00Z"));
  private final List<Duration> waits = new ArrayList<>();
  private final Waiter waiter = deadline -> {
    Duration wait = Duration.between(clock.instant(), deadline);
    waits.add(wait);
    clock.advance(wait);
  };
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

  private SalesforceOAuth oauth(Credentials credentials, List<String> rotated) {
    String base = server.url("/").toString().replaceAll("/$", "");
    return SalesforceOAuth.create(base, credentials, new OkHttpClient(), clock, waiter, rotated::add);
  }

  @Test
  void readsTheInstanceUrlRenewsOnceAfterARefusalAndPersistsRotations() throws Exception {
    server.enqueue(token("a1", null));
    server.enqueue(token("a2", "r2"));
    List<String> rotated = new ArrayList<>();
    SalesforceOAuth oauth = oauth(new Credentials.RefreshToken("id", "secret", "r1"), rotated);
    assertThat(oauth.instanceUrl()).isEqualTo("https://x.my.salesforce.com");
    Request first = oauth.authorize(new Request.Builder().url("https://x.my.salesforce.com/a").build());
    assertThat(first.header("Authorization")).isEqualTo("Bearer a1");
    assertThat(oauth.renewAfterUnauthorized(first)).isTrue();
    assertThat(oauth.renewAfterUnauthorized(first)).isTrue();
    Request second = oauth.authorize(first);
    assertThat(second.header("Authorization")).isEqualTo("Bearer a2");
    assertThat(rotated).containsExactly("r2");
    assertThat(oauth.tokensFetched()).isEqualTo(2);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getPath()).isEqualTo("/services/oauth2/token");
    assertThat(request.getBody().readUtf8()).contains("grant_type=refresh_token", "refresh_token=r1");
    assertThat(server.takeRequest().getBody().readUtf8()).contains("refresh_token=r1");
  }

  @Test
  void clientCredentialsUseTheirGrant() throws Exception {
    server.enqueue(token("a1", null));
    oauth(new Credentials.ClientCredentials("id", "secret"), new ArrayList<>()).instanceUrl();
    assertThat(server.takeRequest().getBody().readUtf8()).contains("grant_type=client_credentials")
        .doesNotContain("refresh_token");
  }

  @Test
  void expiredRefreshTokenSaysToReauthenticate() {
    server.enqueue(new MockResponse().setResponseCode(400)
        .setBody("{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}"));
    SalesforceOAuth oauth = oauth(new Credentials.RefreshToken("id", "top-secret", "r-secret"), new ArrayList<>());
    assertThatThrownBy(oauth::instanceUrl)
        .isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("expired or revoked")
        .hasMessageNotContaining("top-secret").hasMessageNotContaining("r-secret");
    assertThat(waits).isEmpty();
  }

  @Test
  void anUnknownClientIdIsNamed() {
    server.enqueue(new MockResponse().setResponseCode(400)
        .setBody("{\"error\":\"invalid_client_id\",\"error_description\":\"client identifier invalid\"}"));
    SalesforceOAuth oauth = oauth(new Credentials.RefreshToken("nobody", "s", "r"), new ArrayList<>());
    assertThatThrownBy(oauth::instanceUrl).isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("Invalid client ID");
  }

  @Test
  void aThrottledOrFailingTokenEndpointIsRetriedWithBackoff() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503).setBody("down"));
    server.enqueue(new MockResponse().setResponseCode(403)
        .setBody("[{\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"TotalRequests Limit exceeded.\"}]"));
    server.enqueue(new MockResponse().setResponseCode(429));
    server.enqueue(token("a1", null));
    SalesforceOAuth oauth = oauth(new Credentials.RefreshToken("id", "secret", "r1"), new ArrayList<>());
    assertThat(oauth.instanceUrl()).isEqualTo("https://x.my.salesforce.com");
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(waits).hasSize(3).allSatisfy(wait -> assertThat(wait).isPositive());
  }

  @Test
  void aTokenEndpointThatKeepsFailingIsTransientNeverAConfigError() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(new MockResponse().setResponseCode(503));
    }
    SalesforceOAuth oauth = oauth(new Credentials.RefreshToken("id", "secret", "r1"), new ArrayList<>());
    assertThatThrownBy(oauth::instanceUrl).isExactlyInstanceOf(TransientErrorException.class);
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void aLoginUrlThatIsNotATokenEndpointSaysSo() {
    server.enqueue(new MockResponse().setResponseCode(404).setBody("<html>not here</html>"));
    SalesforceOAuth oauth = oauth(new Credentials.RefreshToken("id", "secret", "r1"), new ArrayList<>());
    assertThatThrownBy(oauth::instanceUrl).isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("did not answer like a Salesforce token");
  }
}
