package io.activationsuite.destination.salesforce.http;

import io.activationsuite.destination.salesforce.auth.SalesforceOAuth;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.sink.http.ApiClient;
import io.activationsuite.sink.http.ApiResponse;
import io.activationsuite.sink.http.Idempotency;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * One org's REST and Bulk API: builds {@code {instance_url}/services/data/vXX.X/...} URLs and sends
 * them through the shared {@link ApiClient}, which holds the OAuth, rate-limit, retry and
 * {@link SalesforceRules} logic. Answers come back accepted (2xx, or a 4xx for the caller to read);
 * anything else is an exception of the shared layer.
 */
public final class SalesforceRest {
  /** JSON request bodies. */
  public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /** Bulk CSV uploads. */
  public static final MediaType CSV = MediaType.get("text/csv; charset=utf-8");
  private final ApiClient client;
  private final SalesforceOAuth oauth;
  private final String apiVersion;

  public SalesforceRest(ApiClient client, SalesforceOAuth oauth, String apiVersion) {
    this.client = client;
    this.oauth = oauth;
    this.apiVersion = apiVersion;
  }

  /** The API version calls are made with, e.g. {@code 64.0}. */
  public String apiVersion() {
    return apiVersion;
  }

  /** The request path of {@code relative}: {@code /services/data/vXX.X/relative}. */
  public String path(String relative) {
    return "/services/data/v" + apiVersion + "/" + relative;
  }

  /** GET of a path relative to {@code /services/data/vXX.X/}. */
  public ApiResponse get(String path) {
    return send("GET", path, null);
  }

  /**
   * Sends one call (path relative to {@code /services/data/vXX.X/}; body null for GET/DELETE), resent after a
   * failure only as its HTTP method allows (POST and PATCH are not resent once they may have arrived).
   */
  public ApiResponse send(String method, String path, RequestBody body) {
    return send(method, path, body, Idempotency.ofMethod(method));
  }

  /**
   * {@link #send(String, String, RequestBody)} for a call that is or is not safe to resend; one that is not
   * and may have reached Salesforce ends in a {@code DeliveryUncertainException}.
   */
  public ApiResponse send(String method, String path, RequestBody body, Idempotency idempotency) {
    try {
      Request request = new Request.Builder()
          .url(oauth.instanceUrl() + path(path))
          .header("Accept", "application/json")
          .method(method, body)
          .build();
      return client.execute(request, idempotency);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientErrorException("Interrupted while calling Salesforce (" + method + " " + path + ")", e);
    }
  }
}
