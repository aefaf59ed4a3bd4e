package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running emulator as the runner sees it over HTTP, through its {@code /__sandbox/} control endpoint:
 * name, base URL, credentials and instance (for the snapshot), and what landed per object. The same
 * for a one-shot sandbox started by the run and for one that outlives runs ({@code --sandbox-url}).
 *
 * @param instance changes whenever the emulator starts or is reset
 */
public record SandboxEndpoint(String name, String baseUrl, Map<String, String> credentials, String instance) {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Reads {@code url/__sandbox/info}; a {@link UserError} when nothing answers there. */
  public static SandboxEndpoint fetch(String url) {
    String base = url.replaceAll("/+$", "");
    JsonNode info = get(base + "/__sandbox/info", "is a sandbox running at " + base + "? (bin/local-sync sandbox)");
    Map<String, String> credentials = new LinkedHashMap<>();
    info.path("credentials").fields().forEachRemaining(e -> credentials.put(e.getKey(), e.getValue().asText()));
    return new SandboxEndpoint(info.path("name").asText(), info.path("baseUrl").asText(base).replaceAll("/+$", ""),
        credentials, info.path("instance").asText("unknown"));
  }

  /** The placeholders a sync file's config may use: {@code sandbox.base_url} and one per credential. */
  public Map<String, String> placeholders() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("sandbox.base_url", baseUrl);
    credentials.forEach((key, value) -> values.put("sandbox." + key, value));
    return values;
  }

  /** How many records of {@code object} the sandbox holds; -1 when it has no such object. */
  public int landed(String object) {
    JsonNode landed;
    try {
      landed = get(baseUrl + "/__sandbox/objects/" + object, "cannot read the sandbox's " + object);
    } catch (UserError e) {
      return -1;
    }
    int count = 0;
    for (JsonNode record : landed.isArray() ? landed : landed.path("records")) {
      if (!record.path("archived").asBoolean(false) && !record.path("IsDeleted").asBoolean(false)) {
        count++;
      }
    }
    return count;
  }

  /** What the snapshot describes when a run writes to this sandbox. */
  public String target() {
    return "sandbox:" + name + ":" + instance;
  }

  private static JsonNode get(String url, String hint) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new UserError("GET " + url + " answered " + response.statusCode() + ": " + response.body());
      }
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UserError("cannot reach " + url + " (" + e.getMessage() + "): " + hint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while reading " + url, e);
    } catch (IllegalArgumentException e) {
      throw new UserError("not a URL: " + url, e);
    }
  }
}
