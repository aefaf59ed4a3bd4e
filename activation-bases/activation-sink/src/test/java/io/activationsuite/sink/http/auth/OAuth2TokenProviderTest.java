package io.activationsuite.sink.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.sink.http.ApiClient;
import io.activationsuite.sink.http.ApiResponse;
import io.activationsuite.sink.http.FakeTime;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuth2TokenProviderTest {

  private static final String CLIENT_SECRET = "client-secret-XYZZY";
  private static final String REFRESH_TOKEN = "refresh-token-PLUGH";

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient();
  private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private void serveTokens(long expiresIn, boolean rotate) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getPath().startsWith("/token")) {
          tokenRequests.add(request.getBody().readUtf8());
          int n = issued.incrementAndGet();
          String rotation = rotate ? ",\"refresh_token\":\"rotated-" + n + "\"" : "";
          return json(200, "{\"access_token\":\"at-" + n + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
              + ",\"instance_url\":\"https://eu1.my.example.com\"" + rotation + "}");
        }
        String auth = request.getHeader("Authorization");
        return "Bearer at-1".equals(auth) ? json(401, "{\"message\":\"expired\"}") : json(200, "{\"ok\":true}");
      }
    });
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  private OAuth2Settings refreshSettings() {
    return OAuth2Settings.refreshToken(server.url("/token"), "client-1", CLIENT_SECRET, REFRESH_TOKEN);
  }

  @Test
  void tokenIsCachedAndRenewedBeforeExpiryAndRotationIsReported() throws Exception {
    serveTokens(3600, true);
    FakeTime time = new FakeTime(Instant.parse("2025-01-01T00:00:00Z"));
    List<String> rotated = new ArrayList<>();
    List<OAuth2Token> seen = new ArrayList<>();
    OAuth2TokenProvider provider = OAuth2TokenProvider.builder(refreshSettings(), http).time(time, time)
        .listener(new OAuth2TokenListener() {
          @Override
          public void onToken(OAuth2Token token) {
            seen.add(token);
          }

          @Override
          public void onRefreshTokenRotated(String newRefreshToken) {
            rotated.add(newRefreshToken);
          }
        }).build();

    assertThat(provider.token().accessToken()).isEqualTo("at-1");
    time.advance(Duration.ofMinutes(58));
    assertThat(provider.token().accessToken()).isEqualTo("at-1");
    time.advance(Duration.ofSeconds(61));
    OAuth2Token renewed = provider.token();

    assertThat(renewed.accessToken()).isEqualTo("at-2");
    assertThat(renewed.field("instance_url")).contains("https://eu1.my.example.com");
    assertThat(provider.tokensFetched()).isEqualTo(2);
    assertThat(tokenRequests.get(0)).contains("grant_type=refresh_token", "refresh_token=" + REFRESH_TOKEN,
        "client_id=client-1", "client_secret=" + CLIENT_SECRET);
    assertThat(tokenRequests.get(1)).contains("refresh_token=rotated-1");
    assertThat(rotated).containsExactly("rotated-1", "rotated-2");
    assertThat(provider.currentRefreshToken()).contains("rotated-2");
    assertThat(seen).hasSize(2);
    assertThat(renewed.toString()).doesNotContain("at-2");
  }

  @Test
  void twentyConcurrent401sCauseExactlyOneRefresh() throws Exception {
    serveTokens(3600, false);
    OAuth2TokenProvider provider = OAuth2TokenProvider.builder(refreshSettings(), http).build();
    ApiClient client = ApiClient.builder("Example", http).auth(new OAuth2Auth(provider)).build();
    assertThat(provider.token().accessToken()).isEqualTo("at-1");

    CountDownLatch go = new CountDownLatch(1);
    List<Future<ApiResponse>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 20; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return client.execute(new Request.Builder().url(server.url("/api/thing")).build());
        }));
      }
      go.countDown();
      for (Future<ApiResponse> result : results) {
        assertThat(result.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
      }
    }

    assertThat(provider.tokensFetched()).isEqualTo(2);
    assertThat(tokenRequests).hasSize(2);
    assertThat(client.metrics().snapshot().authRenewals()).isBetween(1L, 20L);
  }

  @Test
  void aTokenTypeThatIsNoHttpSchemeIsSentToTheApiAsBearer() throws Exception {
    List<String> authorizations = new CopyOnWriteArrayList<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getPath().startsWith("/token")) {
          return json(200, "{\"ok\":true,\"access_token\":\"xoxb-1\",\"token_type\":\"bot\",\"expires_in\":43200}");
        }
        authorizations.add(request.getHeader("Authorization"));
        return json(200, "{\"ok\":true}");
      }
    });
    OAuth2TokenProvider provider = OAuth2TokenProvider.builder(refreshSettings(), http).build();
    ApiClient client = ApiClient.builder("Example", http).auth(new OAuth2Auth(provider)).build();

    client.execute(new Request.Builder().url(server.url("/api/auth.test")).build());

    assertThat(provider.token().tokenType()).isEqualTo("bot");
    assertThat(authorizations).containsExactly("Bearer xoxb-1");
  }

  @Test
  void clientCredentialsGrantSendsScopeExtrasAndBasicClientAuth() throws Exception {
    serveTokens(600, false);
    OAuth2Settings settings = OAuth2Settings.clientCredentials(server.url("/token"), "client-1", CLIENT_SECRET,
        "api write").withExtraParams(Map.of("audience", "https://api.example.com"))
        .withClientAuth(ClientAuthMethod.BASIC_HEADER);
    OAuth2TokenProvider provider = OAuth2TokenProvider.builder(settings, http).build();

    assertThat(provider.token().accessToken()).isEqualTo("at-1");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeader("Authorization")).startsWith("Basic ");
    assertThat(tokenRequests.get(0)).contains("grant_type=client_credentials", "scope=api%20write",
        "audience=https%3A%2F%2Fapi.example.com").doesNotContain("client_secret");
  }

  @Test
  void invalidGrantBecomesAnActionableConfigErrorWithoutSecrets() {
    server.enqueue(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"token " + REFRESH_TOKEN
        + " expired; secret " + CLIENT_SECRET + "\"}"));
    OAuth2TokenProvider provider = OAuth2TokenProvider.builder(refreshSettings(), http).build();

    assertThatThrownBy(provider::token).isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("invalid_grant").hasMessageContaining("re-authenticate")
        .hasMessageNotContaining(REFRESH_TOKEN).hasMessageNotContaining(CLIENT_SECRET);
  }

  @Test
  void invalidClientNamesTheClientCredentials() {
    server.enqueue(json(401, "{\"error\":\"invalid_client\"}"));
    OAuth2TokenProvider provider = OAuth2TokenProvider.builder(refreshSettings(), http).build();

    assertThatThrownBy(provider::token).isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("invalid_client").hasMessageContaining("client secret")
        .hasMessageNotContaining(CLIENT_SECRET);
  }

  @Test
  void tokenEndpointOutageIsRetriedThenSucceeds() throws Exception {
    FakeTime time = new FakeTime(Instant.parse("2025-01-01T00:00:00Z"));
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(json(200, "{\"access_token\":\"at-9\"}"));
    OAuth2TokenProvider provider = OAuth2TokenProvider.builder(refreshSettings(), http).time(time, time).build();

    OAuth2Token token = provider.token();

    assertThat(token.accessToken()).isEqualTo("at-9");
    assertThat(token.expiresAt()).isNull();
    assertThat(time.wakeUps()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRefreshWhoseAnswerWasLostIsAskedOnceMoreWithTheSameRefreshTokenAndItsRotationIsKept() throws Exception {
    FakeTime time = new FakeTime(Instant.parse("2025-01-01T00:00:00Z"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(json(200, "{\"access_token\":\"at-2\",\"refresh_token\":\"rotated-2\"}"));
    List<String> rotated = new CopyOnWriteArrayList<>();
    OAuth2TokenProvider provider = OAuth2TokenProvider.builder(refreshSettings(), http).time(time, time)
        .listener(new OAuth2TokenListener() {
          @Override
          public void onRefreshTokenRotated(String newRefreshToken) {
            rotated.add(newRefreshToken);
          }
        }).build();

    assertThat(provider.token().accessToken()).isEqualTo("at-2");

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(server.takeRequest().getBody().readUtf8()).contains("refresh_token=" + REFRESH_TOKEN);
    assertThat(server.takeRequest().getBody().readUtf8()).contains("refresh_token=" + REFRESH_TOKEN);
    assertThat(rotated).containsExactly("rotated-2");
    assertThat(provider.currentRefreshToken()).contains("rotated-2");
  }

  @Test
  void aRefreshRefusedAfterALostAnswerIsReportedAsAProbablyLostRotationAndNotResentAgain() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(json(400, "{\"error\":\"invalid_grant\"}"));
    server.enqueue(json(200, "{\"access_token\":\"never-asked\"}"));
    OAuth2TokenProvider provider = OAuth2TokenProvider.builder(refreshSettings(), http).build();

    assertThatThrownBy(provider::token).isInstanceOfSatisfying(OAuth2RefusedException.class, refused -> {
      assertThat(refused.error()).isEqualTo("invalid_grant");
      assertThat(refused).hasMessageContaining("got no answer").hasMessageContaining("rotated")
          .hasMessageContaining("re-authenticate").hasMessageNotContaining(REFRESH_TOKEN);
    });
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aClientCredentialsRequestWhoseAnswerWasLostIsRetriedByTheSharedRetry() throws Exception {
    FakeTime time = new FakeTime(Instant.parse("2025-01-01T00:00:00Z"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setResponseCode(502));
    server.enqueue(json(200, "{\"access_token\":\"at-3\"}"));
    OAuth2Settings settings = OAuth2Settings.clientCredentials(server.url("/token"), "client-1", CLIENT_SECRET, null);
    OAuth2TokenProvider provider = OAuth2TokenProvider.builder(settings, new OkHttpClient.Builder()
        .retryOnConnectionFailure(false).build()).time(time, time).build();

    assertThat(provider.token().accessToken()).isEqualTo("at-3");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(time.wakeUps()).isEqualTo(2);
  }

  @Test
  void aRefusalCarriesTheOAuthErrorAndItsScrubbedDescription() {
    server.enqueue(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"expired " + REFRESH_TOKEN
        + "\"}"));
    OAuth2TokenProvider provider = OAuth2TokenProvider.builder(refreshSettings(), http).build();

    assertThatThrownBy(provider::token).isInstanceOfSatisfying(OAuth2RefusedException.class, refused -> {
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.error()).isEqualTo("invalid_grant");
      assertThat(refused.errorDescription()).startsWith("expired ").doesNotContain(REFRESH_TOKEN);
    });
  }

  @Test
  void aVendorThrottleShapeMarkedRetryableIsRetriedInsteadOfReportedAsRefused() throws Exception {
    FakeTime time = new FakeTime(Instant.parse("2025-01-01T00:00:00Z"));
    server.enqueue(json(403, "[{\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"));
    server.enqueue(json(200, "{\"access_token\":\"at-10\"}"));
    OAuth2TokenProvider provider = OAuth2TokenProvider.builder(refreshSettings(), http).time(time, time)
        .retryRefusalWhen((status, body) -> status == 403 && body.contains("REQUEST_LIMIT_EXCEEDED"))
        .build();

    assertThat(provider.token().accessToken()).isEqualTo("at-10");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anUnreachableEndpointEndsAsTransientWithTheIoErrorAsCause() throws Exception {
    FakeTime time = new FakeTime(Instant.parse("2025-01-01T00:00:00Z"));
    server.shutdown();
    OAuth2TokenProvider provider = OAuth2TokenProvider.builder(refreshSettings(), http).time(time, time).build();

    assertThatThrownBy(provider::token).isInstanceOf(TransientErrorException.class)
        .cause().isInstanceOf(IOException.class);
  }
}
