package io.activationsuite.destination.salesforce;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Which Salesforce API writes the records: chosen by the user in the advanced settings. */
public enum WriteStrategy {
  /** Bulk API 2.0 for large batches, sObject Collections for small flushes. */
  @JsonProperty("auto")
  AUTO,
  /** Always Bulk API 2.0 ingest jobs. */
  @JsonProperty("bulk")
  BULK,
  /** Always synchronous sObject Collections (200 records per request). */
  @JsonProperty("collections")
  COLLECTIONS;

  /** Parses the spec value ({@code auto}, {@code bulk}, {@code collections}). */
  public static WriteStrategy parse(String value) {
    return value == null ? AUTO : valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
