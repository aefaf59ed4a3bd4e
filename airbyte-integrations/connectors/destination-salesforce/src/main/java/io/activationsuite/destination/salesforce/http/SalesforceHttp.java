package io.activationsuite.destination.salesforce.http;

import io.activationsuite.destination.salesforce.auth.AccessToken;
import io.activationsuite.destination.salesforce.auth.TokenManager;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authenticated transport to one org's REST and Bulk API: builds {@code /services/data/vXX.X/}
 * URLs on the instance URL, and handles what every call shares. An expired session
 * ({@code 401 INVALID_SESSION_ID}) refreshes the token once (single-flight) and retries; the daily
 * limit ({@code 403 REQUEST_LIMIT_EXCEEDED}) ends the sync with {@link QuotaExhaustedException}; the
 * concurrent-request limit, 5xx answers and network errors are retried with exponential backoff; every
 * {@code Sforce-Limit-Info} header feeds the {@link ApiUsageMonitor}. Other answers go back to the
 * caller.
 */
public final class SalesforceHttp {
  /** JSON request bodies. */
  public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /** Bulk CSV uploads. */
  public static final MediaType CSV = MediaType.get("text/csv; charset=utf-8");
  private static final Logger LOG = LoggerFactory.getLogger(SalesforceHttp.class);
  private final OkHttpClient client;
  private final TokenManager tokens;
  private final String apiVersion;
  private final ApiUsageMonitor usage;
  private final Sleeper sleeper;
  private final int maxAttempts;
  private final Duration firstBackoff;

  public SalesforceHttp(OkHttpClient client, TokenManager tokens, String apiVersion, ApiUsageMonitor usage,
      Sleeper sleeper, int maxAttempts, Duration firstBackoff) {
    this.client = client;
    this.tokens = tokens;
    this.apiVersion = apiVersion;
    this.usage = usage;
    this.sleeper = sleeper;
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
  }

  /** The API version calls are made with, e.g. {@code 64.0}. */
  public String apiVersion() {
    return apiVersion;
  }

  /** The usage monitor fed by every answer. */
  public ApiUsageMonitor usage() {
    return usage;
  }

  /** GET of a path relative to {@code /services/data/vXX.X/}. */
  public ApiResponse get(String path) {
    return send("GET", path, null);
  }

  /** Sends one call (path relative to {@code /services/data/vXX.X/}; body null for GET/DELETE). */
  public ApiResponse send(String method, String path, RequestBody body) {
    AccessToken token = tokens.current();
    boolean refreshed = false;
    int attempt = 0;
    while (true) {
      attempt++;
      Request request = new Request.Builder()
          .url(token.instanceUrl() + "/services/data/v" + apiVersion + "/" + path)
          .header("Authorization", "Bearer " + token.value())
          .header("Accept", "application/json")
          .method(method, body)
          .build();
      int status;
      String text;
      try (Response response = client.newCall(request).execute()) {
        usage.observe(response.header("Sforce-Limit-Info"));
        ResponseBody responseBody = response.body();
        status = response.code();
        text = responseBody == null ? "" : responseBody.string();
      } catch (InterruptedIOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new TransientErrorException("Interrupted while calling Salesforce", e);
        }
        backoffOrThrow(attempt, method + " " + path + " timed out", e);
        continue;
      } catch (IOException e) {
        backoffOrThrow(attempt, method + " " + path + " failed: " + e.getClass().getSimpleName(), e);
        continue;
      }
      ApiResponse response = new ApiResponse(status, text);
      if (status == 401) {
        if (refreshed) {
          throw new ConfigErrorException("Salesforce refused a freshly issued access token ("
              + response.describe() + "): check the user's permissions and the app's OAuth scopes (api).");
        }
        LOG.info("Salesforce session expired; refreshing the access token");
        token = tokens.refresh(token);
        refreshed = true;
        attempt--;
        continue;
      }
      if (status == 403 && hasCode(response, "REQUEST_LIMIT_EXCEEDED")) {
        String message = response.errors().get(0).message();
        if (message.contains("ConcurrentRequests") || message.contains("Concurrent")) {
          backoffOrThrow(attempt, "concurrent request limit: " + message, null);
          continue;
        }
        throw new QuotaExhaustedException("The Salesforce org has used its daily API request allocation ("
            + message + "). The sync stopped cleanly; the next sync resumes from the last checkpoint once "
            + "the rolling 24-hour window frees requests.");
      }
      if (status >= 500 || status == 429) {
        backoffOrThrow(attempt, response.describe(), null);
        continue;
      }
      return response;
    }
  }

  private void backoffOrThrow(int attempt, String what, Throwable cause) {
    if (attempt >= maxAttempts) {
      throw new TransientErrorException("Salesforce kept failing after " + attempt + " attempts: " + what, cause);
    }
    long millis = firstBackoff.toMillis() * (1L << Math.min(attempt - 1, 10));
    Duration wait = Duration.ofMillis(Math.min(millis, 60_000));
    LOG.warn("Salesforce call failed ({}); retry {} of {} in {} ms", what, attempt, maxAttempts - 1,
        wait.toMillis());
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientErrorException("Interrupted while waiting to retry a Salesforce call", e);
    }
  }

  private static boolean hasCode(ApiResponse response, String code) {
    List<ApiError> errors = response.errors();
    return !errors.isEmpty() && errors.get(0).code().equals(code);
  }
}
