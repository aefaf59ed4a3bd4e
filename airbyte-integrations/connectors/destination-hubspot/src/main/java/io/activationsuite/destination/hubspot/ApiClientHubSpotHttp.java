package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.http.ApiClient;
import io.activationsuite.sink.http.ApiResponse;
import io.activationsuite.sink.http.ApiResponseException;
import io.activationsuite.sink.http.Idempotency;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * {@link HubSpotHttp} on the shared {@link ApiClient}, which does auth, pacing and retries; this class
 * only speaks JSON and HubSpot paths.
 */
public final class ApiClientHubSpotHttp implements HubSpotHttp {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final MediaType JSON = MediaType.get("application/json");

  private final ApiClient client;
  private final String baseUrl;
  private final TokenSupplier tokens;

  /** Supplies the current access token (for introspection). */
  @FunctionalInterface
  public interface TokenSupplier {
    String get() throws InterruptedException;
  }

  public ApiClientHubSpotHttp(ApiClient client, HttpUrl baseUrl, TokenSupplier tokens) {
    this.client = client;
    String text = baseUrl.toString();
    this.baseUrl = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.tokens = tokens;
  }

  /** The shared client (its limiter and metrics). */
  public ApiClient client() {
    return client;
  }

  @Override
  public HubSpotResponse get(String path) throws IOException {
    return execute(new Request.Builder().url(baseUrl + path).get().build(), Idempotency.IDEMPOTENT);
  }

  @Override
  public HubSpotResponse post(String path, JsonNode body, Idempotency idempotency) throws IOException {
    RequestBody payload = RequestBody.create(wire(body), JSON);
    return execute(new Request.Builder().url(baseUrl + path).post(payload).build(), idempotency);
  }

  /**
   * A {@code POST path} with {@code body} exactly as {@link #post} would send it, for a preview; the token
   * travels in a header, never in the body.
   */
  public static PlannedRequest planned(String path, JsonNode body) {
    try {
      return new PlannedRequest("POST", path, JSON.toString(), new String(wire(body), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] wire(JsonNode body) throws IOException {
    return MAPPER.writeValueAsBytes(body);
  }

  @Override
  public String accessToken() throws IOException {
    try {
      return tokens.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while getting a HubSpot access token");
    }
  }

  private HubSpotResponse execute(Request request, Idempotency idempotency) throws IOException {
    ApiResponse response;
    try {
      response = client.execute(request, idempotency);
    } catch (ApiResponseException e) {
      // a final refusal (e.g. 401 with a token that cannot be renewed): the caller words it for the user
      response = e.response();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while calling HubSpot");
    }
    return new HubSpotResponse(response.status(), parse(response.body()));
  }

  private static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
