package io.activationsuite.destination.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.ActivationApi;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.HandWrittenSpec;
import io.activationsuite.sink.api.SessionServices;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The Braze connector: user attributes, custom events, purchases, user deletions and subscription group
 * states through Braze's REST API. The engine turns it into an Airbyte destination.
 */
@Singleton
public final class BrazeActivationApi implements ActivationApi<JsonNode>, HandWrittenSpec {

  @Override
  public String name() {
    return "braze";
  }

  @Override
  public String documentationUrl() {
    return "https://github.com/activationsuite/activation-suite/blob/main/docs/integrations/destinations/braze.md";
  }

  @Override
  public Class<JsonNode> configType() {
    return JsonNode.class;
  }

  @Override
  public ObjectNode specProperties() {
    return BrazeSpec.properties();
  }

  @Override
  public List<String> requiredProperties() {
    return BrazeSpec.required();
  }

  @Override
  public ApiSession open(JsonNode config, SessionServices services) {
    BrazeConfig parsed = BrazeConfig.from(config);
    return new BrazeSession(new BrazeHttp(parsed, services.clock(), services.concurrency()));
  }
}
