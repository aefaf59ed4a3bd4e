package io.activationsuite.sandbox.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Emulator;
import io.activationsuite.sandbox.EmulatorContext;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.SandboxRequest;
import io.activationsuite.sandbox.SandboxResponse;
import io.activationsuite.sandbox.slack.SlackRateLimiter.Tier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Emulates the parts of Slack a messaging connector uses: the Web API under {@code /api/<method>}
 * (chat.postMessage / update / delete, conversations.list / info / join / open, users.lookupByEmail /
 * list, auth.test, oauth.v2.access with rotating tokens) with Slack's {@code ok:false} error codes, its
 * rate limits (HTTP 429 + {@code Retry-After}), and incoming webhooks under {@code /services/...}.
 * Point a client's Web API URL prefix at {@code <baseUrl>/api/}. See {@code docs/sandbox/slack.md}.
 */
public final class SlackEmulator implements Emulator {

  /** Name used by the CLI and {@code @SandboxTest}. */
  public static final String NAME = "slack";

  /** One Web API method: its rate-limit tier (null: its own limit) and whether it needs a token. */
  private record Method(Tier tier, boolean authed, Handler handler) {
  }

  /** Answers one authenticated (or, for OAuth, anonymous) call. */
  @FunctionalInterface
  private interface Handler {
    SlackAnswer handle(SandboxRequest request, SlackParams params, SlackAuth.Principal who);
  }

  private final SlackSettings settings;
  private final Map<String, Method> methods = new LinkedHashMap<>();
  private SlackWorkspace workspace;
  private SlackAuth auth;
  private SlackRateLimiter limiter;
  private IncomingWebhooks webhooks;
  private String baseUrl;

  /** An emulator with {@link SlackSettings#defaults()}. */
  public SlackEmulator() {
    this(SlackSettings.defaults());
  }

  /** An emulator with the given app and limit settings. */
  public SlackEmulator(SlackSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(EmulatorContext context) {
    this.baseUrl = context.baseUrl().toString();
    this.workspace = new SlackWorkspace(context.clock());
    this.auth = new SlackAuth(settings, context.clock(), context.faults(), context.random());
    this.limiter = new SlackRateLimiter(settings, context.clock(), context.faults());
    this.webhooks = new IncomingWebhooks(workspace, limiter);
    ChatMethods chat = new ChatMethods(workspace, auth, limiter, settings);
    DirectoryMethods directory = new DirectoryMethods(workspace, auth, baseUrl);
    methods.put("auth.test", new Method(Tier.TIER_4, true, (r, p, w) -> directory.authTest(p, w)));
    methods.put("chat.postMessage", new Method(null, true, chat::postMessage));
    methods.put("chat.update", new Method(Tier.TIER_3, true, chat::update));
    methods.put("chat.delete", new Method(Tier.TIER_3, true, chat::delete));
    methods.put("conversations.list", new Method(Tier.TIER_2, true, (r, p, w) -> directory.conversationsList(p, w)));
    methods.put("conversations.info", new Method(Tier.TIER_3, true, (r, p, w) -> directory.conversationsInfo(p, w)));
    methods.put("conversations.join", new Method(Tier.TIER_3, true, (r, p, w) -> directory.conversationsJoin(p, w)));
    methods.put("conversations.open", new Method(Tier.TIER_3, true, (r, p, w) -> directory.conversationsOpen(p, w)));
    methods.put("users.lookupByEmail", new Method(Tier.TIER_3, true, (r, p, w) -> directory.lookupByEmail(p, w)));
    methods.put("users.list", new Method(Tier.TIER_2, true, (r, p, w) -> directory.usersList(p, w)));
    methods.put("oauth.v2.access", new Method(Tier.TIER_4, false,
        (r, p, w) -> SlackAnswer.of(auth.oauthV2Access(r, p))));
  }

  @Override
  public SandboxResponse handle(SandboxRequest request) {
    if (request.path().startsWith(IncomingWebhooks.PREFIX)) {
      return webhooks.handle(request);
    }
    if (!request.path().startsWith("/api/")) {
      return SandboxResponse.text(404, "Not Found");
    }
    String name = request.path().substring(5);
    Method method = methods.get(name);
    if (method == null) {
      return SandboxResponse.json(404, SlackResult.errorBody("unknown_method"));
    }
    SlackParams params;
    try {
      params = SlackParams.of(request);
    } catch (Json.MalformedJsonException e) {
      return SandboxResponse.json(200, SlackResult.errorBody("invalid_json"));
    }
    SlackAuth.Principal who = null;
    if (method.authed()) {
      SlackResult<SlackAuth.Principal> outcome = auth.authenticate(request, params);
      if (outcome.failed()) {
        return SandboxResponse.json(200, outcome.error());
      }
      who = outcome.value();
    }
    if (method.tier() != null) {
      OptionalLong wait = limiter.admitMethod(name, method.tier());
      if (wait.isPresent()) {
        return SlackAnswer.rateLimited(wait.getAsLong()).toResponse();
      }
    }
    SandboxResponse response = method.handler().handle(request, params, who).toResponse();
    return who == null ? response
        : response.withHeader("X-OAuth-Scopes", String.join(",", new TreeSet<>(who.scopes())));
  }

  @Override
  public void reset() {
    workspace.reset();
    auth.reset();
    limiter.reset();
    webhooks.reset();
  }

  @Override
  public JsonNode objects() {
    return workspace.toJson();
  }

  /**
   * {@code messages} (every posted message), {@code channels}, {@code users}, or a channel id or name
   * ({@code finance-alerts}, {@code #finance-alerts}, {@code C0FINANCE01}, a DM's {@code D...}) for the
   * messages posted there; the connector's object names {@code channel_messages} / {@code channel_digest}
   * (messages in channels) and {@code direct_messages} (messages in DMs) work too.
   */
  @Override
  public JsonNode objects(String type) {
    return switch (type) {
      case "messages" -> workspace.messagesJson();
      case "channels", "users" -> workspace.toJson().get(type);
      case "channel_messages", "channel_digest" -> workspace.messagesJson(false);
      case "direct_messages" -> workspace.messagesJson(true);
      default -> workspace.messagesJson(type)
          .orElseThrow(() -> new NoSuchElementException("no Slack channel or object type " + type));
    };
  }

  /** Messages posted in a channel (id or name), oldest first, for tests. */
  public JsonNode messages(String channel) {
    return objects(channel);
  }

  /** Adds a channel to the workspace and returns its id. */
  public String addChannel(String name, boolean isPrivate, boolean botMember) {
    return workspace.addChannel(name, isPrivate, botMember, false).id();
  }

  /** Adds a user to the workspace and returns its id. */
  public String addUser(String name, String email) {
    return workspace.addUser(name, email, false).id();
  }

  @Override
  public Map<String, String> credentials() {
    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put("bot_token", settings.botToken());
    credentials.put("client_id", settings.clientId());
    credentials.put("client_secret", settings.clientSecret());
    credentials.put("refresh_token", settings.refreshToken());
    credentials.put("api_url", baseUrl + "/api/");
    credentials.put("webhook_url", baseUrl + webhooks.create("C0GENERAL01"));
    return credentials;
  }

  @Override
  public void expireAccessTokens() {
    auth.expireAll();
  }

  @Override
  public SandboxResponse throttledResponse(SandboxRequest request) {
    if (request.path().startsWith(IncomingWebhooks.PREFIX)) {
      return SandboxResponse.text(429, "rate_limited").withHeader("Retry-After", "1");
    }
    return SlackAnswer.rateLimited(1).toResponse();
  }

  @Override
  public SandboxResponse serverErrorResponse(SandboxRequest request, int status) {
    return SandboxResponse.json(status, SlackResult.errorBody("service_unavailable"));
  }

  /**
   * {@code POST /__sandbox/channels} {@code {"name","is_private","bot_member","is_archived"}},
   * {@code POST /__sandbox/users} {@code {"name","email","deleted"}},
   * {@code POST /__sandbox/webhooks} {@code {"channel"}} (answers the webhook URL).
   */
  @Override
  public Optional<SandboxResponse> control(String action, SandboxRequest request) {
    if (!"POST".equals(request.method())) {
      return Optional.empty();
    }
    return switch (action) {
      case "channels" -> {
        JsonNode b = request.bodyJson();
        SlackChannel c = workspace.addChannel(b.path("name").asText(), b.path("is_private").asBoolean(false),
            b.path("bot_member").asBoolean(true), b.path("is_archived").asBoolean(false));
        yield Optional.of(SandboxResponse.json(201, c.toJson(SlackIdentity.SANDBOX.botUserId())));
      }
      case "users" -> {
        JsonNode b = request.bodyJson();
        SlackUser u = workspace.addUser(b.path("name").asText(), b.path("email").asText(null),
            b.path("deleted").asBoolean(false));
        yield Optional.of(SandboxResponse.json(201, u.toJson(SlackIdentity.SANDBOX.teamId(), true)));
      }
      case "webhooks" -> {
        String channel = request.bodyJson().path("channel").asText();
        yield workspace.channel(channel).map(c -> {
          ObjectNode body = Json.object();
          body.put("url", baseUrl + webhooks.create(c.id()));
          return SandboxResponse.json(201, body);
        }).or(() -> Optional.of(SandboxResponse.json(404, Map.of("error", "no channel " + channel))));
      }
      default -> Optional.empty();
    };
  }
}
