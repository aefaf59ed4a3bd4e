package io.activationsuite.sandbox;

/**
 * The document served and accepted by {@code GET|PUT /__sandbox/faults}: standing settings plus
 * pending one-shot faults.
 *
 * @param config standing settings (null on PUT keeps none: all overrides cleared)
 * @param pending one-shot counters (null on PUT clears them)
 */
public record FaultState(FaultConfig config, PendingFaults pending) {
}
