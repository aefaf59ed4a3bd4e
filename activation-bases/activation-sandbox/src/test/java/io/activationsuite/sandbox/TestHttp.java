package io.activationsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Minimal JDK HttpClient wrapper for the sandbox's own tests (real HTTP over loopback). */
public final class TestHttp {

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private TestHttp() {
  }

  public static HttpResponse<String> get(String url, String token) {
    return send(builder(url, token).GET().build());
  }

  public static HttpResponse<String> post(String url, String token, String json) {
    return send(builder(url, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public static HttpResponse<String> put(String url, String json) {
    return send(builder(url, null).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public static HttpResponse<String> form(String url, String form) {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  /** Sends and lets IOExceptions through, for fault tests. */
  public static HttpResponse<String> sendRaw(HttpRequest request) throws IOException, InterruptedException {
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public static HttpRequest.Builder builder(String url, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  public static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return sendRaw(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
