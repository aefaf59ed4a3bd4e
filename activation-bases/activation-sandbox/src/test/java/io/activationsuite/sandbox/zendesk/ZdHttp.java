package io.activationsuite.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Test helper: calls the Zendesk emulator over loopback HTTP with API-token or bearer auth. */
final class ZdHttp {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final EmulatorServer server;
  private final String authorization;

  private ZdHttp(EmulatorServer server, String authorization) {
    this.server = server;
    this.authorization = authorization;
  }

  /** API-token (Basic) auth with the sandbox admin. */
  static ZdHttp apiToken(EmulatorServer server) {
    ZendeskSettings s = ZendeskSettings.defaults();
    String basic = Base64.getEncoder().encodeToString((s.email() + "/token:" + s.apiToken())
        .getBytes(StandardCharsets.UTF_8));
    return new ZdHttp(server, "Basic " + basic);
  }

  static ZdHttp bearer(EmulatorServer server, String token) {
    return new ZdHttp(server, token == null ? null : "Bearer " + token);
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null);
  }

  HttpResponse<String> post(String path, String json) {
    return send("POST", path, json);
  }

  HttpResponse<String> put(String path, String json) {
    return send("PUT", path, json);
  }

  HttpResponse<String> delete(String path) {
    return send("DELETE", path, null);
  }

  /** POSTs to {@code /oauth/tokens} with a JSON body (no auth). */
  static HttpResponse<String> token(EmulatorServer server, String json) {
    return new ZdHttp(server, null).post("/oauth/tokens", json);
  }

  /** Submits a job and polls its status until it is completed or failed. */
  JsonNode runJob(String method, String path, String json) {
    HttpResponse<String> submitted = send(method, path, json);
    if (submitted.statusCode() != 200) {
      throw new AssertionError("job not accepted: " + submitted.statusCode() + " " + submitted.body());
    }
    return awaitJob(json(submitted).path("job_status").path("id").asText());
  }

  /** Polls {@code job_statuses/{id}} until it finished. */
  JsonNode awaitJob(String id) {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      JsonNode status = json(get("/api/v2/job_statuses/" + id + ".json")).path("job_status");
      String state = status.path("status").asText();
      if (state.equals("completed") || state.equals("failed")) {
        return status;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("job " + id + " did not finish");
  }

  static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(String method, String path, String json) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(20))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    try {
      return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
