package io.activationsuite.destination.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.http.BaseUrls;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The connector-specific part of a (schema-valid) config, parsed once: credentials, the Web API URL, the
 * default channel, the per-stream message settings and the pace the connector keeps.
 *
 * @param channelMessagesPerSecond messages per second per channel (Slack: about 1)
 * @param workspaceMessagesPerMinute messages per minute for the whole workspace
 */
public record SlackConfig(SlackCredentials credentials, HttpUrl apiUrl, String defaultChannel,
    List<MessageSettings> messages, double channelMessagesPerSecond, int workspaceMessagesPerMinute) {

  /** Slack's Web API. */
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  public SlackConfig {
    messages = List.copyOf(messages);
  }

  /** Reads the config; what cannot work is a config error naming the field. */
  public static SlackConfig from(JsonNode config) {
    List<MessageSettings> messages = new ArrayList<>();
    Set<String> streams = new HashSet<>();
    int index = 0;
    for (JsonNode item : config.path("messages")) {
      MessageSettings settings = settings(item, ++index);
      if (!streams.add(settings.sourceStream())) {
        throw new ConfigErrorException("messages entry " + index + " is the second one for stream '"
            + settings.sourceStream() + "'; keep one entry per stream.");
      }
      messages.add(settings);
    }
    double perSecond = config.path("channel_messages_per_second").asDouble(1.0);
    int perMinute = config.path("workspace_messages_per_minute").asInt(1_000);
    if (perSecond <= 0 || perMinute <= 0) {
      throw new ConfigErrorException("channel_messages_per_second and workspace_messages_per_minute must be positive");
    }
    String url = config.path("api_url").asText(DEFAULT_API_URL);
    return new SlackConfig(credentials(config.path("credentials")),
        BaseUrls.require("api_url", url.endsWith("/") ? url : url + "/"), text(config, "default_channel"),
        messages, perSecond, perMinute);
  }

  /** The settings of a stream, or the defaults. */
  public MessageSettings settingsOf(String stream) {
    return messages.stream().filter(m -> m.sourceStream().equals(stream)).findFirst()
        .orElseGet(() -> MessageSettings.defaults(stream));
  }

  /** The channel rows of these settings go to when they carry none. */
  public Optional<String> channelOf(MessageSettings settings) {
    return Optional.ofNullable(settings.channel() != null ? settings.channel() : defaultChannel);
  }

  private static SlackCredentials credentials(JsonNode node) {
    String type = node.path("auth_type").asText("");
    return switch (type) {
      case "bot_token" -> new SlackCredentials.BotToken(required(node, "bot_token"));
      case "oauth2_rotating" -> new SlackCredentials.RotatingToken(required(node, "client_id"),
          required(node, "client_secret"), required(node, "refresh_token"));
      default -> throw new ConfigErrorException(
          "credentials.auth_type must be \"bot_token\" or \"oauth2_rotating\", got \"" + type + "\"");
    };
  }

  private static MessageSettings settings(JsonNode item, int index) {
    String stream = text(item, "source_stream");
    if (stream == null) {
      throw new ConfigErrorException("messages entry " + index + " has no source_stream.");
    }
    int rows = item.path("digest_max_rows").asInt(MessageSettings.DEFAULT_DIGEST_ROWS);
    if (rows < 1 || rows > MessageSettings.MAX_DIGEST_ROWS) {
      throw new ConfigErrorException("messages entry " + index + " (stream '" + stream + "'): digest_max_rows must"
          + " be between 1 and " + MessageSettings.MAX_DIGEST_ROWS + ".");
    }
    MessageSettings d = MessageSettings.defaults(stream);
    return new MessageSettings(stream, text(item, "channel"), text(item, "channel_field"),
        Optional.ofNullable(text(item, "user_email_field")).orElse(d.userEmailField()), text(item, "text_template"),
        text(item, "blocks_template"), rows, Optional.ofNullable(text(item, "digest_header")).orElse(d.digestHeader()),
        text(item, "digest_footer"), text(item, "thread_ts_field"), item.path("unfurl_links").asBoolean(false));
  }

  private static String required(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null) {
      throw new ConfigErrorException("credentials." + field + " is required");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
  }
}
