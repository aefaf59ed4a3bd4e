package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.ActivationApi;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.SessionServices;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The HubSpot connector: spec properties, and sessions that check tokens and scopes, discover CRM
 * objects and write them with the CRM v3 batch APIs. The engine turns it into an Airbyte destination.
 */
@Singleton
public final class HubSpotActivationApi implements ActivationApi {

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
    HubSpotHttp http = HubSpotApiClients.create(parsed, services.clock(), services.concurrency(),
        rotated -> services.configUpdater().accept(withRefreshToken(config, rotated)));
    return new HubSpotSession(http, parsed.credentials());
  }

  static ObjectNode withRefreshToken(JsonNode config, String refreshToken) {
    ObjectNode copy = config.deepCopy();
    ((ObjectNode) copy.get("credentials")).put("refresh_token", refreshToken);
    return copy;
  }
}
