package io.activationsuite.sink.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Sets the connector's {@code User-Agent} on requests that do not carry one, so vendors can identify us. */
public final class UserAgentInterceptor implements Interceptor {

  private final String userAgent;

  public UserAgentInterceptor(String userAgent) {
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (chain.request().header("User-Agent") != null) {
      return chain.proceed(chain.request());
    }
    return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
  }
}
