package io.activationsuite.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.http.auth.BasicAuth;
import io.activationsuite.sink.http.auth.BearerTokenAuth;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSetupTest {

  private static final String TOKEN = "pat-na1-0123456789abcdef-SECRET";
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  @Test
  void exchangeLogsAtDebugWithEveryCredentialRedacted() throws Exception {
    CapturingLogger log = new CapturingLogger();
    OkHttpClient http = HttpClientFactory.create(HttpClientSettings.defaults("activation-test/1.0", 4)
        .withLogging(true, true), log);
    server.enqueue(new MockResponse().setBody("{\"access_token\":\"issued-" + TOKEN + "\",\"ok\":true}")
        .setHeader("Content-Type", "application/json").setHeader("Set-Cookie", "sid=cookie-" + TOKEN));
    FormBody form = new FormBody.Builder().add("grant_type", "refresh_token").add("refresh_token", "rt-" + TOKEN)
        .add("client_secret", "cs-" + TOKEN).add("password", "pw-" + TOKEN).build();
    Request request = new Request.Builder().url(server.url("/oauth?access_token=q-" + TOKEN + "&limit=5"))
        .header("Authorization", "Bearer " + TOKEN).header("Cookie", "session=" + TOKEN).post(form).build();

    try (var response = http.newCall(request).execute()) {
      assertThat(response.body().string()).contains(TOKEN);
    }

    String output = log.output();
    assertThat(output).contains("DEBUG --> POST").contains("limit=5").contains("grant_type=refresh_token")
        .contains("\"ok\":true").contains(Redactor.MASK).doesNotContain("SECRET");
    assertThat(server.takeRequest().getHeader("User-Agent")).isEqualTo("activation-test/1.0");
  }

  @Test
  void bearerAndBasicAuthSendTheExpectedHeaders() throws Exception {
    OkHttpClient http = new OkHttpClient();
    server.enqueue(new MockResponse());
    server.enqueue(new MockResponse());
    Request bearer = new BearerTokenAuth(TOKEN).authorize(new Request.Builder().url(server.url("/a")).build());
    Request basic = new BasicAuth("me@example.com/token", TOKEN)
        .authorize(new Request.Builder().url(server.url("/b")).build());
    http.newCall(bearer).execute().close();
    http.newCall(basic).execute().close();

    assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    RecordedRequest second = server.takeRequest();
    String expected = Base64.getEncoder().encodeToString(("me@example.com/token:" + TOKEN)
        .getBytes(StandardCharsets.UTF_8));
    assertThat(second.getHeader("Authorization")).isEqualTo("Basic " + expected);
    assertThat(new BearerTokenAuth(TOKEN).toString()).doesNotContain(TOKEN);
  }

  @Test
  void plainHttpIsRefusedForRemoteHostsAndNamesTheField() {
    assertThatThrownBy(() -> BaseUrls.require("api_url", "http://api.example.com/v1"))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("'api_url'").hasMessageContaining("https");
    assertThatThrownBy(() -> BaseUrls.require("api_url", "http://10.0.0.1/")).isInstanceOf(ConfigErrorException.class);
    assertThatThrownBy(() -> BaseUrls.require("api_url", "ftp://x")).isInstanceOf(ConfigErrorException.class);
    assertThatThrownBy(() -> BaseUrls.require("api_url", " ")).isInstanceOf(ConfigErrorException.class);
    assertThatThrownBy(() -> BaseUrls.require("api_url", "https://user:pw@api.example.com/"))
        .isInstanceOf(ConfigErrorException.class).hasMessageNotContaining("pw");
  }

  @Test
  void loopbackMayUsePlainHttpAndBaseUrlsGainATrailingSlash() {
    assertThat(BaseUrls.require("u", "http://localhost:8080/api").toString()).isEqualTo("http://localhost:8080/api/");
    assertThat(BaseUrls.require("u", "http://127.1.2.3/").host()).isEqualTo("127.1.2.3");
    assertThat(BaseUrls.require("u", "http://[::1]:9000/").port()).isEqualTo(9000);
    var base = BaseUrls.require("u", "https://api.example.com/crm/v3?x=1");
    assertThat(BaseUrls.resolve(base, "/objects/contacts").toString())
        .isEqualTo("https://api.example.com/crm/v3/objects/contacts");
  }

  @Test
  void redactorMasksJsonFormHeaderAndUrlSecrets() {
    assertThat(Redactor.text("{\"refresh_token\": \"abc\", \"name\":\"x\"} client_secret=zzz&a=1 Bearer abcdefghij12"))
        .isEqualTo("{\"refresh_token\":\"[REDACTED]\", \"name\":\"x\"} client_secret=[REDACTED]&a=1 Bearer [REDACTED]");
    assertThat(Redactor.headerValue("X-Api-Key", "k")).isEqualTo(Redactor.MASK);
    assertThat(Redactor.url(okhttp3.HttpUrl.get("https://h/p?hapikey=1&q=2"))).isEqualTo("https://h/p?q=2&hapikey="
        + "%5BREDACTED%5D");
  }
}
