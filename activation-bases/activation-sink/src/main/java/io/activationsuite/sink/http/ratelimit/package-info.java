/**
 * Client-side request budgets: rolling windows and daily quotas declared per API, learned from
 * response headers, shared by every thread of a sync ({@link io.activationsuite.sink.http.ratelimit.RateLimiter}).
 */
package io.activationsuite.sink.http.ratelimit;
