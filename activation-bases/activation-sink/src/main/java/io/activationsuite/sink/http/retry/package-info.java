/** Retry policy, backoff and response classification for the shared HTTP layer. */
package io.activationsuite.sink.http.retry;
