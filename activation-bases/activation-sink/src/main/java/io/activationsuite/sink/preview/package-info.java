/**
 * Preview (dry run): with {@code dry_run} in the connector config, {@code write} validates, maps, coerces
 * and batches every record as usual but sends no write request, and reports what it would have sent.
 */
package io.activationsuite.sink.preview;
