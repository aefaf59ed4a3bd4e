/**
 * The HTTP layer shared by every connector: OkHttp client set-up, secret redaction, base URL rules
 * and {@link io.activationsuite.sink.http.ApiClient}, which combines auth, rate limiting and retries.
 */
package io.activationsuite.sink.http;
