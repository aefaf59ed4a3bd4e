package io.activationsuite.destination.zendesk;

import io.activationsuite.sink.api.ActivationApi;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.SessionServices;
import jakarta.inject.Singleton;

/**
 * The Zendesk connector: its config record, and sessions that check credentials and scopes, discover users,
 * organizations, tickets and custom object records with their custom fields, and write them through
 * Zendesk's bulk jobs. The engine turns it into an Airbyte destination.
 */
@Singleton
public final class ZendeskActivationApi implements ActivationApi<ZendeskConfig> {

  @Override
  public String name() {
    return "zendesk";
  }

  @Override
  public String documentationUrl() {
    return "https://github.com/activationsuite/activation-suite/blob/main/docs/integrations/destinations/zendesk.md";
  }

  @Override
  public Class<ZendeskConfig> configType() {
    return ZendeskConfig.class;
  }

  @Override
  public ApiSession open(ZendeskConfig config, SessionServices services) {
    ZendeskHttp http = new ZendeskHttp(config, services.clock(), services.concurrency(),
        services::persistRefreshToken);
    return new ZendeskSession(http, config);
  }
}
