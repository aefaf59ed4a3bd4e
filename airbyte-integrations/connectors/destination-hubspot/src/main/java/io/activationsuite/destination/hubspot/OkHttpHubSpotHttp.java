package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.activationsuite.protocol.errors.TransientErrorException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link HubSpotHttp} over OkHttp: bearer auth with OAuth renewal on 401, pacing through the shared
 * {@link RequestBudget}, waiting out 429s (Retry-After, else one interval), retries with exponential
 * backoff for 5xx, 423, 477 and I/O errors, and the daily limit (429 policy DAILY) as a clean stop.
 * Nothing it logs or throws contains a token.
 */
public final class OkHttpHubSpotHttp implements HubSpotHttp {

  private static final Logger LOG = LoggerFactory.getLogger(OkHttpHubSpotHttp.class);
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient client;
  private final String baseUrl;
  private final AccessTokens tokens;
  private final RequestBudget budget;
  private final ObjectMapper mapper;
  private final RetryPolicy retry;

  /** Retry settings: attempts for failures (not 429s), first backoff, and the most 429s in a row. */
  public record RetryPolicy(int maxAttempts, long firstBackoffMillis, int max429InARow) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, 500, 60);
  }

  public OkHttpHubSpotHttp(OkHttpClient client, HttpUrl baseUrl, AccessTokens tokens, RequestBudget budget,
      ObjectMapper mapper, RetryPolicy retry) {
    this.client = client;
    String text = baseUrl.toString();
    this.baseUrl = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.tokens = tokens;
    this.budget = budget;
    this.mapper = mapper;
    this.retry = retry;
  }

  @Override
  public HubSpotResponse get(String path) throws IOException {
    return execute("GET", path, null);
  }

  @Override
  public HubSpotResponse post(String path, JsonNode body) throws IOException {
    return execute("POST", path, mapper.writeValueAsBytes(body));
  }

  @Override
  public String accessToken() throws IOException {
    return tokens.current();
  }

  private HubSpotResponse execute(String method, String path, byte[] body) throws IOException {
    HttpUrl url = HttpUrl.get(baseUrl + path);
    int failures = 0;
    int throttled = 0;
    boolean renewed = false;
    while (true) {
      String token = tokens.current();
      Request.Builder request = new Request.Builder().url(url).header("Authorization", "Bearer " + token);
      request.method(method, body == null ? null : RequestBody.create(body, JSON));
      RequestBudget.Slot slot = acquire();
      HubSpotResponse answer;
      try (Response response = client.newCall(request.build()).execute()) {
        observe(response);
        answer = new HubSpotResponse(response.code(), parse(response.body()));
        if (response.code() == 429) {
          throttled++;
          handleThrottle(response, answer, throttled, path);
          continue;
        }
        if (response.code() == 401 && !renewed && tokens.renewAfterRejection(token)) {
          renewed = true;
          continue;
        }
        if (!retryable(response.code())) {
          return answer;
        }
        failures++;
        if (failures >= retry.maxAttempts()) {
          throw new TransientErrorException("HubSpot kept failing on " + method + " " + url.encodedPath()
              + " (HTTP " + response.code() + " after " + failures + " attempts): " + answer.message());
        }
        LOG.warn("HubSpot answered HTTP {} on {} {}; retrying", response.code(), method, url.encodedPath());
      } catch (IOException e) {
        failures = ioFailure(e, ++failures, method, url);
      } finally {
        budget.release(slot);
      }
      backoff(failures);
    }
  }

  private int ioFailure(IOException e, int failures, String method, HttpUrl url) throws IOException {
    if (failures >= retry.maxAttempts()) {
      throw new TransientErrorException("Could not reach HubSpot for " + method + " " + url.encodedPath()
          + " after " + failures + " attempts: " + e.getClass().getSimpleName(), e);
    }
    LOG.warn("I/O error calling HubSpot {} {} ({}); retrying", method, url.encodedPath(), e.getClass().getSimpleName());
    return failures;
  }

  private void handleThrottle(Response response, HubSpotResponse answer, int throttled, String path) {
    String policy = answer.body().path("policyName").asText("").toUpperCase(Locale.ROOT);
    if (policy.contains("DAILY")) {
      throw new TransientErrorException("HubSpot's daily API limit for this account is exhausted ("
          + answer.message() + "). It resets at midnight in the HubSpot account's time zone; the next sync"
          + " resumes from the last checkpoint.");
    }
    if (throttled > retry.max429InARow()) {
      throw new TransientErrorException("HubSpot kept answering 429 (rate limited) on " + path + " after "
          + throttled + " tries: " + answer.message());
    }
    long waitMillis = retryAfterMillis(response.header("Retry-After"));
    budget.pauseFor(waitMillis > 0 ? waitMillis : Math.min(budget.intervalMillis(), 1000L * throttled));
    LOG.info("HubSpot rate limit hit ({}); pausing", policy.isEmpty() ? "429" : policy);
  }

  private static long retryAfterMillis(String header) {
    if (header == null) {
      return 0;
    }
    try {
      return (long) (Double.parseDouble(header.trim()) * 1000);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void observe(Response response) {
    budget.observe(intHeader(response, "X-HubSpot-RateLimit-Max"),
        longHeader(response, "X-HubSpot-RateLimit-Interval-Milliseconds"),
        intHeader(response, "X-HubSpot-RateLimit-Remaining"));
  }

  private static Integer intHeader(Response response, String name) {
    Long value = longHeader(response, name);
    return value == null ? null : (int) Math.min(Integer.MAX_VALUE, value);
  }

  private static Long longHeader(Response response, String name) {
    String value = response.header(name);
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean retryable(int status) {
    return status == 423 || status == 477 || status >= 500;
  }

  private RequestBudget.Slot acquire() throws IOException {
    try {
      return budget.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the HubSpot rate limit");
    }
  }

  private void backoff(int failures) throws IOException {
    if (failures == 0) {
      return;
    }
    long millis = retry.firstBackoffMillis() << Math.min(failures - 1, 6);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while backing off");
    }
  }

  private JsonNode parse(ResponseBody body) throws IOException {
    if (body == null) {
      return MissingNode.getInstance();
    }
    String text = body.string();
    if (text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return mapper.readTree(text);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
