package io.activationsuite.sandbox.slack;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Workspace and app configuration of the Slack emulator: the static bot token and its scopes, the
 * rotating-token OAuth app, and the rate limits (chat.postMessage per channel and per workspace, the
 * method tiers). Defaults are well-known sandbox values the CLI prints.
 *
 * @param botToken the accepted non-rotating bot token ({@code xoxb-...})
 * @param scopes scopes granted to the bot (static and rotating tokens alike)
 * @param clientId OAuth client id
 * @param clientSecret OAuth client secret
 * @param refreshToken the first accepted refresh token ({@code xoxe-1-...}); each use returns a new one
 * @param accessTokenLifetimeSeconds lifetime of rotating access tokens (Slack: 12 hours)
 * @param postsPerSecond chat.postMessage messages per second per channel (Slack: about 1)
 * @param postBurst extra messages a channel may take in a short burst
 * @param workspacePostsPerMinute chat.postMessage cap for the whole workspace (Slack does not publish it)
 * @param maxTextLength text beyond 40,000 characters is truncated; beyond this it is {@code msg_too_long}
 */
public record SlackSettings(
    String botToken, Set<String> scopes, String clientId, String clientSecret, String refreshToken,
    long accessTokenLifetimeSeconds, double postsPerSecond, int postBurst, int workspacePostsPerMinute,
    int maxTextLength) {

  /** Every scope the emulator checks except {@code chat:write.public}, granted by default. */
  public static final Set<String> DEFAULT_SCOPES = Set.of("chat:write", "channels:read", "groups:read",
      "channels:join", "im:write", "users:read", "users:read.email");
  /** Sandbox default bot token. */
  public static final String DEFAULT_BOT_TOKEN = "xoxb-0000000001-0000000000001-sandboxbottoken000000";
  /** Sandbox default OAuth client id. */
  public static final String DEFAULT_CLIENT_ID = "0000000001.0000000000002";
  /** Sandbox default OAuth client secret. */
  public static final String DEFAULT_CLIENT_SECRET = "sandbox-slack-client-secret";
  /** Sandbox default first refresh token. */
  public static final String DEFAULT_REFRESH_TOKEN = "xoxe-1-sandbox-refresh-token-0001";
  /** Slack's rotating access-token lifetime: 12 hours. */
  public static final long TWELVE_HOURS = 43_200;

  /** Copies the scope set and checks the values. */
  public SlackSettings {
    scopes = Set.copyOf(scopes);
    if (accessTokenLifetimeSeconds <= 0 || postsPerSecond <= 0 || postBurst < 0 || workspacePostsPerMinute <= 0) {
      throw new IllegalArgumentException("token lifetime and rate limits must be positive");
    }
    if (maxTextLength < SlackLimits.TEXT_TRUNCATED_AT) {
      throw new IllegalArgumentException("max-text-length must be at least " + SlackLimits.TEXT_TRUNCATED_AT);
    }
  }

  /** Sandbox credentials, default scopes, 1 message/s per channel with a burst of 3, 1,200/min per workspace. */
  public static SlackSettings defaults() {
    return new SlackSettings(DEFAULT_BOT_TOKEN, DEFAULT_SCOPES, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET,
        DEFAULT_REFRESH_TOKEN, TWELVE_HOURS, 1.0, 3, 1_200, 150_000);
  }

  /**
   * Settings from vendor properties ({@code --set slack.KEY=VALUE}, {@code @SandboxTest} properties):
   * {@code bot-token}, {@code scopes} (comma-separated), {@code client-id}, {@code client-secret},
   * {@code refresh-token}, {@code token-lifetime} (seconds), {@code posts-per-second}, {@code post-burst},
   * {@code workspace-posts-per-minute}, {@code max-text-length}. Unset keys keep the defaults.
   */
  public static SlackSettings fromProperties(Map<String, String> p) {
    SlackSettings d = defaults();
    return new SlackSettings(
        p.getOrDefault("bot-token", d.botToken()),
        p.containsKey("scopes") ? scopes(p.get("scopes")) : d.scopes(),
        p.getOrDefault("client-id", d.clientId()),
        p.getOrDefault("client-secret", d.clientSecret()),
        p.getOrDefault("refresh-token", d.refreshToken()),
        p.containsKey("token-lifetime") ? Long.parseLong(p.get("token-lifetime")) : d.accessTokenLifetimeSeconds(),
        p.containsKey("posts-per-second") ? Double.parseDouble(p.get("posts-per-second")) : d.postsPerSecond(),
        p.containsKey("post-burst") ? Integer.parseInt(p.get("post-burst")) : d.postBurst(),
        p.containsKey("workspace-posts-per-minute")
            ? Integer.parseInt(p.get("workspace-posts-per-minute")) : d.workspacePostsPerMinute(),
        p.containsKey("max-text-length") ? Integer.parseInt(p.get("max-text-length")) : d.maxTextLength());
  }

  /** A copy whose bot holds only these scopes. */
  public SlackSettings withScopes(Set<String> value) {
    return new SlackSettings(botToken, value, clientId, clientSecret, refreshToken, accessTokenLifetimeSeconds,
        postsPerSecond, postBurst, workspacePostsPerMinute, maxTextLength);
  }

  /** A copy with another per-channel posting rate and burst. */
  public SlackSettings withPostRate(double perSecond, int burst) {
    return new SlackSettings(botToken, scopes, clientId, clientSecret, refreshToken, accessTokenLifetimeSeconds,
        perSecond, burst, workspacePostsPerMinute, maxTextLength);
  }

  static Set<String> scopes(String csv) {
    return Arrays.stream(csv.split("[,\\s]+")).filter(s -> !s.isBlank())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
