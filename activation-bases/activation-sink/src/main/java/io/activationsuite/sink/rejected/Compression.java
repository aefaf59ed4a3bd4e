package io.activationsuite.sink.rejected;

/** Compression of rejected-record parts, as named by the {@code compression.compression_type} spec field. */
public enum Compression {
  /** Plain files. */
  NONE("No Compression", ""),
  /** Each part is one complete gzip member, suffixed {@code .gz}. */
  GZIP("GZIP", ".gz");

  private final String specValue;
  private final String suffix;

  Compression(String specValue, String suffix) {
    this.specValue = specValue;
    this.suffix = suffix;
  }

  /** The value of {@code compression_type} in the spec. */
  public String specValue() {
    return specValue;
  }

  /** Suffix appended after the format extension. */
  public String suffix() {
    return suffix;
  }

  /** Finds the compression for a spec value, or {@code null}. */
  static Compression fromSpecValue(String value) {
    for (Compression compression : values()) {
      if (compression.specValue.equalsIgnoreCase(value)) {
        return compression;
      }
    }
    return null;
  }
}
