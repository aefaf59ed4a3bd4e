package io.activationsuite.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One request an emulator received, as shown by {@code GET /__sandbox/requests}. Carries no headers,
 * and query values of secret-looking parameters are masked, so the log never leaks credentials. The body
 * is kept only when the log was asked to ({@link RequestLog#keepBodies}), and then only JSON and CSV
 * bodies (form bodies carry OAuth secrets), so a test can compare what was sent with a preview.
 *
 * @param sequence 1-based arrival order
 * @param method HTTP method
 * @param path request path
 * @param query query parameters (secret values masked), empty when none
 * @param status status sent, or 0 when the connection was dropped without a response
 * @param outcome {@code OK}, or which injected fault answered ({@code INJECTED_ERROR}, {@code INJECTED_THROTTLE},
 *     {@code INJECTED_RESET}, {@code INJECTED_TIMEOUT})
 * @param requestBytes size of the request body
 * @param startedAt ISO-8601 instant the request arrived (emulator clock)
 * @param completedAt ISO-8601 instant the answer was sent (emulator clock)
 * @param durationMillis wall-clock handling time including injected latency
 * @param body the JSON or CSV body as text when the log keeps bodies, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestLogEntry(
    long sequence, String method, String path, Map<String, String> query, int status, String outcome,
    int requestBytes, String startedAt, String completedAt, long durationMillis, String body) {
}
