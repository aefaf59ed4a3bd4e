package io.activationsuite.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmulatorServerTest {

  private EchoEmulator echo;
  private EmulatorServer server;

  @BeforeEach
  void start() {
    echo = new EchoEmulator();
    server = EmulatorServer.start(echo, SandboxOptions.defaults());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void givenFreePort_whenStarted_thenServesOnLoopbackAndLogsRequestsWithoutSecrets() {
    assertThat(server.baseUrl().toString()).startsWith("http://127.0.0.1:");
    HttpResponse<String> response = TestHttp.post(server.url("/things?access_token=s3cr3t&page=2"), "tok", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.requests().entries()).singleElement().satisfies(e -> {
      assertThat(e.method()).isEqualTo("POST");
      assertThat(e.path()).isEqualTo("/things");
      assertThat(e.query()).containsEntry("access_token", "***").containsEntry("page", "2");
      assertThat(e.status()).isEqualTo(200);
      assertThat(e.outcome()).isEqualTo("OK");
    });
    assertThat(TestHttp.get(server.url("/__sandbox/requests"), null).body()).doesNotContain("s3cr3t");
  }

  @Test
  void givenBodiesKept_whenJsonAndFormRequests_thenOnlyTheJsonBodyIsLoggedAndOnlyWhileAsked() {
    TestHttp.post(server.url("/a"), null, "{\"n\":1}");
    server.requests().keepBodies(true);
    TestHttp.post(server.url("/b"), null, "{\"n\":2}");
    TestHttp.form(server.url("/c"), "client_secret=s3cr3t");

    List<RequestLogEntry> entries = server.requests().entries();
    assertThat(entries).extracting(RequestLogEntry::body).containsExactly(null, "{\"n\":2}", null);
    assertThat(TestHttp.get(server.url("/__sandbox/requests"), null).body()).contains("\"body\"")
        .doesNotContain("s3cr3t");
  }

  @Test
  void givenFailNextTwo_whenThreeRequests_thenTwo503sThenSuccess() {
    server.faults().failNext(2);

    assertThat(TestHttp.post(server.url("/a"), null, "{}").statusCode()).isEqualTo(503);
    assertThat(TestHttp.post(server.url("/a"), null, "{}").statusCode()).isEqualTo(503);
    assertThat(TestHttp.post(server.url("/a"), null, "{}").statusCode()).isEqualTo(200);
    assertThat(echo.bodies).hasSize(1);
    assertThat(server.requests().entries()).extracting(RequestLogEntry::outcome)
        .containsExactly("INJECTED_ERROR", "INJECTED_ERROR", "OK");
  }

  @Test
  void givenThrottleNext_whenRequest_thenEmulatorThrottleShapeIsUsed() {
    server.faults().throttleNext(1);

    assertThat(TestHttp.get(server.url("/a"), null).statusCode()).isEqualTo(429);
    assertThat(TestHttp.get(server.url("/a"), null).statusCode()).isEqualTo(200);
  }

  @Test
  void givenResetNext_whenRequest_thenClientSeesConnectionFailure() {
    server.faults().resetNext(1);
    // POST: the JDK client silently retries an idempotent GET once on a dropped connection
    HttpRequest request = TestHttp.builder(server.url("/a"), null)
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

    assertThatThrownBy(() -> TestHttp.sendRaw(request)).isInstanceOf(IOException.class);
    assertThat(TestHttp.get(server.url("/a"), null).statusCode()).isEqualTo(200);
    assertThat(server.requests().entries().get(0).status()).isZero();
    assertThat(server.requests().entries().get(0).outcome()).isEqualTo("INJECTED_RESET");
    assertThat(echo.bodies).isEmpty();
  }

  @Test
  void givenTimeoutNext_whenClientGivesUp_thenClientTimesOutAndServerStaysHealthy() {
    server.faults().update(c -> c.withTimeoutHoldMillis(2_000L)).timeoutNext(1);
    HttpRequest request = TestHttp.builder(server.url("/a"), null).timeout(Duration.ofMillis(200)).GET().build();

    assertThatThrownBy(() -> TestHttp.sendRaw(request)).isInstanceOf(HttpTimeoutException.class);
    assertThat(TestHttp.get(server.url("/a"), null).statusCode()).isEqualTo(200);
  }

  @Test
  void givenFixedLatency_whenRequest_thenResponseIsDelayedAtLeastThatLong() {
    server.faults().latency(LatencySpec.fixed(150));

    long start = System.nanoTime();
    assertThat(TestHttp.get(server.url("/a"), null).statusCode()).isEqualTo(200);
    long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

    assertThat(elapsedMillis).isGreaterThanOrEqualTo(150);
    assertThat(server.requests().entries().get(0).durationMillis()).isGreaterThanOrEqualTo(150);
  }

  @Test
  void givenControlEndpoint_whenPuttingFaults_thenTheyApplyAndAreReportedBack() {
    HttpResponse<String> put = TestHttp.put(server.url("/__sandbox/faults"),
        "{\"config\":{\"serverErrorRatio\":1.0,\"serverErrorStatus\":502,\"rateLimitBudget\":7},"
            + "\"pending\":{\"failNext\":1,\"failStatus\":504}}");
    assertThat(put.statusCode()).isEqualTo(200);

    assertThat(TestHttp.get(server.url("/a"), null).statusCode()).isEqualTo(504);
    assertThat(TestHttp.get(server.url("/a"), null).statusCode()).isEqualTo(502);
    JsonNode state = TestHttp.json(TestHttp.get(server.url("/__sandbox/faults"), null));
    assertThat(state.at("/config/rateLimitBudget").asInt()).isEqualTo(7);
    assertThat(state.at("/pending/failNext").asInt()).isZero();
    assertThat(server.faults().config().rateLimitBudget()).isEqualTo(7);
  }

  @Test
  void givenBurstHelperOverHttp_whenRequests_thenNextNFail() {
    TestHttp.post(server.url("/__sandbox/faults/fail-next"), null, "{\"count\":2,\"status\":500}");

    assertThat(TestHttp.get(server.url("/a"), null).statusCode()).isEqualTo(500);
    assertThat(TestHttp.get(server.url("/a"), null).statusCode()).isEqualTo(500);
    assertThat(TestHttp.get(server.url("/a"), null).statusCode()).isEqualTo(200);
  }

  @Test
  void givenInvalidFaults_whenPut_then400AndNothingChanges() {
    HttpResponse<String> put = TestHttp.put(server.url("/__sandbox/faults"),
        "{\"config\":{\"serverErrorRatio\":1.5}}");

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(put.body()).contains("serverErrorRatio");
    assertThat(server.faults().config()).isEqualTo(FaultConfig.none());
  }

  @Test
  void givenState_whenResetOverControlEndpoint_thenObjectsLogAndFaultsAreCleared() {
    TestHttp.post(server.url("/a"), null, "{\"x\":1}");
    server.faults().failNext(3);
    assertThat(TestHttp.json(TestHttp.get(server.url("/__sandbox/objects/items"), null))).hasSize(1);

    assertThat(TestHttp.post(server.url("/__sandbox/reset"), null, "").statusCode()).isEqualTo(204);

    assertThat(echo.bodies).isEmpty();
    assertThat(server.requests().entries()).isEmpty();
    assertThat(server.faults().pending().failNext()).isZero();
    assertThat(TestHttp.get(server.url("/__sandbox/objects/nope"), null).statusCode()).isEqualTo(404);
  }

  @Test
  void givenTokenExpiryOverControlEndpoint_thenEmulatorIsAsked() {
    assertThat(TestHttp.post(server.url("/__sandbox/tokens/expire"), null, "").statusCode()).isEqualTo(204);
    assertThat(echo.tokensExpired).isTrue();
    JsonNode info = TestHttp.json(TestHttp.get(server.url("/__sandbox/info"), null));
    assertThat(info.path("name").asText()).isEqualTo("echo");
    assertThat(info.at("/credentials/token").asText()).isEqualTo("echo-token");
  }
}
