package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.ActivationApi;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.SessionServices;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The HubSpot connector: spec properties, and sessions that check tokens and scopes, discover CRM
 * objects and write them with the CRM v3 batch APIs. The engine turns it into an Airbyte destination.
 */
@Singleton
public final class HubSpotActivationApi implements ActivationApi {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String name() {
    return "hubspot";
  }

  @Override
  public String documentationUrl() {
    return "https://docs.airbyte.com/integrations/destinations/hubspot";
  }

  @Override
  public ObjectNode specProperties() {
    return HubSpotSpec.properties();
  }

  @Override
  public List<String> requiredProperties() {
    return HubSpotSpec.required();
  }

  @Override
  public ApiSession open(JsonNode config, SessionServices services) {
    HubSpotConfig parsed = HubSpotConfig.from(config);
    OkHttpClient client = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(15))
        .readTimeout(Duration.ofSeconds(120))
        .writeTimeout(Duration.ofSeconds(60))
        .retryOnConnectionFailure(true)
        .build();
    HttpUrl baseUrl = HttpUrl.get(parsed.baseUrl().toString());
    AccessTokens tokens = switch (parsed.credentials()) {
      case HubSpotCredentials.PrivateApp p -> AccessTokens.fixed(p.accessToken());
      case HubSpotCredentials.OAuth o -> new OAuthAccessTokens(client, baseUrl, o, MAPPER,
          services.clock()::millis, rotated -> services.configUpdater().accept(withRefreshToken(config, rotated)));
    };
    RequestBudget budget = new RequestBudget(parsed.tier().requestsPerTenSeconds(), Duration.ofSeconds(10),
        parsed.dailyRequestBudget(), services.clock()::millis);
    HubSpotHttp http = new OkHttpHubSpotHttp(client, baseUrl, tokens, budget, MAPPER,
        OkHttpHubSpotHttp.RetryPolicy.DEFAULT);
    return new HubSpotSession(http, parsed.credentials());
  }

  static ObjectNode withRefreshToken(JsonNode config, String refreshToken) {
    ObjectNode copy = config.deepCopy();
    ((ObjectNode) copy.get("credentials")).put("refresh_token", refreshToken);
    return copy;
  }
}
