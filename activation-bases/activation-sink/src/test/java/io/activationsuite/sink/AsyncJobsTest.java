package io.activationsuite.sink;

import static io.activationsuite.sink.EngineFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.FieldMapping;
import io.activationsuite.sink.api.JobLimits;
import io.activationsuite.sink.api.JobProgress;
import io.activationsuite.sink.api.JobWriter;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.PollSchedule;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.api.Submission;
import io.activationsuite.sink.spec.EngineOptions;
import io.activationsuite.sink.testapi.TestActivationApi;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asynchronous jobs: no request slot while a job runs, batched polls, the jobs-in-flight limit, job sizing. */
class AsyncJobsTest {
  static final StreamPlan UPSERT = new StreamPlan(USERS, TestActivationApi.CONTACTS, Operation.UPSERT, "email",
      List.<FieldMapping>of());

  EngineFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new EngineFixture();
  }

  /**
   * An in-memory job API: a job is a list of records; it finishes once {@code finishWhen} holds for the
   * number of jobs submitted so far; every poll call is recorded with the jobs it asked about.
   */
  static final class FakeJobs implements JobWriter<Integer> {
    final Map<Integer, List<OutboundRecord>> submitted = new ConcurrentHashMap<>();
    final List<Integer> pollSizes = new CopyOnWriteArrayList<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger peakRunning = new AtomicInteger();
    final int recordsPerJob;
    final JobLimits limits;
    final IntPredicate finishWhen;
    /** Submissions wait until the test opens it (the input is all in by then). */
    final java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);

    FakeJobs(int recordsPerJob, JobLimits limits, IntPredicate finishWhen) {
      this.recordsPerJob = recordsPerJob;
      this.limits = limits;
      this.finishWhen = finishWhen;
    }

    @Override
    public BatchLimits limits() {
      return new BatchLimits(recordsPerJob, 1 << 20);
    }

    @Override
    public JobLimits jobLimits() {
      return limits;
    }

    @Override
    public Submission<Integer> submit(List<OutboundRecord> records) throws InterruptedException {
      assertThat(gate.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      int id;
      synchronized (submitted) {
        id = submitted.size() + 1;
        submitted.put(id, List.copyOf(records));
      }
      peakRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      return Submission.started(id);
    }

    @Override
    public List<JobProgress> poll(List<Integer> jobs) {
      pollSizes.add(jobs.size());
      JobProgress progress = finishWhen.test(submitted.size()) ? JobProgress.FINISHED : JobProgress.RUNNING;
      return jobs.stream().map(job -> progress).toList();
    }

    @Override
    public List<RecordOutcome> results(Integer job, List<OutboundRecord> records) {
      running.decrementAndGet();
      assertThat(records).isEqualTo(submitted.get(job));
      return records.stream().map(r -> RecordOutcome.accepted("id-" + job)).toList();
    }
  }

  private static JobLimits limits(int maxJobs, int perPoll, int minRecords) {
    return limits(maxJobs, perPoll, minRecords, Duration.ofMillis(20));
  }

  private static JobLimits limits(int maxJobs, int perPoll, int minRecords, Duration firstPoll) {
    return new JobLimits(maxJobs, perPoll, minRecords,
        new PollSchedule(firstPoll, firstPoll.multipliedBy(2), Duration.ofSeconds(20)));
  }

  private ActivationWriteSession session(JobWriter<?> writer, int concurrency) {
    return session(writer, concurrency, Duration.ofMillis(20));
  }

  private ActivationWriteSession session(JobWriter<?> writer, int concurrency, Duration linger) {
    return new ActivationWriteSession(List.of(new ActivationWriteSession.StreamWriter(UPSERT, writer)),
        fixture.store, EngineOptions.defaults().withLinger(linger).withConcurrency(concurrency),
        (level, message) -> fixture.logs.add(level + " " + message), Clock.systemUTC());
  }

  private void accept(ActivationWriteSession session, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      session.accept(fixture.record("{\"email\":\"u" + i + "@example.com\",\"age\":" + i + "}"));
    }
  }

  @Test
  void givenOneRequestSlot_whenJobsRun_thenNewJobsAreSubmittedWhileEarlierOnesAreStillRunning() throws Exception {
    // jobs finish only once three are running: a poll or a job that held the only slot would never get there
    FakeJobs jobs = new FakeJobs(2, limits(10, 1, 2), submitted -> submitted >= 3);
    jobs.gate.countDown();
    ActivationWriteSession session = session(jobs, 1);
    try (session) {
      accept(session, 6);
      fixture.state(1);
      session.drain();
    }

    assertThat(jobs.submitted).hasSize(3);
    assertThat(jobs.peakRunning.get()).isEqualTo(3);
    assertThat(session.peakJobs()).isEqualTo(3);
    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(6);
    assertThat(fixture.states).hasSize(1);
  }

  @Test
  void givenManyRunningJobs_whenPolled_thenOnePollAsksAboutSeveralJobsWithinTheWritersLimit() throws Exception {
    FakeJobs jobs = new FakeJobs(5, limits(10, 3, 5, Duration.ofMillis(200)), submitted -> submitted >= 6);
    try (ActivationWriteSession session = session(jobs, 8)) {
      accept(session, 30);
      jobs.gate.countDown();
      session.drain();
    }

    assertThat(jobs.submitted.size()).isGreaterThanOrEqualTo(6);
    assertThat(jobs.pollSizes).allMatch(size -> size <= 3).anyMatch(size -> size > 1);
    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(30);
  }

  @Test
  void givenAJobsInFlightLimit_whenMoreJobsAreWaiting_thenNoMoreThanTheLimitRunAtOnce() throws Exception {
    FakeJobs jobs = new FakeJobs(2, limits(2, 10, 2), submitted -> true);
    jobs.gate.countDown();
    ActivationWriteSession session = session(jobs, 8);
    try (session) {
      accept(session, 20);
      session.drain();
    }

    assertThat(jobs.peakRunning.get()).isLessThanOrEqualTo(2);
    assertThat(session.peakJobs()).isLessThanOrEqualTo(2);
    assertThat(jobs.submitted).hasSize(10);
    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(20);
  }

  @Test
  void givenRecordsThatFitOneJob_whenFlushed_thenTheyAreSpreadOverParallelJobsOfAtLeastTheMinimum()
      throws Exception {
    FakeJobs jobs = new FakeJobs(1_000, limits(4, 10, 10), submitted -> true);
    // a linger longer than the test: jobs start because the minimum is waiting, never because a slow machine
    // let the linger fire with a few records
    try (ActivationWriteSession session = session(jobs, 8, Duration.ofMinutes(1))) {
      accept(session, 100);
      // four jobs of 10 started while input arrived; the 60 records behind them are spread over 4 jobs
      jobs.gate.countDown();
      session.drain();
    }

    List<Integer> sizes = new ArrayList<>();
    jobs.submitted.values().forEach(records -> sizes.add(records.size()));
    // no single large job for the backlog; only the very last job of the input may be below the minimum
    assertThat(sizes).hasSizeGreaterThan(5).allMatch(size -> size <= 15);
    assertThat(sizes.stream().filter(size -> size < 10).count()).isLessThanOrEqualTo(1);
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    assertThat(fixture.ledger.stats().acknowledged()).isEqualTo(100);
  }

  @Test
  void givenAJobWriterOutsideTheEngine_whenWriteIsCalled_thenItSubmitsPollsAndReturnsTheOutcomes() throws Exception {
    FakeJobs jobs = new FakeJobs(10, limits(1, 1, 1), submitted -> true);
    jobs.gate.countDown();
    List<OutboundRecord> batch = List.of(
        new OutboundRecord("1", "a@example.com", io.activationsuite.protocol.model.Json.mapper().createObjectNode(),
            java.util.Set.of(), 10));

    assertThat(jobs.write(batch)).containsExactly(RecordOutcome.accepted("id-1"));
  }
}
