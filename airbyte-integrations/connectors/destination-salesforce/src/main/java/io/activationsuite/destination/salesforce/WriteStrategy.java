package io.activationsuite.destination.salesforce;

import java.util.Locale;

/** Which Salesforce API writes the records: chosen by the user in the advanced settings. */
public enum WriteStrategy {
  /** Bulk API 2.0 for large batches, sObject Collections for small flushes. */
  AUTO,
  /** Always Bulk API 2.0 ingest jobs. */
  BULK,
  /** Always synchronous sObject Collections (200 records per request). */
  COLLECTIONS;

  /** Parses the spec value ({@code auto}, {@code bulk}, {@code collections}). */
  public static WriteStrategy parse(String value) {
    return value == null ? AUTO : valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
