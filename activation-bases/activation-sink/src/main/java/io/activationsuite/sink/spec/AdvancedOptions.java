package io.activationsuite.sink.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.activationsuite.sink.api.FieldMapping.NullPolicy;
import io.activationsuite.sink.config.SpecField;

/**
 * The engine's tuning properties every connector's spec offers (after the connector's own ones, which is
 * where the engine gives them their {@code order}); {@link EngineOptions} is read from them.
 *
 * @param rejectedRecordsThresholdPercent null: never fail because of rejected records
 * @param bufferMemoryMb null: a quarter of the heap, at most 256 MB
 * @param dryRun preview: plan and log the requests, send none (see {@code DryRun})
 */
public record AdvancedOptions(
    @JsonProperty("concurrency")
    @SpecField(title = "Concurrent requests", description = "How many write requests may be in flight at once"
        + " (the API's rate limits still apply).", minimum = 1, maximum = 64,
        defaultValue = "" + EngineOptions.DEFAULT_CONCURRENCY)
    int concurrency,
    @JsonProperty("batch_linger_ms")
    @SpecField(title = "Batch linger (ms)", description = "How long a partial batch may wait for more records"
        + " before it is sent.", minimum = 0, maximum = 60000, defaultValue = "" + EngineOptions.DEFAULT_LINGER_MS)
    long batchLingerMs,
    @JsonProperty("rejected_records_threshold_percent")
    @SpecField(title = "Rejected records threshold (%)", description = "Fail the sync when more than this share"
        + " of records is rejected (checked once at least " + EngineOptions.THRESHOLD_MINIMUM_SAMPLE + " records have"
        + " ended). Leave empty to never fail because of rejected records.", minimum = 0, maximum = 100)
    Double rejectedRecordsThresholdPercent,
    @JsonProperty("null_values")
    @SpecField(title = "Null values of activation streams", description = "For streams configured in the Airbyte"
        + " data activation UI: skip leaves destination fields unchanged when the source value is null; clear"
        + " empties them.", defaultValue = "skip")
    NullPolicy nullValues,
    @JsonProperty("buffer_memory_mb")
    @SpecField(title = "Buffer memory (MB)", description = "Upper bound of the memory used by buffered and"
        + " in-flight records. Defaults to a quarter of the heap, at most 256 MB.", minimum = 1, maximum = 16384)
    Integer bufferMemoryMb,
    @JsonProperty("dry_run")
    @SpecField(title = "Dry run (preview)", defaultValue = "false", description = "Validate, map and coerce every"
        + " record and plan the requests, but send no write request: the sync log reports per stream the records"
        + " and requests it would send, the rejections with reasons and the first payloads. Reads (discovery,"
        + " lookups) still happen. No STATE message is echoed, so the platform commits nothing and the next real"
        + " sync starts where the last one ended. Turn it off to write.")
    boolean dryRun) {}
