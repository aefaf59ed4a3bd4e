package io.activationsuite.destination.salesforce.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The org's daily API request usage, as reported by the {@code Sforce-Limit-Info} header on every REST
 * answer ({@code api-usage=18/15000}).
 */
public record ApiUsage(long used, long limit) {
  private static final Pattern USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

  /** Parses the header value; empty when absent or unreadable. */
  public static Optional<ApiUsage> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher matcher = USAGE.matcher(header);
    if (!matcher.find()) {
      return Optional.empty();
    }
    return Optional.of(new ApiUsage(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))));
  }

  /** Used share of the allocation, 0..1 (or more when over). */
  public double ratio() {
    return limit <= 0 ? 0 : (double) used / limit;
  }
}
