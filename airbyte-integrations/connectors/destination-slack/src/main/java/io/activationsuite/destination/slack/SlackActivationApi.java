package io.activationsuite.destination.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.ActivationApi;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.HandWrittenSpec;
import io.activationsuite.sink.api.SessionServices;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The Slack connector: templated messages, digests and direct messages from warehouse rows, posted with
 * chat.postMessage at Slack's pace. The engine turns it into an Airbyte destination.
 */
@Singleton
public final class SlackActivationApi implements ActivationApi<JsonNode>, HandWrittenSpec {

  private static final ObjectNode SPEC = load();

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public String documentationUrl() {
    return "https://github.com/activationsuite/activation-suite/blob/main/docs/integrations/destinations/slack.md";
  }

  @Override
  public Class<JsonNode> configType() {
    return JsonNode.class;
  }

  @Override
  public ObjectNode specProperties() {
    return SPEC.deepCopy();
  }

  @Override
  public List<String> requiredProperties() {
    return List.of("credentials");
  }

  @Override
  public ApiSession open(JsonNode config, SessionServices services) {
    SlackConfig parsed = SlackConfig.from(config);
    SlackApi api = new SlackApi(parsed, services.clock(), services.concurrency(), rotated -> {
      ObjectNode copy = config.deepCopy();
      ((ObjectNode) copy.get("credentials")).put("refresh_token", rotated);
      services.configUpdater().accept(copy);
    });
    return new SlackSession(parsed, api);
  }

  private static ObjectNode load() {
    try (InputStream in = SlackActivationApi.class.getResourceAsStream("spec-properties.json")) {
      return (ObjectNode) new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
