package io.activationsuite.sink.api;

import io.activationsuite.protocol.errors.TransientErrorException;

/**
 * A request that is not safe to resend failed after it may have reached the API (a timeout or a reset
 * after the body was sent, a gateway error): the API may or may not have applied it. Resending could
 * write its records twice and dropping them would lose them silently, so the shared HTTP layer throws
 * this instead, and the engine ends every record of the batch as rejected with
 * {@link RejectionReason#DELIVERY_UNCERTAIN} and this message. A writer that sends several requests per
 * batch catches it per request and returns {@link #outcome()} for that request's records only.
 */
public class DeliveryUncertainException extends TransientErrorException {
  private static final long serialVersionUID = 1L;

  public DeliveryUncertainException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The outcome of each record the uncertain request carried. */
  public RecordOutcome outcome() {
    return RecordOutcome.rejected(RejectionReason.DELIVERY_UNCERTAIN, null, getMessage(), null);
  }
}
