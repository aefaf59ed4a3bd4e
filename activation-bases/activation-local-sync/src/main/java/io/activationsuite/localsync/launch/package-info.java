/**
 * The platform side of the Airbyte protocol: starting a connector (a runnable jar or a Docker image)
 * for {@code spec}, {@code check}, {@code discover} or {@code write}, feeding its stdin and reading
 * its stdout messages, logs and exit code. Used by the local sync runner and the acceptance suite.
 */
package io.activationsuite.localsync.launch;
