package io.activationsuite.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Zendesk's background jobs: at most {@value #MAX_ACTIVE_JOBS} queued or running per account, each queued
 * then working for the time the {@link JobProfile} gives, then completed; jobs are forgotten an hour after
 * they finished. For tests, jobs can be held queued until released, and the next jobs can be made to fail
 * as a whole. Thread-safe.
 */
final class JobEngine implements AutoCloseable {

  /** Zendesk's cap on queued or running jobs per account. */
  static final int MAX_ACTIVE_JOBS = 30;
  /** How long Zendesk keeps a finished job's status. */
  static final Duration EXPIRY = Duration.ofHours(1);

  private final Clock clock;
  private final Random random;
  private final Map<String, ZendeskJob> jobs = new LinkedHashMap<>();
  private final List<ZendeskJob> held = new ArrayList<>();
  private final ScheduledExecutorService scheduler;
  private volatile JobProfile profile;
  private boolean hold;
  private int failNext;

  JobEngine(Clock clock, Random random, JobProfile profile) {
    this.clock = clock;
    this.random = random;
    this.profile = profile;
    this.scheduler = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "sandbox-zendesk-jobs");
      t.setDaemon(true);
      return t;
    });
  }

  JobProfile profile() {
    return profile;
  }

  void profile(JobProfile value) {
    this.profile = value;
  }

  /** Queues a job, or returns empty when the account already has the maximum of active jobs. */
  synchronized Optional<ZendeskJob> submit(String jobType, int total, Supplier<ArrayNode> work) {
    if (jobs.values().stream().filter(ZendeskJob::active).count() >= MAX_ACTIVE_JOBS) {
      return Optional.empty();
    }
    ZendeskJob job = new ZendeskJob(newId(), jobType, total, work);
    jobs.put(job.id(), job);
    if (hold) {
      held.add(job);
    } else {
      schedule(job);
    }
    return Optional.of(job);
  }

  /** A job that has not expired. */
  synchronized Optional<ZendeskJob> find(String id) {
    expire();
    return Optional.ofNullable(jobs.get(id));
  }

  /** The most recent jobs (at most 100), newest first. */
  synchronized List<ZendeskJob> recent() {
    expire();
    List<ZendeskJob> list = new ArrayList<>(jobs.values());
    java.util.Collections.reverse(list);
    return list.subList(0, Math.min(100, list.size()));
  }

  synchronized long active() {
    return jobs.values().stream().filter(ZendeskJob::active).count();
  }

  /** Keeps new jobs queued until {@link #release()}. */
  synchronized void hold() {
    hold = true;
  }

  /** Starts every held job and stops holding. */
  synchronized int release() {
    hold = false;
    int count = held.size();
    held.forEach(this::schedule);
    held.clear();
    return count;
  }

  /** The next {@code count} jobs end {@code failed} without changing any record. */
  synchronized void failNext(int count) {
    failNext = count;
  }

  synchronized void reset() {
    jobs.clear();
    held.clear();
    hold = false;
    failNext = 0;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private void schedule(ZendeskJob job) {
    JobProfile p = profile;
    scheduler.schedule(() -> {
      job.start(p.itemsPerSecond());
      scheduler.schedule(() -> finish(job), p.workDuration(1).isZero() ? 0
          : p.workDuration(totalOf(job)).toNanos(), TimeUnit.NANOSECONDS);
    }, p.queuedDelay().toNanos(), TimeUnit.NANOSECONDS);
  }

  private int totalOf(ZendeskJob job) {
    return job.toJson("").path("total").asInt();
  }

  private void finish(ZendeskJob job) {
    boolean fail;
    synchronized (this) {
      fail = failNext > 0;
      if (fail) {
        failNext--;
      }
    }
    Instant now = clock.instant();
    if (fail) {
      job.fail(now, "Failed: the job could not be processed (injected by the sandbox)");
    } else {
      job.complete(now);
    }
  }

  private void expire() {
    Instant cutoff = clock.instant().minus(EXPIRY);
    jobs.values().removeIf(j -> j.finishedAt() != null && !j.finishedAt().isAfter(cutoff));
    if (jobs.size() > 1_000) {
      jobs.values().stream().filter(j -> !j.active()).sorted(Comparator.comparing(ZendeskJob::finishedAt))
          .limit(jobs.size() - 1_000L).map(ZendeskJob::id).toList().forEach(jobs::remove);
    }
  }

  private String newId() {
    byte[] bytes = new byte[16];
    synchronized (random) {
      random.nextBytes(bytes);
    }
    return HexFormat.of().formatHex(bytes);
  }
}
