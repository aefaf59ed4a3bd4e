package io.activationsuite.destination.slack;

import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.ObjectOperation;
import io.activationsuite.sink.api.OpenFields;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.StreamPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Slack session: the token check, the three message objects (their fields are the variables the
 * configured templates use, plus the channel, thread and email fields the settings name) and their writers.
 */
final class SlackSession implements ApiSession {

  private final SlackConfig config;
  private final SlackApi api;
  private final SlackDirectory directory;

  SlackSession(SlackConfig config, SlackApi api) {
    this.config = config;
    this.api = api;
    this.directory = new SlackDirectory(api);
  }

  @Override
  public AirbyteConnectionStatus check(Set<String> objectNames) throws Exception {
    try {
      Set<String> granted = api.grantedScopes();
      Set<String> needed = new TreeSet<>(Set.of("chat:write", "channels:read"));
      if (objectNames.contains(MessageKind.DIRECT_MESSAGES.objectName)) {
        needed.addAll(Set.of("users:read.email", "im:write"));
      }
      needed.removeIf(scope -> granted.isEmpty() || granted.contains(scope));
      if (!needed.isEmpty()) {
        return AirbyteConnectionStatus.failed("The Slack app lacks the scopes " + String.join(", ", needed)
            + " (granted: " + String.join(", ", new TreeSet<>(granted)) + "). Add them under OAuth & Permissions >"
            + " Scopes and reinstall the app to the workspace.");
      }
      for (MessageSettings settings : config.messages()) {
        new MessageTemplates(settings);
        if (config.channelOf(settings).isPresent()) {
          SlackDirectory.Target target = directory.channel(config.channelOf(settings).get());
          if (target.problem() != null) {
            return AirbyteConnectionStatus.failed("Stream '" + settings.sourceStream() + "': " + target.problem());
          }
        }
      }
      if (objectNames.contains(MessageKind.DIRECT_MESSAGES.objectName)) {
        directory.directMessage("activation-suite-check@invalid.example");
      }
    } catch (ConfigErrorException e) {
      return AirbyteConnectionStatus.failed(e.userMessage());
    }
    return AirbyteConnectionStatus.succeeded();
  }

  /**
   * The three objects: every column of a row is a template variable ({@link OpenFields}: columns need no
   * declaring); the channel, thread and email fields the settings name are listed, emails typed as such.
   */
  @Override
  public List<DestinationObject> objects() {
    Map<String, DestinationField> fields = new LinkedHashMap<>();
    fields.put("channel", DestinationField.of("channel", FieldType.STRING));
    for (MessageSettings settings : config.messages()) {
      for (String field : new String[] {settings.channelField(), settings.threadTsField()}) {
        if (field != null) {
          fields.putIfAbsent(field, DestinationField.of(field, FieldType.STRING));
        }
      }
      fields.put(settings.userEmailField(), DestinationField.of(settings.userEmailField(), FieldType.EMAIL));
    }
    fields.putIfAbsent("email", DestinationField.of("email", FieldType.EMAIL));
    List<DestinationObject> objects = new ArrayList<>();
    for (MessageKind kind : MessageKind.values()) {
      ObjectOperation insert = new ObjectOperation(Operation.INSERT, List.of(), fields.keySet(), Set.of());
      objects.add(new DestinationObject(kind.objectName, kind.label, List.copyOf(fields.values()), List.of(insert),
          OpenFields.anyJson()));
    }
    return objects;
  }

  @Override
  public BatchWriter writer(StreamPlan plan) throws Exception {
    MessageKind kind = MessageKind.of(plan.object().name()).orElseThrow(() -> new ConfigErrorException(
        "Slack has no object " + plan.object().name() + "; use channel_messages, channel_digest or direct_messages."));
    MessageSettings settings = config.settingsOf(plan.stream().name());
    RowMessages rows = new RowMessages(kind, settings, new MessageTemplates(settings), directory, api,
        config.channelOf(settings).orElse(null));
    return kind == MessageKind.CHANNEL_DIGEST ? new DigestWriter(rows) : new MessageWriter(rows);
  }

  @Override
  public void close() {
    api.close();
  }
}
