package io.activationsuite.sink.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;

/**
 * Logs HTTP exchanges at debug level for troubleshooting without leaking credentials: the
 * {@code Authorization}/{@code Cookie} family of headers, token-looking query parameters, form fields
 * and JSON properties are masked by {@link Redactor}. Bodies are logged only when asked for.
 */
public final class RedactingLoggingInterceptor implements Interceptor {

  private static final int MAX_BODY_CHARS = 2048;

  private final Logger log;
  private final boolean logBodies;

  public RedactingLoggingInterceptor(Logger log, boolean logBodies) {
    this.log = log;
    this.logBodies = logBodies;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!log.isDebugEnabled()) {
      return chain.proceed(request);
    }
    log.debug("--> {} {}\n{}{}", request.method(), Redactor.url(request.url()), Redactor.headers(request.headers()),
        requestBody(request.body()));
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      log.debug("<-- {} {} failed: {}", request.method(), Redactor.url(request.url()),
          Redactor.text(String.valueOf(e.getMessage())));
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    log.debug("<-- {} {} {} ({} ms)\n{}{}", response.code(), request.method(), Redactor.url(request.url()), millis,
        Redactor.headers(response.headers()), responseBody(response));
    return response;
  }

  private String requestBody(RequestBody body) throws IOException {
    if (body == null) {
      return "";
    }
    if (!logBodies || body.isOneShot() || body.isDuplex() || !isText(body.contentType())) {
      return "(" + body.contentLength() + "-byte body)";
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    return Redactor.snippet(buffer.readString(StandardCharsets.UTF_8), MAX_BODY_CHARS);
  }

  private String responseBody(Response response) throws IOException {
    if (!logBodies || response.body() == null || !isText(response.body().contentType())) {
      return "";
    }
    return Redactor.snippet(response.peekBody(MAX_BODY_CHARS * 2L).string(), MAX_BODY_CHARS);
  }

  private static boolean isText(MediaType type) {
    if (type == null) {
      return false;
    }
    String subtype = type.subtype();
    return type.type().equals("text") || subtype.contains("json") || subtype.contains("xml")
        || subtype.equals("x-www-form-urlencoded") || subtype.contains("csv");
  }
}
