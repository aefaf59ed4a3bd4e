package io.activationsuite.sink.http;

import io.activationsuite.protocol.errors.ConfigErrorException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Validates base URLs taken from a connector configuration: HTTPS everywhere, plain HTTP only for
 * loopback hosts (local test servers), so credentials never cross a network in clear text.
 */
public final class BaseUrls {

  private BaseUrls() {
  }

  /**
   * Parses and checks a base URL from configuration field {@code field}.
   *
   * @return the URL, normalised to end with {@code /} so relative paths resolve beneath it
   * @throws ConfigErrorException when the value is not an absolute http(s) URL, or uses plain
   *     {@code http} for a host that is not loopback
   */
  public static HttpUrl require(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new ConfigErrorException("Configuration field '" + field + "' is required: set it to an https:// URL.");
    }
    HttpUrl url = HttpUrl.parse(value.trim());
    if (url == null) {
      throw new ConfigErrorException("Configuration field '" + field
          + "' is not a valid http(s) URL: expected e.g. https://api.example.com/.");
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      throw new ConfigErrorException("Configuration field '" + field
          + "' must not embed credentials in the URL: use the connector's credential fields.");
    }
    if (!url.isHttps() && !isLoopback(url.host())) {
      throw new ConfigErrorException("Configuration field '" + field + "' uses plain http for host '" + url.host()
          + "': use https:// (http is only allowed for localhost, 127.0.0.0/8 and ::1).");
    }
    if (url.encodedPath().endsWith("/")) {
      return url.newBuilder().query(null).fragment(null).build();
    }
    return url.newBuilder().query(null).fragment(null).addPathSegment("").build();
  }

  /** Resolves a relative path (no leading slash) under a base URL from {@link #require}. */
  public static HttpUrl resolve(HttpUrl base, String relativePath) {
    String path = relativePath.startsWith("/") ? relativePath.substring(1) : relativePath;
    HttpUrl resolved = base.resolve(path);
    if (resolved == null) {
      throw new IllegalArgumentException("Cannot resolve path against base URL: " + path);
    }
    return resolved;
  }

  /** True for localhost, 127.0.0.0/8 and ::1 (never resolves names through DNS). */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost")) {
      return true;
    }
    if (!isIpLiteral(h)) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isIpLiteral(String host) {
    return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }
}
