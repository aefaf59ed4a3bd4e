package io.activationsuite.localsync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A local sync, as written by a user: which connector, its config, the warehouse model (DuckDB SQL over
 * a database or CSV/Parquet/JSONL files), where the change-data-capture snapshot lives and, per stream,
 * the destination object, mode, matching key, field mapping and what happens to rows that left the
 * model. {@code baseDirectory} is where relative paths are resolved (the file's folder).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SyncFile(
    String destination,
    String config,
    @JsonProperty("config_inline") ObjectNode configInline,
    String database,
    List<String> setup,
    String snapshot,
    List<StreamSpec> streams,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Path baseDirectory,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Path path) {

  /**
   * One model query written to one destination object. {@code lookups} maps a destination field (a column
   * of the query, after {@code fields}) to a lookup the connector offers (e.g. {@code OwnerId:
   * user_by_email}): the column holds an email and the connector writes the id it resolves to.
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record StreamSpec(
      String name,
      String namespace,
      String query,
      String object,
      String mode,
      @JsonProperty("matching_key") String matchingKey,
      @JsonProperty("primary_key") String primaryKey,
      Map<String, String> fields,
      @JsonProperty("state_every") Integer stateEvery,
      @JsonProperty("on_removed") Removal onRemoved,
      Map<String, String> lookups) {

    public int stateEveryOrDefault() {
      return stateEvery == null || stateEvery < 1 ? 1_000 : stateEvery;
    }

    /** The column that identifies a row for change data capture: primary_key, else the matching key. */
    public String changeKey() {
      return primaryKey != null ? primaryKey : matchingKey;
    }

    /** Whether some field of this stream is resolved by a lookup. */
    public boolean hasLookups() {
      return lookups != null && !lookups.isEmpty();
    }

    /** The name of the companion stream that carries this stream's removals. */
    public String removalStreamName() {
      return name + "_removed";
    }
  }

  /**
   * What to do with a row that was delivered before and is no longer in the model: {@code mode}
   * soft_delete archives or deletes it; update (or append_dedup) sets the fields in {@code set} (e.g. a
   * segment property cleared) on the record found by the stream's matching key.
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Removal(String mode, Map<String, Object> set) {}

  public SyncFile withLocation(Path file) {
    Path absolute = file.toAbsolutePath();
    return new SyncFile(destination, config, configInline, database, setup, snapshot, streams, absolute.getParent(),
        absolute);
  }

  /** Where the change-data-capture snapshot of this sync lives. */
  public Path snapshotPath() {
    if (snapshot != null && !snapshot.isBlank()) {
      return baseDirectory.resolve(snapshot);
    }
    String name = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return baseDirectory.resolve(".local-sync").resolve(name + ".snapshot.duckdb");
  }
}
