package io.activationsuite.sink.http;

import io.activationsuite.protocol.runner.Preinitializer;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The engine's part of the runner's preinitialization: OkHttp's classes and its Kotlin runtime, the JDK's TLS
 * context and trust store (which the first client builds), URL parsing (IDN tables) and the loopback check.
 * About 0.1-0.3 s on a fresh JVM, otherwise spent when a connector builds its client for the first request.
 */
public final class HttpPreinitializer implements Preinitializer {

  @Override
  public void preinitialize() {
    HttpUrl url = BaseUrls.require("preinitialization", "https://preinitialization.invalid/api");
    BaseUrls.isLoopback("127.0.0.1");
    HttpClientFactory.create(HttpClientSettings.defaults("preinitialization", 1))
        .newCall(new Request.Builder().url(url).build());
  }
}
