package io.activationsuite.protocol.runner;

import io.activationsuite.protocol.io.ProtocolOutput;
import java.io.InputStream;

/** The process streams a run works with: stdin for {@code write}, the protocol channel for output. */
public record RunnerIo(InputStream stdin, ProtocolOutput output) {}
