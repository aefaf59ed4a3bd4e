package io.activationsuite.destination.slack;

import io.activationsuite.sink.api.ActivationApi;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.SessionServices;
import jakarta.inject.Singleton;

/**
 * The Slack connector: templated messages, digests and direct messages from warehouse rows, posted with
 * chat.postMessage at Slack's pace. The engine turns it into an Airbyte destination.
 */
@Singleton
public final class SlackActivationApi implements ActivationApi<SlackConfig> {

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public String documentationUrl() {
    return "https://github.com/activationsuite/activation-suite/blob/main/docs/integrations/destinations/slack.md";
  }

  @Override
  public Class<SlackConfig> configType() {
    return SlackConfig.class;
  }

  @Override
  public ApiSession open(SlackConfig config, SessionServices services) {
    SlackApi api = new SlackApi(config, services.clock(), services.concurrency(), services::persistRefreshToken);
    return new SlackSession(config, api);
  }
}
