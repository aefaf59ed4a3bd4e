package io.activationsuite.sandbox;

import java.net.URI;
import java.time.Clock;
import java.util.Random;

/**
 * What the core hands an emulator when its server starts: the clock, the fault controller (for
 * rate-limit budget and token-lifetime overrides), a seeded random source for ids, and its base URL.
 *
 * @param name emulator name
 * @param baseUrl where the emulator is reachable, e.g. {@code http://127.0.0.1:41234}
 * @param clock the emulator clock
 * @param faults the emulator's fault controller
 * @param random seeded random source reserved for the emulator (synchronise when using it)
 * @param options the options the emulator was started with
 */
public record EmulatorContext(
    String name, URI baseUrl, Clock clock, FaultController faults, Random random, SandboxOptions options) {
}
