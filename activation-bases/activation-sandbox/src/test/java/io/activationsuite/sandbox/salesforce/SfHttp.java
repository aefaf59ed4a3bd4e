package io.activationsuite.sandbox.salesforce;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Minimal real-HTTP client for the emulator tests (JDK HttpClient over loopback). */
final class SfHttp {
  static final String V = "/services/data/v62.0";

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final EmulatorServer server;
  private String token;

  SfHttp(EmulatorServer server) {
    this.server = server;
  }

  /** Logs in with the refresh token flow and keeps the access token. */
  SfHttp login() {
    HttpResponse<String> response = form("/services/oauth2/token", Map.of("grant_type", "refresh_token",
        "client_id", SalesforceSettings.DEFAULT_CLIENT_ID, "client_secret", SalesforceSettings.DEFAULT_CLIENT_SECRET,
        "refresh_token", SalesforceSettings.DEFAULT_REFRESH_TOKEN));
    if (response.statusCode() != 200) {
      fail("login failed: " + response.body());
    }
    token = Json.parse(response.body().getBytes(StandardCharsets.UTF_8)).get("access_token").asText();
    return this;
  }

  SfHttp token(String value) {
    token = value;
    return this;
  }

  HttpResponse<String> form(String path, Map<String, String> params) {
    String body = params.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> get(String path) {
    return send(authed(path).GET());
  }

  HttpResponse<String> json(String method, String path, Object body) {
    String text = body instanceof String s ? s : new String(Json.bytes(body), StandardCharsets.UTF_8);
    return send(authed(path).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(text)));
  }

  HttpResponse<String> csv(String path, String csv) {
    return send(authed(path).header("Content-Type", "text/csv")
        .PUT(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
  }

  HttpResponse<String> delete(String path) {
    return send(authed(path).DELETE());
  }

  static JsonNode body(HttpResponse<String> response) {
    return Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
  }

  /** Polls the job until {@code condition} holds (bounded wait; fails the test on timeout). */
  JsonNode awaitJob(String jobId, Predicate<JsonNode> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = body(get(V + "/jobs/ingest/" + jobId));
      if (condition.test(last)) {
        return last;
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    return fail("job never reached the expected condition; last: " + last);
  }

  /** Waits (bounded) until {@code condition} holds; fails the test on timeout. */
  static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("condition not reached within 15 s");
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }

  private HttpRequest.Builder authed(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private URI uri(String path) {
    return URI.create(server.url(path));
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      return client.send(builder.timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
