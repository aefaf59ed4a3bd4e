package io.activationsuite.protocol.model;

import java.util.List;

/** The output of destination {@code discover}: every operation the destination offers. */
public record DestinationCatalog(List<DestinationOperation> operations) {}
