package io.activationsuite.destination.braze;

import io.activationsuite.sink.api.ActivationApi;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.SessionServices;
import jakarta.inject.Singleton;

/**
 * The Braze connector: user attributes, custom events, purchases, user deletions and subscription group
 * states through Braze's REST API. The engine turns it into an Airbyte destination.
 */
@Singleton
public final class BrazeActivationApi implements ActivationApi<BrazeConfig> {

  @Override
  public String name() {
    return "braze";
  }

  @Override
  public String documentationUrl() {
    return "https://github.com/activationsuite/activation-suite/blob/main/docs/integrations/destinations/braze.md";
  }

  @Override
  public Class<BrazeConfig> configType() {
    return BrazeConfig.class;
  }

  @Override
  public ApiSession open(BrazeConfig config, SessionServices services) {
    return new BrazeSession(new BrazeHttp(config, services.clock(), services.concurrency()));
  }
}
