package io.activationsuite.localsync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A local sync, as written by a user: which connector, its config, the warehouse model (DuckDB SQL over
 * a database or CSV/Parquet/JSONL files) and, per stream, the destination object, mode, matching key
 * and field mapping. {@code baseDirectory} is where relative paths are resolved (the file's folder).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SyncFile(
    String destination,
    String config,
    @JsonProperty("config_inline") ObjectNode configInline,
    String database,
    List<String> setup,
    List<StreamSpec> streams,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Path baseDirectory) {

  /** One model query written to one destination object. */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record StreamSpec(
      String name,
      String namespace,
      String query,
      String object,
      String mode,
      @JsonProperty("matching_key") String matchingKey,
      Map<String, String> fields,
      @JsonProperty("state_every") Integer stateEvery) {

    public int stateEveryOrDefault() {
      return stateEvery == null || stateEvery < 1 ? 1_000 : stateEvery;
    }
  }

  public SyncFile withBaseDirectory(Path directory) {
    return new SyncFile(destination, config, configInline, database, setup, streams, directory);
  }
}
