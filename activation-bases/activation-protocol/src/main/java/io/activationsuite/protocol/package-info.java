/** Airbyte protocol model, connector runner and exact checkpointing. */
package io.activationsuite.protocol;
