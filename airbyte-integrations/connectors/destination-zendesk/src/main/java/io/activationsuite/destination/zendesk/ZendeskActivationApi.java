package io.activationsuite.destination.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.ActivationApi;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.HandWrittenSpec;
import io.activationsuite.sink.api.SessionServices;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * The Zendesk connector: spec properties, and sessions that check credentials and scopes, discover users,
 * organizations, tickets and custom object records with their custom fields, and write them through
 * Zendesk's bulk jobs. The engine turns it into an Airbyte destination.
 */
@Singleton
public final class ZendeskActivationApi implements ActivationApi<JsonNode>, HandWrittenSpec {

  @Override
  public String name() {
    return "zendesk";
  }

  @Override
  public String documentationUrl() {
    return "https://github.com/activationsuite/activation-suite/blob/main/docs/integrations/destinations/zendesk.md";
  }

  @Override
  public Class<JsonNode> configType() {
    return JsonNode.class;
  }

  @Override
  public ObjectNode specProperties() {
    return ZendeskSpec.properties();
  }

  @Override
  public List<String> requiredProperties() {
    return ZendeskSpec.required();
  }

  @Override
  public ApiSession open(JsonNode config, SessionServices services) {
    ZendeskConfig parsed = ZendeskConfig.from(config);
    ZendeskHttp http = new ZendeskHttp(parsed, services.clock(), services.concurrency(),
        rotated -> services.configUpdater().accept(withRefreshToken(config, rotated)));
    long pollMillis = config.path("job_poll_interval_ms").asLong(1_000);
    return new ZendeskSession(http, parsed, Duration.ofMillis(Math.max(10, pollMillis)));
  }

  /** The config with the rotated refresh token, for the CONTROL message that persists it. */
  static ObjectNode withRefreshToken(JsonNode config, String refreshToken) {
    ObjectNode copy = config.deepCopy();
    ((ObjectNode) copy.get("credentials")).put("refresh_token", refreshToken);
    return copy;
  }
}
