package io.activationsuite.sink.rejected;

import java.util.Objects;

/**
 * How rejected-record parts are named and encoded, shared by every storage that writes files (S3 and a local
 * directory): format, compression and the two name templates of the spec.
 *
 * @param format file format
 * @param compression compression of each part
 * @param pathFormat template of the folder under the bucket path, e.g. {@code {sync_id}/{namespace}/{stream_name}/}
 * @param fileNameFormat template of a part's name; must contain {@code {part_number}} (S3 cannot append, so each
 *     part needs a new name)
 */
public record FileLayout(OutputFormat format, Compression compression, String pathFormat, String fileNameFormat) {

  /** Airbyte's default folder template: objects land under the sync (job) id, which the platform links to. */
  public static final String DEFAULT_PATH_FORMAT = "{sync_id}/{namespace}/{stream_name}/";
  /** Airbyte's default part name template. */
  public static final String DEFAULT_FILE_NAME_FORMAT = "{date}_{timestamp}_{part_number}{format_extension}";

  /** Validates the layout. */
  public FileLayout {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(pathFormat, "pathFormat");
    Objects.requireNonNull(fileNameFormat, "fileNameFormat");
  }

  /** JSONL, no compression, default templates. */
  public static FileLayout defaults() {
    return new FileLayout(OutputFormat.JSONL, Compression.NONE, DEFAULT_PATH_FORMAT, DEFAULT_FILE_NAME_FORMAT);
  }

  /** Extension of a part including compression, e.g. {@code .jsonl.gz}. */
  public String extension() {
    return format.extension() + compression.suffix();
  }
}
