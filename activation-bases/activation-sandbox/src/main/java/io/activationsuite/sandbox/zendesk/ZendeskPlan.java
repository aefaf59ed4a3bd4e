package io.activationsuite.sandbox.zendesk;

import java.util.Locale;

/**
 * Zendesk Support plans and their account-wide API limit in requests per minute (Support API; Help
 * Center is counted separately and not emulated). The High Volume API add-on replaces the plan's limit.
 */
public enum ZendeskPlan {
  TEAM(200),
  GROWTH(400),
  PROFESSIONAL(400),
  ENTERPRISE(700),
  ENTERPRISE_PLUS(2_500),
  HIGH_VOLUME(2_500);

  private final int requestsPerMinute;

  ZendeskPlan(int requestsPerMinute) {
    this.requestsPerMinute = requestsPerMinute;
  }

  /** The plan's limit in requests per minute. */
  public int requestsPerMinute() {
    return requestsPerMinute;
  }

  /** Parses {@code team}, {@code growth}, {@code professional}, {@code enterprise}, {@code enterprise-plus}, ... */
  public static ZendeskPlan parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
