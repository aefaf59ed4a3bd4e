package io.activationsuite.sink.lookup;

import io.activationsuite.sink.http.ratelimit.Permit;
import io.activationsuite.sink.http.ratelimit.RateLimitSignal;
import io.activationsuite.sink.http.ratelimit.RateLimiter;
import io.activationsuite.sink.http.ratelimit.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Resolves values to ids (an email to a Slack user id, a unique property to a HubSpot record id) for every
 * thread of a sync, so each value costs at most one lookup:
 *
 * <ul>
 *   <li>bounded: at most {@code maxEntries} answers are kept, the least recently used go first;</li>
 *   <li>cached, "not found" too (negative caching), each for its own time to live;</li>
 *   <li>single-flight: threads asking for a value already being looked up wait for that lookup;</li>
 *   <li>batched: {@link #resolveAll} looks up only the values it does not know, in one source call;</li>
 *   <li>its own rate budget: each source call takes a permit of the resolver's {@link RateLimiter}
 *       (e.g. Slack's 50 lookups a minute), apart from the budget of writes.</li>
 * </ul>
 */
public final class LookupResolver {

  private final LookupSource source;
  private final RateLimiter budget;
  private final Clock clock;
  private final int maxEntries;
  private final Duration ttl;
  private final Duration negativeTtl;
  private final UnaryOperator<String> normalise;
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<String, Entry> cache = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<String, CompletableFuture<Optional<String>>> inFlight = new HashMap<>();
  private long sourceCalls;
  private long joined;

  private LookupResolver(Builder builder) {
    this.source = builder.source;
    this.budget = builder.budget;
    this.clock = builder.clock;
    this.maxEntries = builder.maxEntries;
    this.ttl = builder.ttl;
    this.negativeTtl = builder.negativeTtl;
    this.normalise = builder.normalise;
  }

  /** A builder for lookups answered by {@code source}. */
  public static Builder builder(LookupSource source) {
    return new Builder(source);
  }

  /** The id of {@code value}, or empty when the API has none. */
  public Optional<String> resolve(String value) throws Exception {
    return resolveAll(List.of(value)).get(value);
  }

  /** The id (or empty: not found) of each value, keyed as given; unknown values are looked up in one call. */
  public Map<String, Optional<String>> resolveAll(Collection<String> values) throws Exception {
    Map<String, CompletableFuture<Optional<String>>> waiting = new LinkedHashMap<>();
    Map<String, CompletableFuture<Optional<String>>> mine = new LinkedHashMap<>();
    Map<String, Optional<String>> known = new HashMap<>();
    lock.lock();
    try {
      Instant now = clock.instant();
      for (String value : values) {
        String key = normalise.apply(value);
        if (known.containsKey(key) || waiting.containsKey(key)) {
          continue;
        }
        Entry entry = cache.get(key);
        if (entry != null && now.isBefore(entry.expiresAt)) {
          known.put(key, entry.id);
          continue;
        }
        CompletableFuture<Optional<String>> pending = inFlight.get(key);
        if (pending == null) {
          pending = new CompletableFuture<>();
          inFlight.put(key, pending);
          mine.put(key, pending);
        } else {
          joined++;
        }
        waiting.put(key, pending);
      }
    } finally {
      lock.unlock();
    }
    if (!mine.isEmpty()) {
      lookUp(mine);
    }
    Map<String, Optional<String>> result = new LinkedHashMap<>();
    for (String value : values) {
      String key = normalise.apply(value);
      Optional<String> id = known.get(key);
      if (id == null) {
        try {
          id = waiting.get(key).get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
      result.put(value, id);
    }
    return result;
  }

  /** How many calls went to the source (for tests and logs). */
  public long sourceCalls() {
    lock.lock();
    try {
      return sourceCalls;
    } finally {
      lock.unlock();
    }
  }

  /** How many values were answered by joining a lookup another thread had already started. */
  public long joinedLookups() {
    lock.lock();
    try {
      return joined;
    } finally {
      lock.unlock();
    }
  }

  private void lookUp(Map<String, CompletableFuture<Optional<String>>> mine) {
    Map<String, String> found;
    try {
      Permit permit = budget.acquire();
      try {
        lock.lock();
        try {
          sourceCalls++;
        } finally {
          lock.unlock();
        }
        found = normalised(source.resolve(new LinkedHashSet<>(mine.keySet())));
      } finally {
        budget.complete(permit, RateLimitSignal.none());
      }
    } catch (Throwable e) {
      lock.lock();
      try {
        mine.keySet().forEach(inFlight::remove);
      } finally {
        lock.unlock();
      }
      mine.values().forEach(f -> f.completeExceptionally(e));
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    List<Runnable> completions = new ArrayList<>(mine.size());
    lock.lock();
    try {
      Instant now = clock.instant();
      for (Map.Entry<String, CompletableFuture<Optional<String>>> pending : mine.entrySet()) {
        Optional<String> id = Optional.ofNullable(found.get(pending.getKey()));
        Duration life = id.isPresent() ? ttl : negativeTtl;
        if (!life.isZero()) {
          cache.put(pending.getKey(), new Entry(id, now.plus(life)));
        }
        inFlight.remove(pending.getKey());
        completions.add(() -> pending.getValue().complete(id));
      }
      while (cache.size() > maxEntries) {
        cache.remove(cache.keySet().iterator().next());
      }
    } finally {
      lock.unlock();
    }
    completions.forEach(Runnable::run);
  }

  private Map<String, String> normalised(Map<String, String> answer) {
    Map<String, String> byKey = new HashMap<>();
    if (answer != null) {
      answer.forEach((value, id) -> {
        if (value != null && id != null) {
          byKey.put(normalise.apply(value), id);
        }
      });
    }
    return byKey;
  }

  private record Entry(Optional<String> id, Instant expiresAt) {
  }

  /** Assembles a {@link LookupResolver}; only the source is required. */
  public static final class Builder {
    private final LookupSource source;
    private RateLimiter budget = RateLimiter.create("lookups", RateLimits.unlimited());
    private Clock clock = Clock.systemUTC();
    private int maxEntries = 10_000;
    private Duration ttl = Duration.ofHours(1);
    private Duration negativeTtl = Duration.ofMinutes(5);
    private UnaryOperator<String> normalise = UnaryOperator.identity();

    private Builder(LookupSource source) {
      this.source = Objects.requireNonNull(source, "source");
    }

    /** The budget each source call draws from (default: unlimited). */
    public Builder budget(RateLimiter limiter) {
      this.budget = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    /** At most this many answers are kept (default 10,000). */
    public Builder maxEntries(int entries) {
      if (entries < 1) {
        throw new IllegalArgumentException("maxEntries must be >= 1");
      }
      this.maxEntries = entries;
      return this;
    }

    /** How long a found id and a "not found" are kept (zero: not cached). Defaults: 1 hour, 5 minutes. */
    public Builder ttl(Duration found, Duration notFound) {
      this.ttl = requireNotNegative(found, "found");
      this.negativeTtl = requireNotNegative(notFound, "notFound");
      return this;
    }

    /** How values are compared (e.g. emails case-insensitively); default: exactly. */
    public Builder normalise(UnaryOperator<String> normaliser) {
      this.normalise = Objects.requireNonNull(normaliser, "normaliser");
      return this;
    }

    /** The clock of the times to live (default: system). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The resolver. */
    public LookupResolver build() {
      return new LookupResolver(this);
    }

    private static Duration requireNotNegative(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return value;
    }
  }
}
