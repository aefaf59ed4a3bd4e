package io.activationsuite.acceptance.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.SandboxOptions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack: bot token (or rotating OAuth) against the Slack emulator; one message per row in a channel
 * ({@code channel_messages}, append-only: Slack has no idempotency key, so a record written twice is posted
 * twice). Messages are read back from the emulator's inspection, each one's text rendered from
 * {@code {{msg_id}}|{{body}}} and parsed back into those two fields. A text far over Slack's limit is refused
 * ({@code msg_too_long}). Digests ({@code channel_digest}): each row one section block, so 48 rows fill a
 * digest's 50 blocks with its header and footer (the connector keeps a block for the footer even without one).
 * The emulator and the connector are both set to 50 messages/s per channel so the suite does not wait out
 * Slack's real 1/s; 429 + Retry-After is still injected by the throttle tests.
 */
public final class SlackDescriptor implements ConnectorDescriptor {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<Capability> CAPABILITIES = EnumSet.of(
      Capability.APPEND_READ_BACK, Capability.MESSAGES_READ_BACK, Capability.DIGEST_MESSAGES,
      Capability.REFUSED_RECORDS,
      Capability.THROTTLE_RETRY, Capability.OAUTH_ROTATION, Capability.OAUTH, Capability.UNSUPPORTED_TARGETS);
  private static final String MESSAGES = "channel_messages";
  private static final String DIGEST = "channel_digest";
  /** Slack's limit of blocks per message. */
  private static final int MAX_BLOCKS = 50;
  /** A row's identity in a block's text: {@code m12|Body 12 v1}. */
  private static final Pattern ROW_ID = Pattern.compile("(m\\d+)\\|");
  private static final String SEPARATOR = "|";
  private static final String PACE = "50";
  /** Slack refuses a text this long ({@code msg_too_long}; the emulator's default limit is 150,000). */
  private static final int REFUSED_TEXT_LENGTH = 150_001;

  @Override
  public String tool() {
    return "slack";
  }

  @Override
  public String emulator() {
    return "slack";
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public SandboxOptions sandboxOptions() {
    return SandboxOptions.defaults().withProperty("posts-per-second", PACE).withProperty("post-burst", PACE)
        .withProperty("workspace-posts-per-minute", "6000");
  }

  @Override
  public ObjectNode validConfig(EmulatorServer sandbox) {
    return config(sandbox, JSON.objectNode().put("auth_type", "bot_token")
        .put("bot_token", sandbox.credentials().get("bot_token")));
  }

  @Override
  public ObjectNode badCredentialsConfig(EmulatorServer sandbox) {
    return config(sandbox, JSON.objectNode().put("auth_type", "bot_token")
        .put("bot_token", "xoxb-0000000001-0000000000001-notthesandboxtoken0"));
  }

  @Override
  public ObjectNode rotatingOAuthConfig(EmulatorServer sandbox) {
    Map<String, String> credentials = sandbox.credentials();
    return config(sandbox, JSON.objectNode().put("auth_type", "oauth2_rotating")
        .put("client_id", credentials.get("client_id")).put("client_secret", credentials.get("client_secret"))
        .put("refresh_token", credentials.get("refresh_token")));
  }

  private static ObjectNode config(EmulatorServer sandbox, ObjectNode credentials) {
    ObjectNode config = JSON.objectNode();
    config.set("credentials", credentials);
    config.put("api_url", sandbox.credentials().get("api_url")).put("default_channel", "#general")
        .put("channel_messages_per_second", Double.parseDouble(PACE)).put("workspace_messages_per_minute", 6000);
    ArrayNode messages = config.putArray("messages");
    for (String stream : SuiteStreams.ALL) {
      messages.addObject().put("source_stream", stream).put("text_template", "{{msg_id}}" + SEPARATOR + "{{body}}");
    }
    config.putObject("object_storage_config").put("storage_type", "None");
    return config;
  }

  @Override
  public ObjectNode malformedConfig(EmulatorServer sandbox) {
    return validConfig(sandbox).put("channel_messages_per_second", "as many as possible");
  }

  @Override
  public String malformedField() {
    return "channel_messages_per_second";
  }

  @Override
  public List<String> secrets(EmulatorServer sandbox) {
    Map<String, String> credentials = sandbox.credentials();
    return List.of(credentials.get("bot_token"), credentials.get("client_secret"), credentials.get("refresh_token"));
  }

  @Override
  public List<WriteTarget> writeTargets() {
    return List.of(new WriteTarget(MESSAGES, "append", List.of()));
  }

  @Override
  public Digests digests() {
    return new Digests() {
      @Override
      public WriteTarget target() {
        return new WriteTarget(DIGEST, "append", List.of());
      }

      @Override
      public ObjectNode config(EmulatorServer sandbox) {
        ObjectNode config = validConfig(sandbox);
        String block = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"{{msg_id}}"
            + SEPARATOR + "{{body}}\"}}]";
        config.withArray("messages").forEach(m -> ((ObjectNode) m).put("blocks_template", block)
            .put("digest_max_rows", 200).put("digest_header", "*{{count}} rows*").put("digest_footer", "end"));
        return config;
      }

      @Override
      public int maxBlocks() {
        return MAX_BLOCKS;
      }

      @Override
      public List<Digest> landed(EmulatorServer sandbox) {
        List<Digest> digests = new ArrayList<>();
        for (JsonNode message : sandbox.objects(DIGEST)) {
          List<String> rows = new ArrayList<>();
          for (JsonNode block : message.path("blocks")) {
            Matcher id = ROW_ID.matcher(block.path("text").path("text").asText(""));
            while (id.find()) {
              rows.add(id.group(1));
            }
          }
          digests.add(new Digest(message.path("blocks").size(), rows));
        }
        return digests;
      }
    };
  }

  @Override
  public List<WriteTarget> unsupportedTargets() {
    return List.of(new WriteTarget(MESSAGES, "overwrite", List.of()),
        new WriteTarget(MESSAGES, "append_dedup", List.of("msg_id")));
  }

  @Override
  public String identityField(String object) {
    return "msg_id";
  }

  @Override
  public ObjectNode record(WriteTarget target, int i, int version, EmulatorServer sandbox) {
    return JSON.objectNode().put("msg_id", "m" + i).put("body", "Body " + i + " v" + version);
  }

  @Override
  public ObjectNode refusedRecord(WriteTarget target, int i) {
    return JSON.objectNode().put("msg_id", "refused" + i).put("body", "x".repeat(REFUSED_TEXT_LENGTH));
  }

  /** Messages keyed by the {@code msg_id} their text starts with; a message not in that shape by its ts. */
  @Override
  public Map<String, Map<String, String>> landed(EmulatorServer sandbox, String object) {
    Map<String, Map<String, String>> landed = new LinkedHashMap<>();
    for (JsonNode message : sandbox.objects(object)) {
      String text = message.path("text").asText("");
      int cut = text.indexOf(SEPARATOR);
      Map<String, String> fields = new LinkedHashMap<>();
      if (cut < 0) {
        fields.put("text", text);
        landed.put(message.path("ts").asText(), fields);
        continue;
      }
      fields.put("msg_id", text.substring(0, cut));
      fields.put("body", text.substring(cut + 1));
      landed.put(fields.get("msg_id"), fields);
    }
    return landed;
  }

  @Override
  public int liveCount(EmulatorServer sandbox, String object) {
    return sandbox.objects(object).size();
  }

  @Override
  public String toString() {
    return tool();
  }
}
