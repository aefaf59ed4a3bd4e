package io.activationsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves one {@link Emulator} over HTTP on loopback (JDK {@code HttpServer}, one virtual thread per
 * request) and adds what every emulator needs: the request log, fault injection and latency, and the
 * {@code /__sandbox/} control endpoint. It is also the handle tests use.
 *
 * <pre>{@code
 * try (EmulatorServer hubspot = EmulatorServer.start(new HubSpotEmulator(), SandboxOptions.defaults())) {
 *   hubspot.faults().failNext(2);             // next two API calls get 503
 *   String url = hubspot.url("/crm/v3/objects/contacts/batch/create");
 *   ...
 *   hubspot.objects("contacts");              // what landed
 * }
 * }</pre>
 */
public final class EmulatorServer implements AutoCloseable {

  private final Emulator emulator;
  private final SandboxOptions options;
  private final HttpServer http;
  private final ExecutorService executor;
  private final FaultController faults;
  private final RequestLog requestLog = new RequestLog();
  private final AtomicLong sequence = new AtomicLong();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ControlEndpoint control;
  private final URI baseUrl;
  private volatile String instance = java.util.UUID.randomUUID().toString();

  private EmulatorServer(Emulator emulator, SandboxOptions options) throws IOException {
    this.emulator = emulator;
    this.options = options;
    this.faults = new FaultController(options.clock(), options.seed(), options.faults());
    this.http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    this.http.setExecutor(executor);
    this.baseUrl = URI.create("http://" + hostForUrl(options.host()) + ":" + http.getAddress().getPort());
    this.control = new ControlEndpoint(this);
    emulator.start(new EmulatorContext(emulator.name(), baseUrl, options.clock(), faults,
        new Random(options.seed() ^ 0x5DEECE66DL), options));
    this.http.createContext("/", this::serve);
    this.http.start();
  }

  /**
   * Binds a port, starts the emulator and begins serving.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static EmulatorServer start(Emulator emulator, SandboxOptions options) {
    try {
      return new EmulatorServer(emulator, options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + emulator.name() + " emulator on "
          + options.host() + ":" + options.port(), e);
    }
  }

  /** Starts the emulator registered under {@code name} (see {@link Emulators}). */
  public static EmulatorServer start(String name, SandboxOptions options) {
    return start(Emulators.create(name, options), options);
  }

  /** The emulator name. */
  public String name() {
    return emulator.name();
  }

  /** Base URL, e.g. {@code http://127.0.0.1:41234}, without trailing slash. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Absolute URL of a path on this emulator. */
  public String url(String path) {
    return baseUrl + (path.startsWith("/") ? path : "/" + path);
  }

  /** The bound port. */
  public int port() {
    return baseUrl.getPort();
  }

  /** The served emulator. */
  public Emulator emulator() {
    return emulator;
  }

  /** The served emulator as its concrete type, for vendor-specific test helpers. */
  public <E extends Emulator> E emulator(Class<E> type) {
    return type.cast(emulator);
  }

  /** The options the server was started with. */
  public SandboxOptions options() {
    return options;
  }

  /** The emulator clock. */
  public Clock clock() {
    return options.clock();
  }

  /** Fault injection of this emulator. */
  public FaultController faults() {
    return faults;
  }

  /** Requests received so far (control requests excluded). */
  public RequestLog requests() {
    return requestLog;
  }

  /** All stored records by type. */
  public JsonNode objects() {
    return emulator.objects();
  }

  /** Stored records of one type. */
  public JsonNode objects(String type) {
    return emulator.objects(type);
  }

  /** Sandbox credentials clients should use. */
  public Map<String, String> credentials() {
    return emulator.credentials();
  }

  /** Makes every access token issued so far expire now. */
  public void expireAccessTokens() {
    emulator.expireAccessTokens();
  }

  /**
   * Identifies this emulator's state: new at every start and every {@link #reset}, so a client that
   * remembers what it delivered (the local sync's snapshot) can tell the state it knew is gone.
   */
  public String instance() {
    return instance;
  }

  /** Clears state, faults and the request log, as if freshly started (the port stays). */
  public void reset() {
    instance = java.util.UUID.randomUUID().toString();
    emulator.reset();
    faults.reset();
    requestLog.clear();
  }

  /** Stops serving; held "timeout" requests are released and their connections dropped. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closing.countDown();
    emulator.stop();
    http.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void serve(HttpExchange exchange) {
    long startNanos = System.nanoTime();
    Instant startedAt = options.clock().instant();
    SandboxRequest request;
    try {
      request = SandboxRequest.of(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
          RequestBodies.read(exchange.getRequestBody(), exchange.getRequestHeaders().getFirst("Content-Length")));
    } catch (IOException e) {
      exchange.close();
      return;
    }
    if (request.path().equals(ControlEndpoint.PREFIX) || request.path().startsWith(ControlEndpoint.PREFIX + "/")) {
      send(exchange, control.handle(request));
      return;
    }
    if (faults.tokensExpireNow()) {
      emulator.expireAccessTokens();
    }
    FaultDecision decision = faults.decide(request.method(), request.path());
    long latency = faults.drawLatencyMillis();
    try {
      if (latency > 0 && closing.await(latency, TimeUnit.MILLISECONDS)) {
        exchange.close();
        return;
      }
      SandboxResponse response = switch (decision) {
        case FaultDecision.Pass pass -> answer(request);
        case FaultDecision.ServerError error -> emulator.serverErrorResponse(request, error.status());
        case FaultDecision.Throttle throttle -> emulator.throttledResponse(request);
        case FaultDecision.Reset reset -> null;
        case FaultDecision.LoseAnswer lost -> {
          answer(request);
          yield null;
        }
        case FaultDecision.Timeout timeout -> {
          closing.await(timeout.holdMillis(), TimeUnit.MILLISECONDS);
          yield null;
        }
      };
      String outcome = switch (decision) {
        case FaultDecision.Pass pass -> "OK";
        case FaultDecision.ServerError error -> "INJECTED_ERROR";
        case FaultDecision.Throttle throttle -> "INJECTED_THROTTLE";
        case FaultDecision.Reset reset -> "INJECTED_RESET";
        case FaultDecision.LoseAnswer lost -> "INJECTED_LOST_ANSWER";
        case FaultDecision.Timeout timeout -> "INJECTED_TIMEOUT";
      };
      // Logged before the client can see the answer, so a client that got a response always finds its entry.
      log(request, response == null ? 0 : response.status(), outcome, startedAt, startNanos);
      if (response == null) {
        exchange.close();
      } else {
        send(exchange, response);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log(request, 0, "INTERRUPTED", startedAt, startNanos);
      exchange.close();
    }
  }

  private void log(SandboxRequest request, int status, String outcome, Instant startedAt, long startNanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    requestLog.add(new RequestLogEntry(sequence.incrementAndGet(), request.method(), request.path(),
        maskedQuery(request), status, outcome, request.body().length, startedAt.toString(),
        options.clock().instant().toString(), millis, loggedBody(request)));
  }

  /** The body the log keeps: JSON or CSV text, only when asked to (form bodies may carry secrets). */
  private String loggedBody(SandboxRequest request) {
    if (!requestLog.keepsBodies() || request.body().length == 0) {
      return null;
    }
    String type = request.header("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
    return type.contains("json") || type.contains("csv") ? request.bodyText() : null;
  }

  private SandboxResponse answer(SandboxRequest request) {
    try {
      return emulator.handle(request);
    } catch (RuntimeException e) {
      System.err.println("[sandbox:" + emulator.name() + "] internal error on " + request.method() + " "
          + request.path() + ": " + e);
      return SandboxResponse.json(500, Map.of("status", "error", "message", "internal sandbox error",
          "category", "INTERNAL_ERROR"));
    }
  }

  private static void send(HttpExchange exchange, SandboxResponse response) {
    try (exchange) {
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      boolean noBody = response.body().length == 0 || response.status() == 204
          || "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
  }

  private static Map<String, String> maskedQuery(SandboxRequest request) {
    Map<String, String> masked = new LinkedHashMap<>();
    request.query().forEach((key, values) -> masked.put(key, isSecret(key) ? "***" : String.join(",", values)));
    return masked;
  }

  private static boolean isSecret(String key) {
    String k = key.toLowerCase(java.util.Locale.ROOT);
    return k.contains("token") || k.contains("secret") || k.contains("key")
        || k.contains("password") || k.equals("code") || k.contains("auth");
  }

  private static String hostForUrl(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
