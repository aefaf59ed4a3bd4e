/**
 * Change data capture for local syncs: a DuckDB snapshot per sync of what was delivered (key and row
 * hash per stream), the diff of the model against it, and the snapshot's advance for acknowledged rows.
 */
package io.activationsuite.localsync.cdc;
