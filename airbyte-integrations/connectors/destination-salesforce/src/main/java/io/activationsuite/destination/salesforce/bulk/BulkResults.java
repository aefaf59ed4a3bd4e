package io.activationsuite.destination.salesforce.bulk;

/**
 * The three result documents of a finished ingest job (CSV text; empty when Salesforce has none) and
 * the state the job ended in.
 */
public record BulkResults(JobState finalState, String errorMessage, String successful, String failed,
    String unprocessed) {}
