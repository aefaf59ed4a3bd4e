package io.activationsuite.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.sink.api.DeliveryUncertainException;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.http.retry.RetryPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests that may have reached the API are resent only when idempotent; unreachable hosts fail fast. */
class ApiClientDeliveryTest {

  private static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");

  private final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime(T0);

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  /** Like production: OkHttp's own silent retry on, short read timeout. */
  private static OkHttpClient.Builder http() {
    return new OkHttpClient.Builder().retryOnConnectionFailure(true).readTimeout(Duration.ofMillis(500));
  }

  private ApiClient client(OkHttpClient http) {
    return ApiClient.builder("Example", http).retryPolicy(RetryPolicy.defaults()).time(time, time)
        .random(new Random(7)).build();
  }

  private Request create(HttpUrl url) {
    return new Request.Builder().url(url)
        .post(RequestBody.create("{\"inputs\":[{\"email\":\"a@x.com\"}]}", MediaType.get("application/json")))
        .build();
  }

  private Request create() {
    return create(server.url("/crm/v3/objects/contacts/batch/create"));
  }

  private void reachOnce(ApiClient client) throws InterruptedException {
    server.enqueue(new MockResponse().setBody("{}"));
    client.execute(new Request.Builder().url(server.url("/ping")).get().build());
  }

  @Test
  void aTimeoutAfterANonIdempotentPostSendsNoSecondPostAndReportsDeliveryUncertain() throws Exception {
    ApiClient client = client(http().build());
    reachOnce(client);
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(new MockResponse().setBody("{\"status\":\"COMPLETE\"}"));

    assertThatThrownBy(() -> client.execute(create()))
        .isInstanceOfSatisfying(DeliveryUncertainException.class, e -> {
          assertThat(e.getMessage()).contains("Example may have applied this record",
              "POST /crm/v3/objects/contacts/batch/create", "not safe to resend");
          assertThat(e.outcome()).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
              r -> assertThat(r.reason()).isEqualTo(RejectionReason.DELIVERY_UNCERTAIN));
        });
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(client.metrics().snapshot().uncertain()).isEqualTo(1);
  }

  @Test
  void aDisconnectAfterANonIdempotentPostIsNotResentEvenByOkHttpsOwnRetry() throws Exception {
    ApiClient client = client(http().build());
    reachOnce(client);
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setBody("{}"));

    assertThatThrownBy(() -> client.execute(create())).isInstanceOf(DeliveryUncertainException.class);
    server.takeRequest();
    assertThat(server.takeRequest().getPath()).isEqualTo("/crm/v3/objects/contacts/batch/create");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theSameFailureOnARequestMarkedIdempotentIsResent() throws Exception {
    ApiClient client = client(http().build());
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setBody("done"));

    ApiResponse response = client.execute(create(server.url("/crm/v3/objects/contacts/batch/upsert")),
        Idempotency.IDEMPOTENT);

    assertThat(response.bodyString()).isEqualTo("done");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anHtmlPageOrCutJsonWithStatus200IsUncertainForACreateAndResentWhenIdempotent() throws Exception {
    ApiClient client = client(http().build());
    reachOnce(client);
    server.enqueue(new MockResponse().setBody("<html><body>Be right back</body></html>")
        .setHeader("Content-Type", "text/html; charset=utf-8"));
    assertThatThrownBy(() -> client.execute(create())).isInstanceOf(DeliveryUncertainException.class)
        .hasMessageContaining("HTML page");

    server.enqueue(new MockResponse().setBody("{\"results\":[{\"id\":").setHeader("Content-Type", "application/json"));
    server.enqueue(new MockResponse().setBody("{\"results\":[]}").setHeader("Content-Type", "application/json"));
    ApiResponse response = client.execute(create(server.url("/crm/v3/objects/contacts/batch/upsert")),
        Idempotency.IDEMPOTENT);

    assertThat(response.bodyString()).isEqualTo("{\"results\":[]}");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aGatewayErrorOnANonIdempotentPostIsUncertainButAnUnavailableAnswerIsRetried() throws Exception {
    ApiClient client = client(http().build());
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(502));
    server.enqueue(new MockResponse().setBody("{}"));

    assertThatThrownBy(() -> client.execute(create())).isInstanceOf(DeliveryUncertainException.class)
        .hasMessageContaining("HTTP 502");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aNonIdempotentPostThatCouldNotConnectIsRetriedAndLandsOnce() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    Dns flaky = host -> {
      if (lookups.incrementAndGet() == 1) {
        throw new UnknownHostException(host + ": temporary failure in name resolution");
      }
      return List.of(InetAddress.getLoopbackAddress());
    };
    ApiClient client = client(http().dns(flaky).build());
    server.enqueue(new MockResponse().setBody("created"));
    HttpUrl url = server.url("/crm/v3/objects/contacts/batch/create").newBuilder().host("api.example.test").build();

    assertThat(client.execute(create(url)).bodyString()).isEqualTo("created");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anUnknownHostThatNeverAnsweredFailsWithinASecondNamingTheHost() {
    Dns none = host -> {
      throw new UnknownHostException(host);
    };
    ApiClient client = client(http().dns(none).build());

    assertThatThrownBy(() -> client.execute(new Request.Builder().url("https://api.nowhere.test/ping").build()))
        .isInstanceOfSatisfying(HostUnreachableException.class, e -> {
          assertThat(e.host()).isEqualTo("api.nowhere.test");
          assertThat(e.getMessage()).contains("cannot reach api.nowhere.test (DNS/connection)");
        });
    assertThat(Duration.between(T0, time.instant())).isLessThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aRefusedConnectionThatNeverAnsweredFailsFast() throws Exception {
    HttpUrl closed = server.url("/ping");
    server.shutdown();
    ApiClient client = client(http().build());

    assertThatThrownBy(() -> client.execute(new Request.Builder().url(closed).build()))
        .isInstanceOf(HostUnreachableException.class).hasMessageContaining("cannot reach " + closed.host());
    assertThat(Duration.between(T0, time.instant())).isLessThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aHostThatAnsweredBeforeIsRetriedWithTheNormalBudgetWhenItBecomesUnreachable() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    Dns flaky = host -> {
      int n = lookups.incrementAndGet();
      if (n >= 2 && n <= 4) {
        throw new UnknownHostException(host);
      }
      return List.of(InetAddress.getLoopbackAddress());
    };
    OkHttpClient http = http().dns(flaky).build();
    ApiClient client = client(http);
    HttpUrl url = server.url("/ping").newBuilder().host("api.example.test").build();
    server.enqueue(new MockResponse().setBody("one"));
    server.enqueue(new MockResponse().setBody("two"));
    client.execute(new Request.Builder().url(url).build());
    http.connectionPool().evictAll();

    assertThat(client.execute(new Request.Builder().url(url).build()).bodyString()).isEqualTo("two");
    assertThat(lookups.get()).isEqualTo(5);
    assertThat(client.metrics().snapshot().ioErrors()).isEqualTo(3);
  }
}
