package io.activationsuite.sink.api;

import java.util.Objects;

/**
 * A request a writer would send, exactly as it would send it, for a preview (dry run): built by the
 * writer's own request code, never sent. An id the API has not given yet (a job's id) is written in the
 * path as {@code {jobId}}.
 *
 * @param method HTTP method
 * @param path the request path (and query), as the API sees it, without scheme and host
 * @param contentType the body's media type, or null without a body
 * @param body the body as sent (JSON or CSV text), or null without a body
 */
public record PlannedRequest(String method, String path, String contentType, String body) {

  public PlannedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
  }

  /** A request with a JSON body. */
  public static PlannedRequest json(String method, String path, String body) {
    return new PlannedRequest(method, path, "application/json", body);
  }
}
