package io.activationsuite.sink.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.sink.http.FakeTime;
import io.activationsuite.sink.http.ratelimit.RateLimiter;
import io.activationsuite.sink.http.ratelimit.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LookupResolverTest {
  private static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");
  private static final java.util.concurrent.Executor THREADS = r -> Thread.ofVirtual().start(r);
  private static final Map<String, String> USERS = Map.of("ana@x.com", "U1", "bo@x.com", "U2");

  private final FakeTime time = new FakeTime(T0);
  private final List<Set<String>> calls = new CopyOnWriteArrayList<>();
  private final LookupSource directory = values -> {
    calls.add(Set.copyOf(values));
    return USERS.entrySet().stream().filter(e -> values.contains(e.getKey()))
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  };

  @Test
  void foundAndNotFoundAnswersAreCachedForTheirOwnTimeToLive() throws Exception {
    LookupResolver resolver = LookupResolver.builder(directory).clock(time)
        .ttl(Duration.ofHours(1), Duration.ofMinutes(5)).build();

    assertThat(resolver.resolve("ana@x.com")).contains("U1");
    assertThat(resolver.resolve("nobody@x.com")).isEmpty();
    assertThat(resolver.resolve("ana@x.com")).contains("U1");
    assertThat(resolver.resolve("nobody@x.com")).isEmpty();
    assertThat(resolver.sourceCalls()).isEqualTo(2);

    time.advance(Duration.ofMinutes(6));
    assertThat(resolver.resolve("nobody@x.com")).isEmpty();
    assertThat(resolver.resolve("ana@x.com")).contains("U1");
    assertThat(resolver.sourceCalls()).as("only the expired not-found is asked again").isEqualTo(3);
  }

  @Test
  void aBatchLooksUpOnlyWhatItDoesNotKnowInOneCall() throws Exception {
    LookupResolver resolver = LookupResolver.builder(directory).normalise(v -> v.toLowerCase(Locale.ROOT)).build();
    resolver.resolve("ana@x.com");

    Map<String, Optional<String>> ids = resolver.resolveAll(List.of("ANA@x.com", "bo@x.com", "zed@x.com", "bo@x.com"));

    assertThat(ids).containsEntry("ANA@x.com", Optional.of("U1")).containsEntry("bo@x.com", Optional.of("U2"))
        .containsEntry("zed@x.com", Optional.empty());
    assertThat(calls).containsExactly(Set.of("ana@x.com"), Set.of("bo@x.com", "zed@x.com"));
  }

  @Test
  void threadsAskingForTheSameValueAtOnceShareOneLookup() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    LookupResolver resolver = LookupResolver.builder(values -> {
      entered.countDown();
      release.await(5, TimeUnit.SECONDS);
      return directory.resolve(values);
    }).build();

    CompletableFuture<Optional<String>> first = CompletableFuture.supplyAsync(() -> call(resolver), THREADS);
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Optional<String>> second = CompletableFuture.supplyAsync(() -> call(resolver), THREADS);
    CompletableFuture<Optional<String>> third = CompletableFuture.supplyAsync(() -> call(resolver), THREADS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (resolver.joinedLookups() < 2 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(resolver.joinedLookups()).as("both later callers wait for the first lookup").isEqualTo(2);
    release.countDown();

    assertThat(first.get(5, TimeUnit.SECONDS)).contains("U2");
    assertThat(second.get(5, TimeUnit.SECONDS)).contains("U2");
    assertThat(third.get(5, TimeUnit.SECONDS)).contains("U2");
    assertThat(resolver.sourceCalls()).isEqualTo(1);
  }

  @Test
  void theCacheIsBoundedAndForgetsTheLeastRecentlyUsed() throws Exception {
    LookupResolver resolver = LookupResolver.builder(directory).maxEntries(1).build();
    resolver.resolve("ana@x.com");
    resolver.resolve("bo@x.com");
    resolver.resolve("ana@x.com");

    assertThat(resolver.sourceCalls()).isEqualTo(3);
  }

  @Test
  void lookupsDrawFromTheirOwnBudget() throws Exception {
    RateLimiter budget = RateLimiter.create("lookups", RateLimits.builder().window(1, Duration.ofMinutes(1))
        .safetyMargin(0).build(), time, time);
    LookupResolver resolver = LookupResolver.builder(directory).budget(budget).clock(time).build();

    resolver.resolve("ana@x.com");
    resolver.resolve("bo@x.com");

    assertThat(time.instant()).isAfterOrEqualTo(T0.plus(Duration.ofMinutes(1)));
  }

  @Test
  void aFailedLookupReachesTheCallerAndIsNotCached() throws Exception {
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    LookupResolver resolver = LookupResolver.builder(values -> {
      attempts.add(1);
      if (attempts.size() == 1) {
        throw new IllegalStateException("directory unavailable");
      }
      return directory.resolve(values);
    }).build();

    assertThatThrownBy(() -> resolver.resolve("ana@x.com")).hasMessageContaining("directory unavailable");
    assertThat(resolver.resolve("ana@x.com")).contains("U1");
  }

  private static Optional<String> call(LookupResolver resolver) {
    try {
      return resolver.resolve("bo@x.com");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
