package io.activationsuite.acceptance.harness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.ChunkedDribbleDelay;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.activationsuite.sandbox.EmulatorServer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WireMock server in front of one sandbox emulator. It proxies every call to the emulator and, once
 * armed, spoils the answer to the connector's first write call (POST, PUT or PATCH) in one scripted way the
 * emulators never answer: the emulator has handled the request (the records reached the API), then the
 * connector gets a truncated body, an HTML page with status 200, a slow drip (within or past the read
 * timeout), or a reset connection. That is
 * the case the base's rule is about: a request that may have reached the API is resent only if idempotent.
 * Emulator URLs in answers (e.g. an OAuth {@code instance_url}) are rewritten to the proxy's, so every later
 * call goes through it too.
 */
public final class FaultProxy implements AutoCloseable {

  /** A scripted answer to a write call that the emulator has already handled. */
  public enum ProtocolFault {
    /** The emulator's answer cut in half (unparsable JSON with the emulator's status). */
    TRUNCATED_BODY,
    /** Status 200 with an HTML page (a proxy's or load balancer's page) instead of the API's JSON. */
    HTML_PAGE,
    /** The emulator's answer dribbled in chunks over two seconds: slow, but within the read timeout. */
    SLOW_DRIP,
    /**
     * The emulator's answer dribbled slower than the read timeout: its second half comes 3 s after the first,
     * and the connector runs with a 2 s read timeout ({@link #connectorEnvironment()}), so the call times out
     * after the API handled it.
     */
    SLOW_DRIP_PAST_TIMEOUT,
    /** The connection reset after the request was delivered and handled, before any answer. */
    RESET_AFTER_DELIVERY;

    /**
     * The environment the connector runs with for this fault: for {@link #SLOW_DRIP_PAST_TIMEOUT} the documented
     * {@code ACTIVATION_HTTP_READ_TIMEOUT_SECONDS} (docs/engine.md), so the drip outlasts the timeout in seconds
     * rather than the default minute.
     */
    public Map<String, String> connectorEnvironment() {
      return this == SLOW_DRIP_PAST_TIMEOUT ? Map.of("ACTIVATION_HTTP_READ_TIMEOUT_SECONDS", "2") : Map.of();
    }
  }

  private static final String FAULT = "fault";
  private static final String SCENARIO = "first-write";
  private static final String HTML = "<!DOCTYPE html><html><head><title>Service notice</title></head>"
      + "<body><h1>We'll be right back</h1><p>Please try again later.</p></body></html>";

  private final EmulatorServer sandbox;
  private final SpoilingTransformer transformer;
  private final WireMockServer wireMock;

  private FaultProxy(EmulatorServer sandbox) {
    this.sandbox = sandbox;
    this.transformer = new SpoilingTransformer(sandbox.baseUrl().toString());
    this.wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
        .extensions(transformer).disableRequestJournal());
    wireMock.start();
    transformer.proxyUrl = baseUrl();
    proxyEverything();
  }

  /** Starts a proxy in front of {@code sandbox}. */
  public static FaultProxy start(EmulatorServer sandbox) {
    return new FaultProxy(sandbox);
  }

  /** The proxy's base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + wireMock.port();
  }

  /** A copy of {@code config} whose every mention of the emulator's URL points at the proxy instead. */
  public ObjectNode redirect(ObjectNode config) {
    ObjectNode copy = config.deepCopy();
    replaceUrls(copy);
    return copy;
  }

  private void replaceUrls(ObjectNode node) {
    String from = sandbox.baseUrl().toString();
    node.fieldNames().forEachRemaining(name -> {
      var value = node.get(name);
      if (value.isTextual() && value.asText().contains(from)) {
        node.set(name, TextNode.valueOf(value.asText().replace(from, baseUrl())));
      } else if (value.isObject()) {
        replaceUrls((ObjectNode) value);
      }
    });
  }

  /**
   * Spoils the answer to the next write call (POST, PUT or PATCH) whose body contains {@code recordMarker} (a
   * value of a record the sync writes, so logins and reads are never spoiled) with {@code fault}; every other
   * call passes.
   */
  public void spoilFirstWrite(ProtocolFault fault, String recordMarker) {
    for (String method : List.of("POST", "PUT", "PATCH")) {
      wireMock.stubFor(request(method, urlPathMatching(".*")).withRequestBody(containing(recordMarker)).atPriority(1)
          .inScenario(SCENARIO).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("spoiled")
          .willReturn(aResponse().proxiedFrom(sandbox.baseUrl().toString())
              .withTransformerParameter(FAULT, fault.name())));
    }
  }

  /** The paths of the calls whose answer was spoiled, in order. */
  public List<String> spoiledPaths() {
    return transformer.spoiled.stream().map(WriteCall::path).toList();
  }

  /**
   * How many times the spoiled write call (the same method, path and body) reached the emulator: 1 when it
   * was not resent, 2 or more when it was.
   */
  public long timesTheSpoiledWriteWasSent() {
    WriteCall spoiled = transformer.spoiled.get(0);
    return transformer.writes.stream().filter(spoiled::equals).count();
  }

  /** Back to proxying every call, nothing armed. */
  public void reset() {
    wireMock.resetAll();
    transformer.spoiled.clear();
    transformer.writes.clear();
    proxyEverything();
  }

  private void proxyEverything() {
    wireMock.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(sandbox.baseUrl().toString())));
  }

  @Override
  public void close() {
    wireMock.stop();
  }

  /** One write call as the emulator received it. */
  private record WriteCall(String method, String path, String body) {
  }

  /** Rewrites emulator URLs in every answer; applies the armed fault to the answer of the armed stub. */
  private static final class SpoilingTransformer implements ResponseTransformerV2 {

    private final String sandboxUrl;
    private final List<WriteCall> spoiled = new CopyOnWriteArrayList<>();
    private final List<WriteCall> writes = new CopyOnWriteArrayList<>();
    private volatile String proxyUrl;

    SpoilingTransformer(String sandboxUrl) {
      this.sandboxUrl = sandboxUrl;
    }

    @Override
    public String getName() {
      return "spoil-first-write";
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
      Response rewritten = rewriteUrls(response);
      var request = serveEvent.getRequest();
      WriteCall call = new WriteCall(request.getMethod().getName(), request.getUrl().replaceFirst("\\?.*", ""),
          request.getBodyAsString());
      if (!call.method().equals("GET")) {
        writes.add(call);
      }
      var parameters = serveEvent.getTransformerParameters();
      if (parameters == null || !parameters.containsKey(FAULT)) {
        return rewritten;
      }
      ProtocolFault fault = ProtocolFault.valueOf(parameters.getString(FAULT));
      spoiled.add(call);
      Response.Builder builder = Response.Builder.like(rewritten).but();
      return switch (fault) {
        case TRUNCATED_BODY -> builder.body(Arrays.copyOf(rewritten.getBody(), rewritten.getBody().length / 2))
            .headers(withoutLength(rewritten.getHeaders())).build();
        case HTML_PAGE -> builder.status(200).body(HTML)
            .headers(new HttpHeaders(new HttpHeader("Content-Type", "text/html; charset=utf-8"))).build();
        case SLOW_DRIP -> builder.chunkedDribbleDelay(new ChunkedDribbleDelay(4, 2_000))
            .headers(withoutLength(rewritten.getHeaders())).build();
        case SLOW_DRIP_PAST_TIMEOUT -> builder.chunkedDribbleDelay(new ChunkedDribbleDelay(2, 6_000))
            .headers(withoutLength(rewritten.getHeaders())).build();
        case RESET_AFTER_DELIVERY -> builder.fault(Fault.CONNECTION_RESET_BY_PEER).build();
      };
    }

    private Response rewriteUrls(Response response) {
      byte[] body = response.getBody();
      if (body == null || body.length == 0) {
        return response;
      }
      String text = new String(body, StandardCharsets.UTF_8);
      if (!text.contains(sandboxUrl)) {
        return response;
      }
      return Response.Builder.like(response).but().body(text.replace(sandboxUrl, proxyUrl))
          .headers(withoutLength(response.getHeaders())).build();
    }

    private static HttpHeaders withoutLength(HttpHeaders headers) {
      return new HttpHeaders(headers.all().stream()
          .filter(h -> !h.keyEquals("Content-Length") && !h.keyEquals("Transfer-Encoding")).toList());
    }

    @Override
    public boolean applyGlobally() {
      return true;
    }
  }
}
