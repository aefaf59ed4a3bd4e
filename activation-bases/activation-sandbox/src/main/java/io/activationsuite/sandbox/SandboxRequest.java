package io.activationsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as an emulator sees it: decoded path, query and form parameters, headers with
 * case-insensitive names, and the raw body. Immutable, so handlers can share it across threads.
 *
 * @param method upper-case HTTP method
 * @param path decoded request path without the query string
 * @param query decoded query parameters in order of appearance
 * @param headers request headers keyed by lower-case name
 * @param body raw request body (empty when none)
 */
public record SandboxRequest(
    String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body) {

  /** Normalises the method, copies the maps and lower-cases header names. */
  public SandboxRequest {
    method = method.toUpperCase(Locale.ROOT);
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
        .addAll(values));
    headers = Collections.unmodifiableMap(lower);
    body = body == null ? new byte[0] : body;
  }

  /** Builds a request from a raw (still encoded) query string. */
  public static SandboxRequest of(
      String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    return new SandboxRequest(method, path, parseForm(rawQuery), headers, body);
  }

  /** The first value of a header, if present. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The first value of a query parameter, if present. */
  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body parsed as JSON; throws {@link Json.MalformedJsonException} when it is not JSON. */
  public JsonNode bodyJson() {
    return Json.parse(body);
  }

  /** The body parsed as {@code application/x-www-form-urlencoded} parameters (first value wins). */
  public Map<String, String> formParams() {
    Map<String, String> form = new LinkedHashMap<>();
    parseForm(bodyText()).forEach((k, v) -> form.put(k, v.get(0)));
    return form;
  }

  /** Decodes a URL-encoded {@code a=1&b=2} string. */
  public static Map<String, List<String>> parseForm(String raw) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
