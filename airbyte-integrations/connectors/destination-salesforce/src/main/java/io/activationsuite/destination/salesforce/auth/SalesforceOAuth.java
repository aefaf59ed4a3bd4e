package io.activationsuite.destination.salesforce.auth;

import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.SystemErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.sink.http.BaseUrls;
import io.activationsuite.sink.http.auth.OAuth2Auth;
import io.activationsuite.sink.http.auth.OAuth2RefusedException;
import io.activationsuite.sink.http.auth.OAuth2Settings;
import io.activationsuite.sink.http.auth.OAuth2Token;
import io.activationsuite.sink.http.auth.OAuth2TokenListener;
import io.activationsuite.sink.http.auth.OAuth2TokenProvider;
import io.activationsuite.sink.http.auth.RequestAuth;
import io.activationsuite.sink.http.retry.RetryPolicy;
import io.activationsuite.sink.http.time.Waiter;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Salesforce OAuth on top of the shared {@link OAuth2TokenProvider} (single-flight refresh, retries of a
 * throttled or failing token endpoint, rotation): adds what is Salesforce's own. Every REST call goes to
 * the {@code instance_url} of the token response; a rotated refresh token is handed to
 * {@code onRotation}; refusals become the actionable messages of {@link OAuthErrorMessages}, an unknown
 * login host a config error, an unreachable or failing endpoint a transient error.
 */
public final class SalesforceOAuth implements RequestAuth {
  private static final RetryPolicy TOKEN_RETRIES = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(30),
      Duration.ofMinutes(3), true);
  private final String loginUrl;
  private final Credentials credentials;
  private final OAuth2TokenProvider tokens;
  private final OAuth2Auth bearer;
  private final AtomicReference<String> instanceUrl = new AtomicReference<>();

  private SalesforceOAuth(String loginUrl, Credentials credentials, OkHttpClient http, Clock clock, Waiter waiter,
      Consumer<String> onRotation) {
    this.loginUrl = loginUrl;
    this.credentials = credentials;
    HttpUrl tokenUrl = BaseUrls.resolve(BaseUrls.require("login_url", loginUrl), "services/oauth2/token");
    OAuth2Settings settings = switch (credentials) {
      case Credentials.RefreshToken grant -> OAuth2Settings.refreshToken(tokenUrl, grant.clientId(),
          grant.clientSecret(), grant.refreshToken());
      case Credentials.ClientCredentials grant -> OAuth2Settings.clientCredentials(tokenUrl, grant.clientId(),
          grant.clientSecret(), null);
    };
    this.tokens = OAuth2TokenProvider.builder(settings, http)
        .time(clock, waiter)
        .retryPolicy(TOKEN_RETRIES)
        // Salesforce's throttle answer at login is 403 REQUEST_LIMIT_EXCEEDED: retry it, it is not a refusal.
        .retryRefusalWhen((status, body) -> status == 403 && body.contains("REQUEST_LIMIT_EXCEEDED"))
        .listener(new OAuth2TokenListener() {
          @Override
          public void onToken(OAuth2Token token) {
            token.field("instance_url").map(SalesforceOAuth::withoutTrailingSlash).ifPresent(instanceUrl::set);
          }

          @Override
          public void onRefreshTokenRotated(String newRefreshToken) {
            onRotation.accept(newRefreshToken);
          }
        })
        .build();
    this.bearer = new OAuth2Auth(tokens);
  }

  /**
   * OAuth for {@code credentials} at {@code loginUrl} (no trailing slash), calling the token endpoint
   * through {@code http}, waiting between token retries on {@code clock}/{@code waiter}.
   */
  public static SalesforceOAuth create(String loginUrl, Credentials credentials, OkHttpClient http, Clock clock,
      Waiter waiter, Consumer<String> onRotation) {
    return new SalesforceOAuth(loginUrl, credentials, http, clock, waiter, onRotation);
  }

  /** The org's instance URL (no trailing slash), obtaining a token first if none was fetched yet. */
  public String instanceUrl() throws InterruptedException {
    String known = instanceUrl.get();
    if (known != null) {
      return known;
    }
    translated(() -> tokens.token());
    known = instanceUrl.get();
    if (known == null) {
      throw new SystemErrorException("The Salesforce token endpoint at " + loginUrl
          + " returned a token without instance_url.");
    }
    return known;
  }

  /** How many tokens the endpoint issued (first token and refreshes). */
  public long tokensFetched() {
    return tokens.tokensFetched();
  }

  @Override
  public Request authorize(Request request) throws InterruptedException {
    return translated(() -> bearer.authorize(request));
  }

  @Override
  public boolean renewAfterUnauthorized(Request sent) throws InterruptedException {
    return translated(() -> bearer.renewAfterUnauthorized(sent));
  }

  private <T> T translated(TokenCall<T> call) throws InterruptedException {
    try {
      return call.run();
    } catch (OAuth2RefusedException e) {
      throw refusal(e);
    } catch (TransientErrorException e) {
      throw unavailable(e);
    }
  }

  private ConfigErrorException refusal(OAuth2RefusedException refused) {
    if (refused.error() != null) {
      return new ConfigErrorException(
          OAuthErrorMessages.describe(credentials, refused.error(), refused.errorDescription()));
    }
    return new ConfigErrorException("The login URL " + loginUrl + " did not answer like a Salesforce token "
        + "endpoint (HTTP " + refused.status() + "): check is_sandbox / login_url.");
  }

  private RuntimeException unavailable(TransientErrorException original) {
    if (original.getCause() instanceof IOException cause) {
      if (cause instanceof UnknownHostException) {
        return new ConfigErrorException("Unknown host in the Salesforce login URL " + loginUrl
            + ": check login_url (your My Domain) or is_sandbox.", cause);
      }
      return new TransientErrorException("Could not reach the Salesforce login URL " + loginUrl + " ("
          + cause.getClass().getSimpleName() + "). " + original.getMessage(), original);
    }
    return original;
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** A call to the token provider. */
  @FunctionalInterface
  private interface TokenCall<T> {
    T run() throws InterruptedException;
  }
}
