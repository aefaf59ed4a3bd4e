package io.activationsuite.sink.rejected;

/**
 * File format of rejected-record parts, as named by the {@code format.format_type} spec field. JSONL keeps the
 * record and payload as nested objects; CSV writes them as JSON text in the {@code record} / {@code payload}
 * columns.
 */
public enum OutputFormat {
  /** One JSON object per line. */
  JSONL("JSONL", ".jsonl", "application/jsonl"),
  /** RFC 4180 CSV with a header row in every part. */
  CSV("CSV", ".csv", "text/csv");

  private final String specValue;
  private final String extension;
  private final String contentType;

  OutputFormat(String specValue, String extension, String contentType) {
    this.specValue = specValue;
    this.extension = extension;
    this.contentType = contentType;
  }

  /** The value of {@code format_type} in the spec. */
  public String specValue() {
    return specValue;
  }

  /** The file extension including the dot, before any compression suffix. */
  public String extension() {
    return extension;
  }

  /** MIME type of an uncompressed part. */
  public String contentType() {
    return contentType;
  }

  /** Finds the format for a spec value, or {@code null}. */
  static OutputFormat fromSpecValue(String value) {
    for (OutputFormat format : values()) {
      if (format.specValue.equalsIgnoreCase(value)) {
        return format;
      }
    }
    return null;
  }
}
