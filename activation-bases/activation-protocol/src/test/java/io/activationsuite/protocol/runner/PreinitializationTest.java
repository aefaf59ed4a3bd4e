package io.activationsuite.protocol.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class PreinitializationTest {

  @Test
  void specOrAMissingCommandStartsNothing() {
    assertThat(Preinitialization.startFor(new String[] {"spec"}, 2)).isEmpty();
    assertThat(Preinitialization.startFor(new String[] {}, 2)).isEmpty();
  }

  @Test
  void oneProcessorStartsNothingBecauseTheWorkWouldCompeteWithTheStartUp() {
    assertThat(Preinitialization.startFor(new String[] {"write", "--config", "c.json"}, 1)).isEmpty();
  }

  @Test
  void checkDiscoverAndWriteRunEveryPreinitializerOnTheClasspathPastOneThatFails() throws Exception {
    for (String command : new String[] {"check", "discover", "write"}) {
      Optional<Thread> thread = Preinitialization.startFor(new String[] {command}, 2);

      assertThat(thread).hasValueSatisfying(started -> assertThat(started.isDaemon()).isTrue());
      thread.get().join(60_000);
      assertThat(thread.get().isAlive()).as("preinitialization finished").isFalse();
      assertThat(Failing.THREADS).as("the failing one ran").contains(thread.get());
      assertThat(Recording.THREADS).as("the one after it ran").contains(thread.get());
    }
  }

  @Test
  void theRunnersOwnWorkSucceedsSoItKeepsWarmingAsTheModelChanges() {
    assertThatCode(() -> new ProtocolPreinitializer().preinitialize()).doesNotThrowAnyException();
  }

  /** Registered first in the test's service file: throws. */
  public static final class Failing implements Preinitializer {
    static final Set<Thread> THREADS = ConcurrentHashMap.newKeySet();

    @Override
    public void preinitialize() {
      THREADS.add(Thread.currentThread());
      throw new IllegalStateException("no network here");
    }
  }

  /** Registered after {@link Failing}: records the threads it ran on. */
  public static final class Recording implements Preinitializer {
    static final Set<Thread> THREADS = ConcurrentHashMap.newKeySet();

    @Override
    public void preinitialize() {
      THREADS.add(Thread.currentThread());
    }
  }
}
