/** Injectable time for the HTTP layer: a {@link java.time.Clock} plus a {@link Waiter}. */
package io.activationsuite.sink.http.time;
