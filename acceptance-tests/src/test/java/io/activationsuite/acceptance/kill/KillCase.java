package io.activationsuite.acceptance.kill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.acceptance.connectors.WriteTarget;
import java.util.function.UnaryOperator;

/**
 * One object and operation a kill trial writes, with the delivery guarantee the connector's page documents
 * for it - which decides what the sandbox may hold after kills and reruns.
 *
 * @param name short label for the report (e.g. {@code upsert}, {@code create}, {@code upsert-bulk})
 * @param target what the catalog asks for
 * @param config adjusts the descriptor's valid config for this case (e.g. the Bulk API strategy)
 * @param guarantee what the connector page promises for this operation
 * @param maxInFlight the most records that can be in flight (sent, not yet answered or finished) when a kill
 *     comes: records per request times the requests or async jobs in flight at once
 * @param viaJobs whether the case writes through async jobs (kill points may then aim at a job in flight)
 */
public record KillCase(String name, WriteTarget target, UnaryOperator<ObjectNode> config, Guarantee guarantee,
    int maxInFlight, boolean viaJobs) {

  /** A case that uses the descriptor's config unchanged. */
  public static KillCase of(String name, WriteTarget target, Guarantee guarantee, int maxInFlight) {
    return new KillCase(name, target, UnaryOperator.identity(), guarantee, maxInFlight, false);
  }

  /** The delivery guarantees the connector pages document, as far as a kill and rerun can observe them. */
  public enum Guarantee {
    /**
     * Idempotent (upsert, update, set attributes): a rerun repeats the same writes, so after any number of
     * kills the sandbox holds each record exactly once with its latest values.
     */
    EFFECTIVELY_ONCE,
    /**
     * Not idempotent (create, post a message, track an event): the connector never resends a request on its
     * own (an uncertain one is rejected {@code DELIVERY_UNCERTAIN}), but the records a killed run had in
     * flight after its last echoed STATE are sent again by the platform's rerun - duplicates up to those,
     * never a lost record.
     */
    AT_MOST_ONCE_PER_RUN
  }
}
