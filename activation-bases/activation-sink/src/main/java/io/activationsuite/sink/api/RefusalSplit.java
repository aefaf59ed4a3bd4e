package io.activationsuite.sink.api;

/**
 * What the engine may do with the records of a composed request the API refused as a whole
 * ({@link BatchRejectedException}) without saying which records were at fault.
 */
public enum RefusalSplit {
  /** Send each half again, down to single records, to isolate the faulty ones (a batch of profiles). */
  HALVES,
  /** Send every record again in a request of its own (rows of a digest become single messages). */
  SINGLES,
  /** Never resend: every record of the request is rejected with the API's message (a digest as a whole). */
  NONE
}
