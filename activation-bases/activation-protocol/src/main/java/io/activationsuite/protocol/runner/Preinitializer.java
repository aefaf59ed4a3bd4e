package io.activationsuite.protocol.runner;

/**
 * Work that every {@code check}, {@code discover} and {@code write} will need soon - loading and initialising a
 * library's classes, the JDK's TLS trust store - done ahead on a spare core while the runner starts (see
 * {@link Preinitialization}). Implementations are found with {@link java.util.ServiceLoader}; what they build is
 * thrown away, only the JVM's warmed state remains. A failure is ignored: the real call meets it again and
 * reports it.
 */
public interface Preinitializer {

  /** Does the work; may throw, which is ignored. */
  void preinitialize() throws Exception;
}
