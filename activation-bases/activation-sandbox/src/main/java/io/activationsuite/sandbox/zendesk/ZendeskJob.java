package io.activationsuite.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One background job as Zendesk's {@code job_status} describes it: queued, working, then completed (with
 * one result per input item, in input order) or failed. The work runs once, when the job finishes.
 * Guarded by its own monitor.
 */
final class ZendeskJob {

  /** Zendesk's job states. */
  enum Status { queued, working, completed, failed }

  private final String id;
  private final String jobType;
  private final int total;
  private final Supplier<ArrayNode> work;
  private Status status = Status.queued;
  private long workStartNanos;
  private double itemsPerSecond;
  private String message;
  private ArrayNode results;
  private Instant finishedAt;

  ZendeskJob(String id, String jobType, int total, Supplier<ArrayNode> work) {
    this.id = id;
    this.jobType = jobType;
    this.total = total;
    this.work = work;
  }

  String id() {
    return id;
  }

  synchronized Status status() {
    return status;
  }

  synchronized boolean active() {
    return status == Status.queued || status == Status.working;
  }

  synchronized Instant finishedAt() {
    return finishedAt;
  }

  synchronized void start(double rate) {
    status = Status.working;
    workStartNanos = System.nanoTime();
    itemsPerSecond = rate;
  }

  /** Runs the work and completes the job. */
  synchronized void complete(Instant now) {
    results = work.get();
    status = Status.completed;
    message = "Completed at " + now;
    finishedAt = now;
  }

  synchronized void fail(Instant now, String why) {
    status = Status.failed;
    message = why;
    finishedAt = now;
  }

  synchronized ObjectNode toJson(String baseUrl) {
    ObjectNode node = Json.object();
    node.put("id", id).put("job_type", jobType)
        .put("url", baseUrl + "/api/v2/job_statuses/" + id + ".json").put("total", total)
        .put("progress", progress()).put("status", status.name());
    if (message == null) {
      node.putNull("message");
    } else {
      node.put("message", message);
    }
    if (results == null) {
      node.putNull("results");
    } else {
      node.set("results", results.deepCopy());
    }
    return node;
  }

  private int progress() {
    return switch (status) {
      case queued, failed -> 0;
      case completed -> total;
      case working -> itemsPerSecond <= 0 ? 0
          : (int) Math.min(total - 1, (System.nanoTime() - workStartNanos) / 1e9 * itemsPerSecond);
    };
  }
}
