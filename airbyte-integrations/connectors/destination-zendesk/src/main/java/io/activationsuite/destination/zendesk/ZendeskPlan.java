package io.activationsuite.destination.zendesk;

import java.util.Arrays;
import java.util.Locale;

/** Zendesk plans and their account-wide Support API limit, which the connector paces itself to. */
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

  public int requestsPerMinute() {
    return requestsPerMinute;
  }

  /** The value used in the config, e.g. {@code enterprise_plus}. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ZendeskPlan fromConfig(String value) {
    return Arrays.stream(values()).filter(p -> p.configValue().equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown plan \"" + value + "\""));
  }
}
