package io.activationsuite.sink.http;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Masks secrets before anything about an HTTP exchange reaches a log line or an exception message:
 * credential headers, token-looking query parameters, form fields and JSON properties.
 */
public final class Redactor {

  /** What replaces a secret value. */
  public static final String MASK = "[REDACTED]";

  private static final Set<String> SECRET_HEADERS = Set.of(
      "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "apikey",
      "x-auth-token", "x-access-token", "x-amz-security-token", "x-goog-api-key");

  private static final Set<String> SECRET_PARAMS = Set.of(
      "access_token", "refresh_token", "id_token", "client_secret", "client_assertion", "assertion",
      "password", "passwd", "pwd", "code", "code_verifier", "api_key", "apikey", "hapikey", "key",
      "token", "secret", "signature", "sig", "session_id", "sessionid");

  private static final Pattern SECRET_NAME_HINT = Pattern.compile("(?i).*(token|secret|passw|api[_-]?key).*");

  private static final Pattern FORM_PAIR = Pattern.compile("([^&=\\s]+)=([^&\\s]*)");

  private static final Pattern JSON_PAIR = Pattern.compile("\"([A-Za-z0-9_\\-]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private static final Pattern BEARER = Pattern.compile("(?i)(bearer|basic)\\s+[A-Za-z0-9._~+/=\\-]{8,}");

  private Redactor() {
  }

  /** True if a header's value must never be shown. */
  public static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || SECRET_NAME_HINT.matcher(name).matches();
  }

  /** True if a query parameter, form field or JSON property with this name holds a secret. */
  public static boolean isSecretName(String name) {
    return SECRET_PARAMS.contains(name.toLowerCase(Locale.ROOT)) || SECRET_NAME_HINT.matcher(name).matches();
  }

  /** One header value, masked when the header carries credentials. */
  public static String headerValue(String name, String value) {
    return isSecretHeader(name) ? MASK : value;
  }

  /** Headers as {@code name: value} lines with credentials masked. */
  public static String headers(Headers headers) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      out.append(headers.name(i)).append(": ").append(headerValue(headers.name(i), headers.value(i))).append('\n');
    }
    return out.toString();
  }

  /** The URL with secret query parameters and any user-info masked. */
  public static String url(HttpUrl url) {
    HttpUrl.Builder builder = url.newBuilder();
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      builder.username("").password("");
    }
    for (String name : url.queryParameterNames()) {
      if (isSecretName(name)) {
        builder.setQueryParameter(name, MASK);
      }
    }
    return builder.build().toString();
  }

  /**
   * Free text (a form body, a JSON body, an error message) with secret form fields, JSON string
   * properties and bearer/basic credentials masked.
   */
  public static String text(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = replace(JSON_PAIR, text, m -> isSecretName(m.group(1))
        ? "\"" + m.group(1) + "\":\"" + MASK + "\"" : m.group());
    result = replace(FORM_PAIR, result, m -> isSecretName(m.group(1)) ? m.group(1) + "=" + MASK : m.group());
    return replace(BEARER, result, m -> m.group(1) + " " + MASK);
  }

  /** Text cut to at most {@code max} characters, with a marker when cut, after {@link #text}. */
  public static String snippet(String text, int max) {
    String redacted = text(text);
    if (redacted == null || redacted.length() <= max) {
      return redacted;
    }
    return redacted.substring(0, max) + "...(" + (redacted.length() - max) + " more chars)";
  }

  private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> fn) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(fn.apply(matcher)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
