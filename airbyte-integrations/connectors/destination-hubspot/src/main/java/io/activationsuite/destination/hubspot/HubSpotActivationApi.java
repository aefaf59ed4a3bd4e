package io.activationsuite.destination.hubspot;

import io.activationsuite.sink.api.ActivationApi;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.SessionServices;
import jakarta.inject.Singleton;

/**
 * The HubSpot connector: its config record, and sessions that check tokens and scopes, discover CRM
 * objects and write them with the CRM v3 batch APIs. The engine turns it into an Airbyte destination.
 */
@Singleton
public final class HubSpotActivationApi implements ActivationApi<HubSpotConfig> {

  @Override
  public String name() {
    return "hubspot";
  }

  @Override
  public String documentationUrl() {
    return "https://github.com/activationsuite/activation-suite/blob/main/docs/integrations/destinations/hubspot.md";
  }

  @Override
  public Class<HubSpotConfig> configType() {
    return HubSpotConfig.class;
  }

  @Override
  public ApiSession open(HubSpotConfig config, SessionServices services) {
    HubSpotHttp http = HubSpotApiClients.create(config, services.clock(), services.concurrency(),
        services::persistRefreshToken);
    return new HubSpotSession(http, config.credentials());
  }
}
