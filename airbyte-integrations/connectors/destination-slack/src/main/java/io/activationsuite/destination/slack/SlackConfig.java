package io.activationsuite.destination.slack;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.config.SpecField;
import io.activationsuite.sink.config.SpecGroup;
import io.activationsuite.sink.http.BaseUrls;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The Slack connector's own config, from which its spec is generated: credentials, the default channel,
 * the per-stream message settings, the pace the connector keeps and the hidden Web API URL.
 *
 * @param channelMessagesPerSecond messages per second per channel (Slack: about 1)
 * @param workspaceMessagesPerMinute messages per minute for the whole workspace
 * @param apiUrl the Web API URL prefix, ending with {@code /}
 */
@SpecGroup(id = "advanced", title = "Advanced")
public record SlackConfig(
    @JsonProperty(value = "credentials", required = true)
    @SpecField(title = "Authentication", order = 0,
        description = "A Slack app's bot token, or the app's client and refresh token when token rotation is on.")
    SlackCredentials credentials,
    @JsonProperty("default_channel")
    @SpecField(title = "Default channel", order = 1, examples = {"#finance-alerts", "C0123456"},
        description = "Channel (#name or ID such as C0123456) for streams whose message settings name none.")
    String defaultChannel,
    @JsonProperty("messages")
    @SpecField(title = "Message settings", order = 2, defaultValue = "[]",
        description = "Per source stream: where its rows go and what the messages say (Mustache templates over the"
            + " row's fields).")
    List<MessageSettings> messages,
    @JsonProperty("channel_messages_per_second")
    @SpecField(title = "Messages per second per channel", order = 3, group = "advanced", defaultValue = "1.0",
        exclusiveMinimum = 0, description = "Slack allows about 1 message per second per channel; the connector"
            + " keeps to this pace.")
    Double channelMessagesPerSecond,
    @JsonProperty("workspace_messages_per_minute")
    @SpecField(title = "Messages per minute per workspace", order = 4, group = "advanced", defaultValue = "1000",
        minimum = 1, description = "A cap over all channels (Slack also limits a workspace, without publishing the"
            + " figure).")
    Integer workspaceMessagesPerMinute,
    @JsonProperty("api_url")
    @SpecField(title = "Web API URL", order = 5, hidden = true, defaultValue = SlackConfig.DEFAULT_API_URL,
        description = "Slack Web API URL prefix. Only change it to test against an emulator.")
    String apiUrl) {

  /** Slack's Web API. */
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  /** Checks what the schema cannot: one settings entry per stream, a positive pace, an https API URL. */
  public SlackConfig {
    if (credentials == null) {
      throw new ConfigErrorException("credentials is required.");
    }
    defaultChannel = MessageSettings.blankToNull(defaultChannel);
    messages = messages == null ? List.of() : List.copyOf(messages);
    Set<String> streams = new HashSet<>();
    for (MessageSettings settings : messages) {
      if (!streams.add(settings.sourceStream())) {
        throw new ConfigErrorException("messages has two entries for stream '" + settings.sourceStream()
            + "'; keep one entry per stream.");
      }
    }
    channelMessagesPerSecond = channelMessagesPerSecond == null ? 1.0 : channelMessagesPerSecond;
    workspaceMessagesPerMinute = workspaceMessagesPerMinute == null ? 1_000 : workspaceMessagesPerMinute;
    if (channelMessagesPerSecond <= 0 || workspaceMessagesPerMinute <= 0) {
      throw new ConfigErrorException("channel_messages_per_second and workspace_messages_per_minute must be positive");
    }
    apiUrl = BaseUrls.require("api_url", apiUrl == null ? DEFAULT_API_URL : apiUrl).toString();
  }

  /** {@link #apiUrl()} as a URL. */
  public HttpUrl apiBase() {
    return HttpUrl.get(apiUrl);
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
}
