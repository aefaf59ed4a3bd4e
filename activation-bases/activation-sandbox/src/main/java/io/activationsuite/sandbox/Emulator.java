package io.activationsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A stateful, in-process imitation of one SaaS vendor's HTTP API that {@link EmulatorServer} serves on
 * loopback. The core owns everything vendor-neutral (HTTP server, request log, fault injection, latency,
 * the {@code /__sandbox/} control endpoint, lifecycle); an emulator owns the vendor's routes, state,
 * auth, validation, and rate-limit rules.
 *
 * <h2>Adding an emulator (Braze, Zendesk, Slack, ...)</h2>
 * <ol>
 *   <li>Create a subpackage {@code io.activationsuite.sandbox.<vendor>} and a class implementing this
 *       interface. Declare routes with a {@link Router} in the constructor and dispatch to it from
 *       {@link #handle}; build JSON with {@link Json} and answer with {@link SandboxResponse}.</li>
 *   <li>Keep state in memory behind a lock or concurrent structures: {@link #handle} is called
 *       concurrently from virtual threads. {@link #reset()} must restore the freshly started state.</li>
 *   <li>Read time only from {@link EmulatorContext#clock()} (tests use {@link ManualClock}) and draw
 *       randomness only from {@link EmulatorContext#random()} so runs are deterministic.</li>
 *   <li>Enforce the vendor's real rate limits inside {@link #handle}, honouring the overrides in
 *       {@code context.faults().config()} ({@code rateLimitBudget}, {@code rateLimitIntervalMillis},
 *       {@code dailyLimit}); return the vendor's own throttle shape from {@link #throttledResponse} (the
 *       core uses it for injected throttling too).</li>
 *   <li>Issue access tokens with {@code context.faults().config().tokenLifetimeSeconds()} when set, and
 *       make {@link #expireAccessTokens()} invalidate every token issued so far.</li>
 *   <li>Expose stored records through {@link #objects()} / {@link #objects(String)} and the sandbox
 *       credentials through {@link #credentials()} (printed by the CLI).</li>
 *   <li>Add an {@link EmulatorFactory} and list it in
 *       {@code META-INF/services/io.activationsuite.sandbox.EmulatorFactory}; the CLI and the JUnit
 *       extension then find it by name.</li>
 *   <li>Write fidelity tests over real HTTP (see the HubSpot emulator's tests) and document covered
 *       endpoints and gaps under {@code docs/sandbox/<vendor>.md}.</li>
 * </ol>
 */
public interface Emulator {

  /** Lower-case vendor name used by the CLI and the JUnit extension, e.g. {@code hubspot}. */
  String name();

  /** Called once, after the port is bound and before the first request. */
  void start(EmulatorContext context);

  /** Answers one vendor API request (never a {@code /__sandbox/} one). Called concurrently. */
  SandboxResponse handle(SandboxRequest request);

  /** Restores the freshly started state: records, tokens, rate-limit counters. */
  void reset();

  /** Everything stored, grouped by object type: {@code {"contacts":[...], ...}}. */
  JsonNode objects();

  /**
   * Records of one object type (any alias the vendor accepts).
   *
   * @throws java.util.NoSuchElementException when the type is unknown
   */
  JsonNode objects(String type);

  /** Credentials a client needs (token, client id/secret, ...), printed by the CLI. Sandbox values only. */
  Map<String, String> credentials();

  /** Makes every access token issued so far expire now. */
  default void expireAccessTokens() {
  }

  /** Called once when the server closes: stop background work (schedulers, timers) the emulator owns. */
  default void stop() {
  }

  /** The vendor's answer when a request is over its rate limit (used for injected throttling too). */
  default SandboxResponse throttledResponse(SandboxRequest request) {
    return SandboxResponse.json(429, Map.of("error", "rate limited"));
  }

  /** The vendor's answer for an injected server error of the given 5xx status. */
  default SandboxResponse serverErrorResponse(SandboxRequest request, int status) {
    return SandboxResponse.json(status, Map.of("status", "error", "message", "Injected sandbox server error",
        "category", "SERVER_ERROR"));
  }

  /**
   * Emulator-specific control actions under {@code /__sandbox/<action>} beyond the core ones.
   *
   * @param action the path after {@code /__sandbox/}
   * @return the answer, or empty when the action is unknown (404)
   */
  default Optional<SandboxResponse> control(String action, SandboxRequest request) {
    return Optional.empty();
  }
}
