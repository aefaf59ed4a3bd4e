package io.activationsuite.sink.rejected;

import io.activationsuite.sink.api.RejectionReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One record the destination refused, with everything a user needs to fix and replay it: the stream, the
 * original record data, the payload that was (or would have been) sent, a {@link RejectionReason}, the field
 * concerned and the API's own words.
 *
 * <p>It holds record data and API error text only, never connector configuration, credentials or request
 * headers: whatever lands in the rejected-records storage is data the user already owns. Callers must not put
 * secrets in {@code message} (pass the API's response message, not the request).
 *
 * <p>The JSON nodes are deep-copied on construction; treat the returned nodes as read-only.
 *
 * @param namespace stream namespace, {@code null} when the source has none
 * @param stream stream name
 * @param record the original record {@code data} as received (a {@link NullNode} when absent)
 * @param payload the mapped payload sent or meant for the API, {@code null} when mapping never happened
 * @param reason the taxonomy code
 * @param field the destination field concerned, {@code null} when not field-specific
 * @param message the API's message or our explanation, {@code null} when none
 * @param httpStatus the HTTP status of the refusing response, {@code null} when not from an HTTP response
 * @param emittedAt the source {@code emitted_at} (epoch milliseconds), {@code null} when unknown
 * @param rejectedAt when the record was rejected
 */
public record RejectedRecord(
    String namespace,
    String stream,
    JsonNode record,
    JsonNode payload,
    RejectionReason reason,
    String field,
    String message,
    Integer httpStatus,
    Long emittedAt,
    Instant rejectedAt) {

  /** Validates and defensively copies the record. */
  public RejectedRecord {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(rejectedAt, "rejectedAt");
    if (stream.isEmpty()) {
      throw new IllegalArgumentException("stream must not be empty");
    }
    record = record == null ? NullNode.getInstance() : record.deepCopy();
    payload = payload == null || payload.isNull() ? null : payload.deepCopy();
  }

  /** Starts a builder for the given stream and reason; the other fields are optional. */
  public static Builder builder(String namespace, String stream, RejectionReason reason) {
    return new Builder(namespace, stream, reason);
  }

  /** Fluent construction of a {@link RejectedRecord}: only stream, reason and rejection time are mandatory. */
  public static final class Builder {
    private final String namespace;
    private final String stream;
    private final RejectionReason reason;
    private JsonNode record;
    private JsonNode payload;
    private String field;
    private String message;
    private Integer httpStatus;
    private Long emittedAt;
    private Instant rejectedAt;

    private Builder(String namespace, String stream, RejectionReason reason) {
      this.namespace = namespace;
      this.stream = stream;
      this.reason = reason;
    }

    /** The original record data. */
    public Builder record(JsonNode value) {
      this.record = value;
      return this;
    }

    /** The mapped payload sent or meant for the API. */
    public Builder payload(JsonNode value) {
      this.payload = value;
      return this;
    }

    /** The destination field concerned. */
    public Builder field(String value) {
      this.field = value;
      return this;
    }

    /** The API's message or our explanation (never request headers or credentials). */
    public Builder message(String value) {
      this.message = value;
      return this;
    }

    /** The HTTP status of the refusing response. */
    public Builder httpStatus(Integer value) {
      this.httpStatus = value;
      return this;
    }

    /** The source {@code emitted_at} in epoch milliseconds. */
    public Builder emittedAt(Long value) {
      this.emittedAt = value;
      return this;
    }

    /** When the record was rejected. */
    public Builder rejectedAt(Instant value) {
      this.rejectedAt = value;
      return this;
    }

    /** Builds the immutable record. */
    public RejectedRecord build() {
      return new RejectedRecord(namespace, stream, record, payload, reason, field, message, httpStatus,
          emittedAt, rejectedAt);
    }
  }
}
